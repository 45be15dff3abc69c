import type { BuildResult } from '../build/build-from-config.js';
import { buildFromSpec } from '../build/build-from-spec.js';
import { writeResult } from './build.js';
import { progressLine } from './progress.js';
import { ExitCode } from '../errors.js';
import type { OutputFormat } from '../render/render.js';

/** `gen-collection openapi SPEC`: an OpenAPI/Swagger description → collection and environment templates. */
export async function runOpenapi(
  specFile: string,
  opts: { config?: string; output?: string; format?: OutputFormat[]; discover?: boolean },
): Promise<ExitCode> {
  const progress = progressLine('mapping operations');
  let result: BuildResult;
  try {
    result = await buildFromSpec(specFile, {
      config: opts.config,
      output: opts.output,
      formats: opts.format,
      discover: opts.discover,
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  await writeResult(result);
  return ExitCode.ok;
}
