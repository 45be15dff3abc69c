import { readFileSync } from 'node:fs';

/** gen-collection's own version, read from package.json (works from src/ and dist/src/). */
export const VERSION: string = readPackageVersion();

function readPackageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gen-collection' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}
