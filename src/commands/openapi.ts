import { dirname, resolve } from 'node:path';
import { buildResolved } from '../build.js';
import type { GenCollectionConfig } from '../config/config-types.generated.js';
import { loadConfigFile } from '../config/load.js';
import { resolveConfig } from '../config/resolve.js';
import { validateConfig } from '../config/validate.js';
import { Warnings } from '../errors.js';
import { loadSpec, mergeConfigOverrides, specToConfig } from '../openapi/index.js';
import { writeResult } from './build.js';
import { progressLine } from './progress.js';

/** `gen-collection openapi SPEC`: an OpenAPI/Swagger description → collection and environment templates. */
export async function runOpenapi(specFile: string, opts: { config?: string; output?: string; discover?: boolean }): Promise<number> {
  const warnings = new Warnings();
  const { spec } = await loadSpec(specFile);
  const progress = progressLine('mapping operations');
  let generated: GenCollectionConfig;
  try {
    generated = await specToConfig(spec, { file: specFile, warnings, discoverOpenIdConnect: opts.discover, onProgress: progress.update });
  } finally {
    progress.done();
  }

  let merged = generated;
  let baseDir = dirname(resolve(specFile));
  let file = specFile;
  if (opts.config) {
    const loaded = await loadConfigFile(opts.config);
    const user = validateConfig(loaded.config, opts.config, loaded.locate, warnings);
    merged = mergeConfigOverrides(generated, user);
    baseDir = dirname(resolve(opts.config));
    file = opts.config;
  }
  // The merged config goes through the same checks as a hand-written one; problems in the generated part
  // point at the spec, problems in the user's part at the config.
  const valid = validateConfig(merged, file, undefined, warnings);
  const resolved = resolveConfig(valid, { file, baseDir, output: opts.output });
  const result = await buildResolved(resolved, 'redact');
  await writeResult({ ...result, warnings: [...warnings.list, ...result.warnings] });
  return 0;
}
