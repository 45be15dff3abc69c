import { readdirSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
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
    // Compared as `/`-separated paths below the collection folder, the form the renderer writes them in.
    const prefix = `collections/${result.plan.slug}/`;
    const written = new Set(files.filter((f) => f.path.startsWith(prefix)).map((f) => f.path.slice(prefix.length)));
    for (const rel of listFiles(root)) {
      if (!written.has(rel) && isV3File(rel)) stale.push({ root, file: join(root, rel) });
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
  return rel.endsWith('.request.yaml') || /(^|\/)\.resources\/definition\.yaml$/.test(rel);
}

/** The directories between a stale file and its collection folder, the folder itself left out. */
function parentsBelow({ root, file }: StaleFile): string[] {
  const parents: string[] = [];
  for (let dir = dirname(file); dir.startsWith(root + sep); dir = dirname(dir)) parents.push(dir);
  return parents;
}

/**
 * The files under `dir`, as `/`-separated paths relative to it (none when it does not exist). Synchronous: a
 * collection folder is a directory per folder of the config, and a thread-pool round trip per directory made
 * this walk about 0.1 s of a rebuild.
 */
function listFiles(dir: string, prefix = '', files: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) listFiles(join(dir, entry.name), `${prefix}${entry.name}/`, files);
    else if (entry.isFile()) files.push(`${prefix}${entry.name}`);
  }
  return files;
}
