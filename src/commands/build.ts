import { relative, resolve } from 'node:path';
import { buildFromConfigFile, buildOutputFiles, type BuildResult } from '../build/build-from-config.js';
import { findConfigFile } from '../config/find.js';
import { writeFilesAtomic } from '../write-files.js';
import { info, printWarnings } from './report.js';
import { removeStale, staleFiles } from './stale-files.js';
import { ExitCode } from '../errors.js';
import type { OutputFormat } from '../render/render.js';
import { optimizeLessForFile } from './v8-tuning.js';

/** `gen-collection build`: config → collection and environment templates; with `watch`, again on every change. */
export async function runBuild(opts: {
  config?: string;
  output?: string;
  format?: OutputFormat[];
  watch?: boolean;
}): Promise<ExitCode> {
  const file = opts.config ?? findConfigFile(process.cwd());
  const build = (inputs?: Set<string>) =>
    buildFromConfigFile(file, { output: opts.output, formats: opts.format, inputs });
  if (opts.watch) {
    const { watchBuild } = await import('./watch.js');
    return watchBuild(file, build, writeQuietly);
  }
  optimizeLessForFile(file);
  await writeResult(await build());
  return ExitCode.ok;
}

/** Writes a build result atomically and says what was written: a line per file, per collection folder. */
export async function writeResult(result: BuildResult): Promise<void> {
  const stale = await staleFiles(result);
  await writeFilesAtomic(buildOutputFiles(result));
  await removeStale(stale);
  const requests = plural(countRequests(result.collection.item), 'request');
  for (const { files } of result.outputs) {
    writtenEntries(files).forEach((entry, i) => {
      const count = entry.files > 1 ? `${requests} in ${plural(entry.files, 'file')}` : requests;
      info(`wrote ${display(result.outputDir, entry.path)}${i === 0 ? ` (${count})` : ''}`);
    });
  }
  for (const { file } of stale) info(`removed ${display(result.outputDir, file)} (no longer in the config)`);
  printWarnings(result.warnings);
}

/** Writes a build result atomically; returns what was written in a few words, for one status line. */
async function writeQuietly(result: BuildResult): Promise<string> {
  const stale = await staleFiles(result);
  await writeFilesAtomic(buildOutputFiles(result));
  await removeStale(stale);
  printWarnings(result.warnings);
  const requests = plural(countRequests(result.collection.item), 'request');
  // Per format: its collection (file or folder) and how many environments, e.g. `postman/x.postman_collection.json (4 requests) and 2 environments`.
  return result.outputs
    .map(({ files }) => {
      const [collection, ...environments] = writtenEntries(files);
      return `${display(result.outputDir, collection!.path)} (${requests}) and ${plural(environments.length, 'environment')}`;
    })
    .join('; ')
    .concat(stale.length ? `; removed ${plural(stale.length, 'file')} no longer in the config` : '');
}

/**
 * What a format wrote, for people: single files as they are, and each collection folder (a path three or more
 * segments deep: `collections/<slug>/…`, `bruno/<slug>/…`) once, as `<dir>/` with its number of files.
 */
function writtenEntries(files: { path: string }[]): { path: string; files: number }[] {
  const entries = new Map<string, number>();
  for (const { path } of files) {
    const segments = path.split('/');
    const key = segments.length >= 3 ? `${segments.slice(0, 2).join('/')}/` : path;
    entries.set(key, (entries.get(key) ?? 0) + 1);
  }
  return [...entries].map(([path, n]) => ({ path, files: n }));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function display(outputDir: string, path: string): string {
  const full = resolve(outputDir, path);
  const rel = relative(process.cwd(), full);
  const shown = rel.startsWith('..') ? full : rel || '.';
  return path === '' || path.endsWith('/') ? `${shown}/` : shown;
}

function countRequests(items: object[]): number {
  return items.reduce<number>((n, item) => n + ('item' in item ? countRequests(item.item as object[]) : 1), 0);
}
