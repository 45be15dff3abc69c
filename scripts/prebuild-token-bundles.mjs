// `npm run build`, after tsc: bundles the token scripts of every runtime and feature set once and writes each to
// dist/src/scripts/token-bundles/ with the digest of their sources, so that a build whose config has no user
// script never starts esbuild (src/scripts/prebuilt-token-bundles.ts; a stale file is ignored).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/src/scripts/', import.meta.url);
const { bundleTokenScripts, tokenBundleKeys } = await import(new URL('token-scripts.js', dist).href);
const { PREBUILT_TOKEN_BUNDLES, prebuiltBundleFile, SCRIPTS_DIR, tokenSourcesDigest, writePrebuilt } = await import(
  new URL('prebuilt-token-bundles.js', dist).href
);
const sources = tokenSourcesDigest();
rmSync(PREBUILT_TOKEN_BUNDLES, { recursive: true, force: true });
// the single file of all bundles that earlier builds wrote, in a dist/ built before
rmSync(join(SCRIPTS_DIR, 'token-bundles.json'), { force: true });
mkdirSync(PREBUILT_TOKEN_BUNDLES, { recursive: true });
const keys = tokenBundleKeys();
for (const key of keys) {
  writePrebuilt(prebuiltBundleFile(key), sources, await bundleTokenScripts(key));
}
// stderr: `npm pack --json` reads stdout, and prepack runs this build
console.error(`prebuilt ${keys.length} token bundles into ${PREBUILT_TOKEN_BUNDLES}`);
// The Bruno runtime adapter likewise (src/scripts/bruno-runtime.ts): a Bruno build then never starts esbuild either.
const { prebuildBrunoRuntime } = await import(new URL('bruno-runtime.js', dist).href);
console.error(`prebuilt the Bruno runtime adapter into ${await prebuildBrunoRuntime()}`);
// The JWT signers and DPoP proof makers likewise (src/scripts/prebuilt-crypto-bundles.ts): a config that signs or
// makes DPoP proofs then starts no esbuild either.
const { PREBUILT_CRYPTO_BUNDLES, prebuiltCryptoFile, cryptoSourcesDigest } = await import(
  new URL('prebuilt-crypto-bundles.js', dist).href
);
const { JWT_ALGORITHMS, bundleJwtSigner, jwtSignerName } = await import(new URL('jwt-signer.js', dist).href);
const { DPOP_ALGORITHMS, bundleDpopProof, dpopProofName } = await import(new URL('dpop-proof.js', dist).href);
const cryptoSources = cryptoSourcesDigest();
rmSync(PREBUILT_CRYPTO_BUNDLES, { recursive: true, force: true });
mkdirSync(PREBUILT_CRYPTO_BUNDLES, { recursive: true });
const crypto = [
  ...JWT_ALGORITHMS.map((algorithm) => [jwtSignerName(algorithm), () => bundleJwtSigner(algorithm)]),
  ...DPOP_ALGORITHMS.map((algorithm) => [dpopProofName(algorithm), () => bundleDpopProof(algorithm)]),
];
for (const [name, bundle] of crypto) {
  writePrebuilt(prebuiltCryptoFile(name), cryptoSources, { code: await bundle() });
}
console.error(`prebuilt ${crypto.length} JWT signers and DPoP proof makers into ${PREBUILT_CRYPTO_BUNDLES}`);
