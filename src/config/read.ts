import { dirname } from 'node:path';
import type { OutputFormat } from '../render/render.js';
import { Warnings } from '../warnings.js';
import type { GenCollectionConfig } from './config-types.generated.js';
import { loadConfigFile } from './load-config.js';
import { resolveConfig } from './resolve.js';
import type { ResolvedConfig } from './resolved.js';
import { validateConfig } from './validate.js';

/** A config file read, validated and resolved. */
export interface ReadConfigResult {
  config: GenCollectionConfig;
  resolved: ResolvedConfig;
  warnings: string[];
}

/**
 * Load + validate + resolve of a config file; paths in it are relative to the file's directory. Throws GenCollectionError
 * (exit 2). Warnings go into `opts.warnings` (a new bag when not given); `warnings` is its list.
 */
export async function readConfig(
  file: string,
  opts: { output?: string; formats?: OutputFormat[]; warnings?: Warnings } = {},
): Promise<ReadConfigResult> {
  const loaded = await loadConfigFile(file);
  const warnings = opts.warnings ?? new Warnings();
  const config = validateConfig(loaded.config, file, loaded.locate, warnings);
  const resolved = resolveConfig(config, { file, baseDir: dirname(file), output: opts.output, formats: opts.formats });
  return { config, resolved, warnings: warnings.list };
}
