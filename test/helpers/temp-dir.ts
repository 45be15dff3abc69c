// The one temporary-directory helper of the tests (tsup's test/utils.ts is the model): a fresh folder in the
// OS temp directory (no node_modules above it), files written relative to it, removed when the test file ends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder: `write` puts files in it (sub-folders made as needed); `remove` deletes it early. */
export interface TempDir {
  dir: string;
  /** The absolute path of a file in the folder. */
  path(name: string): string;
  /** Writes one file and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  /** Writes several files, relative names to contents. */
  writeAll(files: Record<string, string>): void;
  remove(): void;
}

const created = new Set<string>();
// Registered when a test file first imports this module: every folder it made goes when that file ends.
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
});

/** Creates a temporary folder holding `files`. */
export function tempDir(prefix = 'gen-collection-test-', files: Record<string, string> = {}): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.add(dir);
  const temp: TempDir = {
    dir,
    path: (name) => join(dir, name),
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    writeAll(more) {
      for (const [name, content] of Object.entries(more)) temp.write(name, content);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
      created.delete(dir);
    },
  };
  temp.writeAll(files);
  return temp;
}
