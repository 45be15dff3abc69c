import type { BuildResult } from '../build/build-from-config.js';
import { buildFromSpec } from '../build/build-from-spec.js';
import { writeResult } from './build.js';
import { progressLine } from './progress.js';
import { ExitCode } from '../errors.js';

/** `gen-collection openapi SPEC`: an OpenAPI/Swagger description → collection and environment templates. */
export async function runOpenapi(
  specFile: string,
  opts: { config?: string; output?: string; discover?: boolean },
): Promise<ExitCode> {
  const progress = progressLine('mapping operations');
  let result: BuildResult;
  try {
    result = await buildFromSpec(specFile, { ...opts, onProgress: progress.update });
  } finally {
    progress.done();
  }
  await writeResult(result);
  return ExitCode.ok;
}
