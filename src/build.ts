import { join, resolve as resolvePath } from 'node:path';
import { generateCollection, type GeneratedOutputs } from './collection/build.js';
import { readConfig } from './config/read.js';
import { resolveConfig } from './config/resolve.js';
import { validateConfig } from './config/validate.js';
import type { ResolvedConfig } from './config/resolved.js';
import { Warnings } from './errors.js';
import { jsonText, type OutputFile } from './write-files.js';

/** The outputs of `build`, ready to write, and the warnings met on the way. */
export interface BuildResult extends GeneratedOutputs {
  /** Absolute output directory. */
  outputDir: string;
  warnings: string[];
}

export interface BuildOptions {
  /** Directory script paths are relative to. */
  baseDir: string;
  /** Config file name, for messages. */
  file?: string;
  /** Output directory overriding the config's `output` (relative to the working directory). */
  output?: string;
}

/** Validates a config object, resolves it and generates the collection and environment templates. */
export async function buildFromConfig(config: unknown, options: BuildOptions): Promise<BuildResult> {
  const file = options.file ?? join(options.baseDir, 'gen-collection.config.json');
  const warnings = new Warnings();
  const valid = validateConfig(config, file, undefined, warnings);
  const resolved = resolveConfig(valid, { file, baseDir: options.baseDir, output: options.output });
  const result = await buildResolved(resolved);
  return { ...result, warnings: [...warnings.list, ...result.warnings] };
}

/** Reads, validates and resolves a config file (JSON or YAML), then generates its outputs. */
export async function buildFromConfigFile(file: string, options: { output?: string } = {}): Promise<BuildResult> {
  const { resolved, warnings } = await readConfig(file, options);
  const result = await buildResolved(resolved);
  return { ...result, warnings: [...warnings, ...result.warnings] };
}

/** Generates the outputs of an already resolved config. */
export async function buildResolved(resolved: ResolvedConfig): Promise<BuildResult> {
  const warnings = new Warnings();
  const outputs = await generateCollection(resolved, warnings);
  return { ...outputs, outputDir: resolved.outputDir, warnings: warnings.list };
}

/** The files a build result writes, with absolute paths. */
export function buildOutputFiles(result: BuildResult): OutputFile[] {
  return [
    { path: resolvePath(result.outputDir, result.collectionFile), content: jsonText(result.collection) },
    ...result.environments.map((env) => ({ path: resolvePath(result.outputDir, env.file), content: jsonText(env.json) })),
  ];
}
