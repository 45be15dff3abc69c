// `npm run build`, after tsc: bundles the token scripts of every runtime and feature set once and writes them to
// dist/src/scripts/token-bundles.json with the digest of their sources, so that a build whose config has no
// user script never starts esbuild (src/scripts/prebuilt-token-bundles.ts; a stale file is ignored).
import { writeFileSync } from 'node:fs';

const dist = new URL('../dist/src/scripts/', import.meta.url);
const { bundleTokenScripts, tokenBundleKeys } = await import(new URL('token-scripts.js', dist).href);
const { PREBUILT_TOKEN_BUNDLES, tokenSourcesDigest } = await import(new URL('prebuilt-token-bundles.js', dist).href);
const bundles = {};
for (const key of tokenBundleKeys()) bundles[key] = await bundleTokenScripts(key);
writeFileSync(PREBUILT_TOKEN_BUNDLES, `${JSON.stringify({ sources: tokenSourcesDigest(), bundles })}\n`);
// stderr: `npm pack --json` reads stdout, and prepack runs this build
console.error(`prebuilt ${Object.keys(bundles).length} token bundles into ${PREBUILT_TOKEN_BUNDLES}`);
// The Bruno runtime adapter likewise (src/scripts/bruno-runtime.ts): a Bruno build then never starts esbuild either.
const { prebuildBrunoRuntime } = await import(new URL('bruno-runtime.js', dist).href);
console.error(`prebuilt the Bruno runtime adapter into ${await prebuildBrunoRuntime()}`);
