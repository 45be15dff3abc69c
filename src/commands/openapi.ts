import type { BuildResult } from '../build-from-config.js';
import { buildFromSpec } from '../openapi/build-from-spec.js';
import { writeResult } from './build.js';
import { progressLine } from './progress.js';
import { ExitCode } from '../errors.js';
import type { OutputFormat } from '../render/render.js';

/** `gen-collection openapi SPEC`: an OpenAPI/Swagger description → collection and environment templates. */
export async function runOpenapi(
  specFile: string,
  opts: { config?: string; output?: string; discover?: boolean; format?: OutputFormat[] },
): Promise<ExitCode> {
  const progress = progressLine('mapping operations');
  let result: BuildResult;
  try {
    const { format: _format, ...buildOptions } = opts;
    result = await buildFromSpec(specFile, { ...buildOptions, onProgress: progress.update });
  } finally {
    progress.done();
  }
  await writeResult(result, opts.format);
  return ExitCode.ok;
}
