import { relative } from 'node:path';
import { buildFromConfigFile, buildOutputFiles, type BuildResult } from '../build-from-config.js';
import { findConfigFile } from '../config/find.js';
import { writeFilesAtomic } from '../write-files.js';
import { info, printWarnings } from './report.js';
import { ExitCode } from '../errors.js';

/** `gen-collection build`: config → collection and environment templates. */
export async function runBuild(opts: { config?: string; output?: string }): Promise<ExitCode> {
  const file = opts.config ?? findConfigFile(process.cwd());
  const result = await buildFromConfigFile(file, { output: opts.output });
  await writeResult(result);
  return ExitCode.ok;
}

/** Writes a build result atomically and says what was written. */
export async function writeResult(result: BuildResult): Promise<void> {
  const files = buildOutputFiles(result);
  await writeFilesAtomic(files);
  const requests = countRequests(result.collection.item);
  info(`wrote ${display(files[0]!.path)} (${requests} request${requests === 1 ? '' : 's'})`);
  for (const f of files.slice(1)) info(`wrote ${display(f.path)}`);
  printWarnings(result.warnings);
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function countRequests(items: object[]): number {
  return items.reduce<number>((n, item) => n + ('item' in item ? countRequests(item.item as object[]) : 1), 0);
}
