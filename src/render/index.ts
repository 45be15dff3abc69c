import type { Plan } from '../plan/plan.js';
import { GenCollectionError } from '../errors.js';
import { renderPostmanV3 } from './postman-v3.js';
import { renderPostman } from './postman.js';
import type { OutputFormat, RenderedFile, Renderer } from './render.js';

/** The renderer of each output format by its name (`--format`, the config's `formats`); bruno joins with its renderer. */
export const RENDERERS: Partial<Record<OutputFormat, Renderer>> = {
  postman: renderPostman,
  'postman-v3': renderPostmanV3,
};

/** The files of one format rendered from the plan; a format without a renderer in this build is a usage error. */
export async function renderFormat(plan: Plan, format: OutputFormat): Promise<RenderedFile[]> {
  const render = RENDERERS[format];
  if (!render) {
    throw new GenCollectionError('usage', `the ${format} format is not available in this version of gen-collection`, {
      fix: `use ${Object.keys(RENDERERS).join(' or ')} (--format, or "formats" in the config)`,
    });
  }
  return render(plan);
}
