import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fields of a package.json gen-collection reads. */
export interface PackageManifest {
  name?: string;
  version?: string;
}

/**
 * The nearest directory at or above `start` (at most `levels` of them, the filesystem root at most) whose
 * package.json names package `name`, with that manifest; undefined when none does.
 */
export function manifestAbove(
  start: string,
  name: string,
  levels = Infinity,
): { dir: string; manifest: PackageManifest } | undefined {
  let dir = start;
  for (let i = 0; i < levels; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
      if (manifest.name === name) return { dir, manifest };
    }
    if (dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
  return undefined;
}

const own = ownManifest(dirname(fileURLToPath(import.meta.url)));

/** gen-collection's own installation directory (holds package.json, schema/, scripts-src/, templates/), from src/ or dist/src/. */
export const PACKAGE_ROOT: string = own.dir;

/** gen-collection's own package.json (read once, where PACKAGE_ROOT was found). */
export const PACKAGE_JSON: { name: string; version: string } = own.manifest as { name: string; version: string };

function ownManifest(start: string): { dir: string; manifest: PackageManifest } {
  const found = manifestAbove(start, 'gen-collection', 5);
  if (!found) throw new Error(`gen-collection: cannot find its own package.json above ${start}`);
  return found;
}
