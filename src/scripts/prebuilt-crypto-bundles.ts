import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { manifestAbove, PACKAGE_ROOT } from '../package-root.js';
import { hashScriptModules, readPrebuilt, SCRIPTS_DIR, tokenSourcesDigest } from './prebuilt-token-bundles.js';

/**
 * The npm packages the JWT signers and DPoP proof makers inline (scripts-src/jwt/ imports them), each with a module
 * it exports. Their versions go into the digest of a prebuilt crypto bundle; a bundle that inlines any other
 * package is refused when it is built (`checkCryptoInputs`), so this list cannot fall behind.
 */
const CRYPTO_PACKAGES: Record<string, string> = {
  '@noble/curves': 'utils.js',
  '@noble/hashes': 'utils.js',
  'micro-rsa-dsa-dh': 'utils.js',
};

/** dist/src/scripts/crypto-bundles/: the signers and proof makers `npm run build` prebuilt, a file a bundle. */
export const PREBUILT_CRYPTO_BUNDLES = join(SCRIPTS_DIR, 'crypto-bundles');

/** The prebuilt file of a crypto bundle by name (`jwt-signer-rs256`, `dpop-proof-eddsa`). */
export function prebuiltCryptoFile(name: string): string {
  return join(PREBUILT_CRYPTO_BUNDLES, `${name}.json`);
}

/**
 * A digest of everything a crypto bundle is made from: what the token bundles are made from (scripts-src/jwt/ among
 * it, esbuild's version), the compiled modules that bundle the crypto code, and the versions of the packages it
 * inlines. A prebuilt file whose digest differs is not used.
 */
export function cryptoSourcesDigest(): string {
  return (digest ??= sourcesDigest());
}

let digest: string | undefined;

function sourcesDigest(): string {
  const hash = hashScriptModules(createHash('sha256').update(`${tokenSourcesDigest()}\0`), [
    'jwt-signer',
    'dpop-proof',
    'prebuilt-crypto-bundles',
  ]);
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  for (const [name, exported] of Object.entries(CRYPTO_PACKAGES))
    hash.update(`${name}@${packageVersion(require.resolve(`${name}/${exported}`), name)}\0`);
  return hash.digest('hex');
}

/** The version of package `name`, from the package.json above one of its files (its `exports` hide that file). */
function packageVersion(file: string, name: string): string {
  try {
    const found = manifestAbove(dirname(file), name);
    return found ? String(found.manifest.version) : 'unknown';
  } catch {
    // a package.json on the way that does not parse (a broken install): unknown, as when none names the package
    return 'unknown';
  }
}

/**
 * The crypto bundle `name` that `npm run build` prebuilt, when it was built from the current sources; else
 * undefined, and it is bundled with esbuild at run time. A build that signs or makes DPoP proofs then starts no
 * esbuild (about 0.1 s and a helper process).
 */
export function prebuiltCryptoBundle(name: string): string | undefined {
  return readPrebuilt<{ code: string }>(prebuiltCryptoFile(name), cryptoSourcesDigest)?.code;
}

/**
 * Refuses a crypto bundle that inlines a package `CRYPTO_PACKAGES` does not list (its version would be missing from
 * the digest). `inputs`: the bundle's input paths (esbuild's metafile), relative to the package root: its own
 * sources (`scripts-src/…`), and its dependencies under `node_modules/…`, or up beside it (`../@noble/…`, npm's
 * hoisting) or in pnpm's store (`../../.pnpm/…/node_modules/…`).
 */
export function checkCryptoInputs(inputs: readonly string[]): void {
  for (const input of inputs) {
    const at = input.lastIndexOf('node_modules/');
    const path = at >= 0 ? input.slice(at + 'node_modules/'.length) : input.replace(/^(\.\.\/)+/, '');
    if (path === input) continue;
    const [scope = '', name = ''] = path.split('/');
    const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
    if (!Object.hasOwn(CRYPTO_PACKAGES, pkg))
      throw new Error(
        `a crypto bundle inlines ${pkg}: add it to CRYPTO_PACKAGES (src/scripts/prebuilt-crypto-bundles.ts)`,
      );
  }
}
