import { relative } from 'node:path';
import { buildFromConfigFile, type BuildResult } from '../build-from-config.js';
import { findConfigFile } from '../config/find.js';
import { writeFilesAtomic } from '../write-files.js';
import { info, printWarnings } from './report.js';
import { ExitCode } from '../errors.js';
import { outputFiles } from '../render/output-files.js';
import type { OutputFormat } from '../render/render.js';

/** `gen-collection build`: config → collection and environment templates; with `watch`, again on every change. */
export async function runBuild(opts: {
  config?: string;
  output?: string;
  format?: OutputFormat[];
  watch?: boolean;
}): Promise<ExitCode> {
  const file = opts.config ?? findConfigFile(process.cwd());
  const formats = opts.format ?? ['postman'];
  const build = () => buildFromConfigFile(file, { output: opts.output });
  if (opts.watch) {
    const { watchBuild } = await import('./watch.js');
    return watchBuild(file, build, (result) => writeQuietly(result, formats));
  }
  await writeResult(await build(), formats);
  return ExitCode.ok;
}

/** Writes a build result atomically in `formats` and says what was written. */
export async function writeResult(result: BuildResult, formats: readonly OutputFormat[] = ['postman']): Promise<void> {
  const files = await outputFiles(result, formats);
  await writeFilesAtomic(files);
  const requests = countRequests(result.collection.item);
  info(`wrote ${display(files[0]!.path)} (${requests} request${requests === 1 ? '' : 's'})`);
  for (const f of files.slice(1)) info(`wrote ${display(f.path)}`);
  printWarnings(result.warnings);
}

/** Writes a build result atomically; returns what was written in a few words, for one status line. */
async function writeQuietly(result: BuildResult, formats: readonly OutputFormat[]): Promise<string> {
  const files = await outputFiles(result, formats);
  await writeFilesAtomic(files);
  printWarnings(result.warnings);
  const requests = countRequests(result.collection.item);
  return `${display(files[0]!.path)} (${requests} request${requests === 1 ? '' : 's'}) and ${files.length - 1} environment${files.length === 2 ? '' : 's'}`;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function countRequests(items: object[]): number {
  return items.reduce<number>((n, item) => n + ('item' in item ? countRequests(item.item as object[]) : 1), 0);
}
