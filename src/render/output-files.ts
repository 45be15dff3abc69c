import { resolve } from 'node:path';
import { buildOutputFiles, type BuildResult } from '../build-from-config.js';
import type { OutputFile } from '../write-files.js';
import { renderBruno } from './bruno.js';
import type { OutputFormat, Renderer } from './render.js';

/** The renderers of the formats other than `postman` (whose files come with the build result). */
const RENDERERS: Partial<Record<OutputFormat, Renderer>> = { bruno: renderBruno };

/** The formats `--format` takes on this build (`postman-v3` comes with its renderer). */
export const SUPPORTED_FORMATS: readonly OutputFormat[] = ['postman', 'bruno'];

/** The files of a build in each of `formats`, in that order, with absolute paths under the output directory. */
export async function outputFiles(result: BuildResult, formats: readonly OutputFormat[]): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const format of new Set(formats)) {
    const render = RENDERERS[format];
    if (!render) files.push(...buildOutputFiles(result));
    else
      for (const file of await render(result.plan))
        files.push({ path: resolve(result.outputDir, file.path), content: file.content });
  }
  return files;
}
