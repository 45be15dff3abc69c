import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** gen-collection's own installation directory (holds package.json, schema/, scripts-src/, templates/), from src/ or dist/src/. */
export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** gen-collection's own package.json. */
export const PACKAGE_JSON: { name: string; version: string } = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'),
);

function findPackageRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gen-collection')
      return dir;
    dir = dirname(dir);
  }
  throw new Error(`gen-collection: cannot find its own package.json above ${start}`);
}
