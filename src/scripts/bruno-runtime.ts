import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { VERSION } from '../version.js';
import { buildOnce } from './build-once.js';
import { SANDBOX_BUILD_OPTIONS } from './esbuild-sandbox.js';

/** Where a bruno collection keeps the modules its scripts `require` (relative to the collection's folder). */
export const BRUNO_LIB_DIR = 'lib';
/** File name of the Bruno runtime adapter (the `pm` API on top of `bru`) in `BRUNO_LIB_DIR`. */
export const BRUNO_RUNTIME_FILE = 'gen-collection-runtime.js';

/**
 * The Bruno runtime adapter (scripts-src/runtime/bruno-pm.ts) as a CommonJS module exporting `createPm`: written
 * to `lib/` of each bruno collection, where Bruno loads it in both sandboxes without esprima parsing it.
 */
export const brunoRuntimeModule: () => Promise<string> = (() => {
  const build = buildOnce(bundleRuntime);
  return () => build('bruno');
})();

async function bundleRuntime(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...SANDBOX_BUILD_OPTIONS,
    format: 'cjs',
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: [join(PACKAGE_ROOT, 'scripts-src', 'runtime', 'bruno-pm.ts')],
  });
  const code = result.outputFiles![0]!.text.replace(/^\/\/ scripts-src\/[^\n]*\n/gm, '');
  return `// gen-collection ${VERSION}: the pm API on Bruno (bru, req, res). Generated: rebuild instead of editing.\n${code}`;
}

/**
 * One Bruno script from `pm`-style code pieces: the adapter is loaded as `pm`, the pieces run in order, and the
 * script ends by waiting for their `pm.sendRequest` callbacks (failing the request when the token flow says so).
 * Each script is its own closure in Bruno, so every one loads the adapter; '' when there is no code.
 */
export function brunoScript(pieces: readonly string[], header: string): string {
  const code = pieces.map((piece) => piece.replace(/\s+$/, '')).filter((piece) => piece !== '');
  if (code.length === 0) return '';
  const globals = ['res', 'test', 'expect'].map(
    (name) => `${name}: typeof ${name} === 'undefined' ? undefined : ${name}`,
  );
  const load = `const pm = require('./${BRUNO_LIB_DIR}/${BRUNO_RUNTIME_FILE}').createPm({ bru, req, ${globals.join(', ')} });`;
  return [`${header}\n${load}`, ...code, 'await pm.settle();'].join('\n\n') + '\n';
}
