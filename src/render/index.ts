import type { Plan } from '../plan/plan.js';
import { renderBruno } from './bruno.js';
import { renderPostmanV3 } from './postman-v3.js';
import { renderPostman } from './postman.js';
import type { OutputFormat, RenderedFile, Renderer } from './render.js';

/** The renderer of each output format by its name (`--format`, the config's `formats`). */
export const RENDERERS: Record<OutputFormat, Renderer> = {
  postman: renderPostman,
  'postman-v3': renderPostmanV3,
  bruno: renderBruno,
};

/** The files of one format rendered from the plan. */
export async function renderFormat(plan: Plan, format: OutputFormat): Promise<RenderedFile[]> {
  return RENDERERS[format](plan);
}
