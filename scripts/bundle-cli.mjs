// `npm run build`, after tsc: the CLI as one esbuild bundle. tsc's dist/src/cli.js is replaced by an entry that holds
// commander and the command wiring, and each command's code becomes a chunk in dist/src/cli-chunks/, loaded when that
// command runs (the `import()` calls of cli.ts stay lazy). Node resolves and compiles a handful of modules instead of
// about 90 ESM modules per build (40–50 ms of CPU measured on a 2,000-request build; `--help` 1.3× → 1.2× `node -e 0`,
// bench/core.mjs). Dependencies stay packages of their own (loaded on first use, as before), except commander, which
// every run needs: bundled, it skips Node's CommonJS-to-ESM translation of its files. The library (dist/src/index.js
// and the modules it imports) stays tsc's output, untouched.
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/src/', root);
const BANNER = "import { createRequire as __createRequire } from 'node:module';";
if (readFileSync(new URL('cli.js', dist), 'utf8').includes(BANNER)) {
  // its chunks are about to be replaced: bundle tsc's output, never the last bundle
  console.error('bundle-cli: dist/src/cli.js is already the bundle; run tsc first (npm run build does)');
  process.exit(1);
}
const { dependencies } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => name !== 'commander')
  .flatMap((name) => [name, `${name}/*`]);

rmSync(new URL('cli-chunks/', dist), { recursive: true, force: true });
await build({
  entryPoints: { cli: new URL('cli.js', dist).pathname },
  outdir: dist.pathname,
  chunkNames: 'cli-chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  allowOverwrite: true,
  // commander is CommonJS: its `require('node:events')` calls need a `require` in an ES module
  banner: { js: `${BANNER}\nconst require = __createRequire(import.meta.url);` },
  logLevel: 'warning',
});
