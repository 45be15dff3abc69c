// The built library the benchmarks measure: dist/src/, after `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Imports a module of dist/src/ (e.g. `index.js`), or exits 2 saying to build first. */
export async function importDist(module = 'index.js') {
  const file = `${root}dist/src/${module}`;
  if (!existsSync(file)) {
    console.error('bench: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
  return import(new URL(`dist/src/${module}`, `file://${root}`).href);
}
