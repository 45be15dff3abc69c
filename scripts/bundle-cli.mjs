// `npm run build`, after tsc: the CLI as esbuild bundles. The binary's entry is `dist/src/cli.cjs`: commander and the
// command wiring as one CommonJS file, so that `--help` and `--version` start with no ES module at all (an ES entry
// costs Node's ES-module loader, 5–8 ms against `node -e 0`'s 60–90; bench/core.mjs). Each command's code is an ES
// chunk in dist/src/cli-chunks/ (`<command>.js`, with the chunks they share), loaded by the entry's `import()` when
// that command runs. Node resolves and compiles a handful of modules instead of about 90 ESM modules per build
// (40–50 ms of CPU on a 2,000-request build). Dependencies stay packages of their own (loaded on first use),
// except commander, which every run needs: bundled, it skips Node's CommonJS-to-ESM translation of its files.
// tsc's dist/src/cli.js becomes a one-line ES module that runs the entry. The library (dist/src/index.js and the
// modules it imports) stays tsc's output, untouched.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/src/', root);
const SHIM = "// The gen-collection binary is dist/src/cli.cjs (scripts/bundle-cli.mjs).\nimport './cli.cjs';\n";
const cli = readFileSync(new URL('cli.js', dist), 'utf8');
if (cli === SHIM) {
  // tsc's output is the entry's source: bundle it, never the last bundle
  console.error('bundle-cli: dist/src/cli.js is already the shim; run tsc first (npm run build does)');
  process.exit(1);
}
const { dependencies } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => name !== 'commander')
  .flatMap((name) => [name, `${name}/*`]);
// The command modules the entry imports when a command runs: `import('./commands/<name>.js')`.
const commands = [...new Set(Array.from(cli.matchAll(/import\('\.\/commands\/([\w-]+)\.js'\)/g), (m) => m[1]))];
const common = { bundle: true, platform: 'node', target: 'node20', external, logLevel: 'warning' };

rmSync(new URL('cli-chunks/', dist), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: Object.fromEntries(commands.map((name) => [name, new URL(`commands/${name}.js`, dist).pathname])),
  outdir: new URL('cli-chunks/', dist).pathname,
  chunkNames: 'chunk-[hash]',
  splitting: true,
  format: 'esm',
  // a CommonJS package bundled into a chunk (commander, for a command that imports it) needs a `require`
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});

/** The entry's `import('./commands/<name>.js')` becomes `import('./cli-chunks/<name>.js')`, left to Node. */
const commandChunks = {
  name: 'command-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import'
        ? { path: args.path.replace('./commands/', './cli-chunks/'), external: true }
        : undefined,
    );
  },
};
await build({
  ...common,
  entryPoints: [new URL('cli.js', dist).pathname],
  outfile: new URL('cli.cjs', dist).pathname,
  format: 'cjs',
  // package-root.ts finds the package from its own file: here, this one
  define: { 'import.meta.url': '__cliFileUrl' },
  banner: { js: "const __cliFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [commandChunks],
});
writeFileSync(new URL('cli.js', dist), SHIM);
