import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../package-root.js';
import { buildOnce } from './build-once.js';
import { SANDBOX_BUILD_OPTIONS, withoutModuleComments } from './esbuild-sandbox.js';
import { checkCryptoInputs, prebuiltCryptoBundle } from './prebuilt-crypto-bundles.js';

/** The JWS algorithms the sandbox signer implements (DESIGN: `auth.assertion.algorithm`). */
export const JWT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'HS256', 'EdDSA'] as const;
/** One of `JWT_ALGORITHMS`. */
export type JwtAlgorithmName = (typeof JWT_ALGORITHMS)[number];

/** Name of the ambient function the signer script defines and the token script calls to sign a JWT. */
export const JWT_SIGNER_GLOBAL = 'genCollectionSignJwt';

const JWT_DIR = join(PACKAGE_ROOT, 'scripts-src', 'jwt');

/**
 * micro-rsa-dsa-dh takes the PSS salt from @noble/hashes' `randomBytes`, which needs a Web Crypto the
 * sandboxes do not expose: its imports of that module get scripts-src/jwt/salt-bytes.ts instead.
 */
const saltBytesPlugin: Plugin = {
  name: 'gen-collection-salt-bytes',
  setup(build) {
    build.onResolve({ filter: /^@noble\/hashes\/utils\.js$/ }, (args) =>
      /[\\/]micro-rsa-dsa-dh[\\/]/.test(args.importer) ? { path: join(JWT_DIR, 'salt-bytes.ts') } : undefined,
    );
  },
};

/**
 * The JWT signer for one algorithm as sandbox JavaScript: `const genCollectionSignJwt = (() => {…})();`, the
 * crypto library inlined. Only collections whose config signs a JWT carry it, with only that algorithm's code.
 */
export const jwtSignerScript: (algorithm: JwtAlgorithmName) => Promise<string> = buildOnce(
  async (algorithm: JwtAlgorithmName) => prebuiltCryptoBundle(jwtSignerName(algorithm)) ?? bundleJwtSigner(algorithm),
);

/** The name of an algorithm's signer bundle: its prebuilt file (`npm run build`) and the entry esbuild reads. */
export function jwtSignerName(algorithm: JwtAlgorithmName): string {
  return `jwt-signer-${algorithm.toLowerCase()}`;
}

/** The signer of `algorithm` bundled with esbuild (what `npm run build` prebuilds). */
export function bundleJwtSigner(algorithm: JwtAlgorithmName): Promise<string> {
  const module = algorithm.toLowerCase();
  return bundleJwtEntry(
    `import { jwtSigner } from './sign-jwt.ts';\nimport { ${module} } from './${module}.ts';\nexport const signJwt = jwtSigner(${module});\n`,
    `${jwtSignerName(algorithm)}.ts`,
    JWT_SIGNER_GLOBAL,
    'signJwt',
  );
}

/**
 * `entry` (TypeScript in scripts-src/jwt/ that exports `exported`; `sourcefile` starting jwt-signer or dpop-proof) as sandbox JavaScript defining one constant,
 * `const <global> = (() => {…})();`, its crypto libraries inlined.
 */
export async function bundleJwtEntry(
  entry: string,
  sourcefile: string,
  global: string,
  exported: string,
): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...SANDBOX_BUILD_OPTIONS,
    format: 'esm',
    absWorkingDir: PACKAGE_ROOT,
    metafile: true,
    plugins: [...(SANDBOX_BUILD_OPTIONS.plugins ?? []), saltBytesPlugin],
    stdin: { contents: entry, resolveDir: JWT_DIR, sourcefile, loader: 'ts' },
  });
  checkCryptoInputs(Object.keys(result.metafile!.inputs));
  // The module path comments (the crypto libraries' differ between installations) and the entry's export go.
  const code = withoutModuleComments(result).replace(/^export \{[^}]*\};\n?/m, '');
  return `const ${global} = (() => {\n${code}return ${exported};\n})();\n`;
}
