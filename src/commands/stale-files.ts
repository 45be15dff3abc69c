import { readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BuildResult } from '../build/build-from-config.js';

/**
 * The files of a format's collection folder that gen-collection wrote in an earlier build and this build no
 * longer writes (a request or folder renamed or removed in the config): left there, Postman would keep showing
 * them. Only the postman-v3 folder `collections/<slug>/` is swept, and only its own kinds of file
 * (`*.request.yaml`, `.resources/definition.yaml`): anything else a user keeps there stays.
 */
export async function staleFiles(result: BuildResult): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  for (const { format, files } of result.outputs) {
    if (format !== 'postman-v3') continue;
    const root = resolve(result.outputDir, 'collections', result.plan.slug);
    const written = new Set(files.map((f) => resolve(result.outputDir, f.path)));
    for (const file of await listFiles(root)) {
      if (!written.has(file) && isV3File(relative(root, file))) stale.push({ root, file });
    }
  }
  return stale;
}

/** A stale file and the collection folder it is in. */
export interface StaleFile {
  root: string;
  file: string;
}

/** Removes stale files, then the directories they leave empty (below, never, the collection folder). */
export async function removeStale(stale: StaleFile[]): Promise<void> {
  for (const { file } of stale) await rm(file, { force: true });
  // Deepest first, so a folder whose only content was a `.resources/` directory goes too.
  const dirs = [...new Set(stale.flatMap(parentsBelow))].sort((a, b) => b.length - a.length);
  for (const dir of dirs) await rmdir(dir).catch(() => undefined);
}

function isV3File(rel: string): boolean {
  return rel.endsWith('.request.yaml') || /(^|\/)\.resources\/definition\.yaml$/.test(rel.split('\\').join('/'));
}

/** The directories between a stale file and its collection folder, the folder itself left out. */
function parentsBelow({ root, file }: StaleFile): string[] {
  const parents: string[] = [];
  for (let dir = dirname(file); dir.startsWith(root + sep); dir = dirname(dir)) parents.push(dir);
  return parents;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
