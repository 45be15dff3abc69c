import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GenCollectionError } from './errors.js';

/** A file to write: absolute path and content, and a mode when it must not be readable by others. */
export interface OutputFile {
  path: string;
  content: string;
  /** File mode, e.g. `0o600` for a file of secret values: set on the temporary file, before any content is in it. */
  mode?: number;
}

/**
 * Writes every file to a temporary sibling first and renames them into place only when all were
 * written, so a failure leaves no half-written output.
 */
export async function writeFilesAtomic(files: OutputFile[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
      temps.push(temp);
      if (file.mode === undefined) {
        await writeFile(temp, file.content, 'utf8');
      } else {
        // Created empty with the mode (a stale temp file keeps its own: chmod it), then filled.
        await writeFile(temp, '', { mode: file.mode });
        await chmod(temp, file.mode);
        await writeFile(temp, file.content, 'utf8');
      }
    }
    for (const [i, file] of files.entries()) await rename(temps[i]!, file.path);
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    const e = error as NodeJS.ErrnoException;
    throw new GenCollectionError('io', `cannot write output: ${e.message}`, {
      file: e.path,
      fix: 'check that the output directory is writable and the disk is not full',
    });
  }
}

/** Pretty JSON with a trailing newline, as every output file is written. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
