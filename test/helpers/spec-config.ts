// A spec object through what `openapi` runs before the build: written as spec.json, loaded, mapped to a config,
// validated and resolved. For the tests of what a build does with a spec's examples.
import { join } from 'node:path';
import type { ResolvedConfig } from '../../src/config/resolved.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/validate.js';
import { loadSpec, specToConfig } from '../../src/openapi/index.js';
import type { OutputFormat } from '../../src/render/render.js';
import { Warnings } from '../../src/warnings.js';
import { tempDir } from './temp-dir.js';

/** The resolved config of `spec` (output `out/` of a temporary folder), with `formats` when given. */
export async function resolvedSpecConfig(spec: object, formats?: OutputFormat[]): Promise<ResolvedConfig> {
  const dir = tempDir('gen-collection-spec-');
  const file = dir.write('spec.json', JSON.stringify(spec));
  const { spec: loaded } = await loadSpec(file);
  const config = await specToConfig(loaded, { file, warnings: new Warnings() });
  return resolveConfig(validateConfig(config, file), { file, baseDir: dir.dir, output: join(dir.dir, 'out'), formats });
}
