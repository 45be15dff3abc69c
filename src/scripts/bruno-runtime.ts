import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { VERSION } from '../version.js';
import { buildOnce } from './build-once.js';
import { SANDBOX_BUILD_OPTIONS, withoutModuleComments } from './esbuild-sandbox.js';
import {
  hashScriptModules,
  readPrebuilt,
  SCRIPTS_DIR,
  tokenSourcesDigest,
  writePrebuilt,
} from './prebuilt-token-bundles.js';
import { BoundedCache } from '../bounded-cache.js';

/** Where a bruno collection keeps the modules its scripts `require` (relative to the collection's folder). */
export const BRUNO_LIB_DIR = 'lib';
/** File name of the Bruno runtime adapter (the `pm` API on top of `bru`) in `BRUNO_LIB_DIR`. */
export const BRUNO_RUNTIME_FILE = 'gen-collection-runtime.js';

/**
 * The Bruno runtime adapter (scripts-src/runtime/bruno-pm.ts) as a CommonJS module exporting `createPm`: written
 * to `lib/` of each bruno collection, where Bruno loads it in both sandboxes without esprima parsing it.
 */
export const brunoRuntimeModule: () => Promise<string> = (() => {
  const build = buildOnce(async () => prebuiltRuntime() ?? bundleRuntime());
  return () => build('bruno');
})();

/** dist/src/scripts/bruno-runtime.json: the adapter `npm run build` bundled (absent when running from src/). */
const PREBUILT_RUNTIME = join(SCRIPTS_DIR, 'bruno-runtime.json');

/**
 * Bundles the adapter into `PREBUILT_RUNTIME` (`npm run build`, with the token bundles), so that a Bruno build
 * does not start esbuild for it: about 50 ms of CPU and a helper process per run.
 */
export async function prebuildBrunoRuntime(): Promise<string> {
  writePrebuilt(PREBUILT_RUNTIME, runtimeDigest(), { code: await bundleRuntime() });
  return PREBUILT_RUNTIME;
}

/** The prebuilt adapter when it was built from the current sources (a stale or missing file: undefined). */
function prebuiltRuntime(): string | undefined {
  return readPrebuilt<{ code: string }>(PREBUILT_RUNTIME, runtimeDigest)?.code;
}

/** What the adapter is made from: the sources the token bundles are (scripts-src/runtime/ among them), this module and the version in its header. */
function runtimeDigest(): string {
  // this module's file by name: inside the CLI bundle, import.meta.url is a chunk's
  return hashScriptModules(createHash('sha256').update(`${tokenSourcesDigest()}\0${VERSION}\0`), [
    'bruno-runtime',
  ]).digest('hex');
}

async function bundleRuntime(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...SANDBOX_BUILD_OPTIONS,
    format: 'cjs',
    absWorkingDir: PACKAGE_ROOT,
    metafile: true,
    entryPoints: [join(PACKAGE_ROOT, 'scripts-src', 'runtime', 'bruno-pm.ts')],
  });
  const code = withoutModuleComments(result);
  return `// gen-collection ${VERSION}: the pm API on Bruno (bru, req, res). Generated: rebuild instead of editing.\n${code}`;
}

/** The globals a script passes to the adapter: `res`, `test` and `expect` exist in some script kinds only. */
const ADAPTER_GLOBALS = ['res', 'test', 'expect'].map(
  (name) => `${name}: typeof ${name} === 'undefined' ? undefined : ${name}`,
);
/** The line that loads the adapter as `pm` (the same in every script). */
const LOAD_ADAPTER = `const pm = require('./${BRUNO_LIB_DIR}/${BRUNO_RUNTIME_FILE}').createPm({ bru, req, ${ADAPTER_GLOBALS.join(', ')} });`;

/**
 * One Bruno script from `pm`-style code pieces: the adapter is loaded as `pm`, the pieces run in order, and the
 * script ends by waiting for their `pm.sendRequest` callbacks (failing the request when the token flow says so).
 * Each script is its own closure in Bruno, so every one loads the adapter; '' when there is no code.
 */
export function brunoScript(pieces: readonly string[], header: string): string {
  // most items carry one piece that many share (their status test): its script is made once, and is then the same
  // string, whose hash the YAML emitter's cache of blocks already has
  if (pieces.length !== 1) return scriptOf(pieces, header);
  let ofHeader = scriptsOfOne.get(header);
  if (!ofHeader) scriptsOfOne.set(header, (ofHeader = new BoundedCache(4000)));
  return ofHeader.get(pieces[0]!) ?? ofHeader.keep(pieces[0]!, scriptOf(pieces, header));
}

function scriptOf(pieces: readonly string[], header: string): string {
  // trimEnd drops exactly what /\s+$/ matches (white space and line terminators), without a regex per piece
  const code = pieces.map((piece) => piece.trimEnd()).filter((piece) => piece !== '');
  if (code.length === 0) return '';
  return [`${header}\n${LOAD_ADAPTER}`, ...code, 'await pm.settle();'].join('\n\n') + '\n';
}

/** The scripts of one piece made so far, by header, then piece. */
const scriptsOfOne = new Map<string, BoundedCache<string>>();
