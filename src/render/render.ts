import type { Plan } from '../plan/plan.js';

/** The output formats `build` and `openapi` write (`--format`, the config's `formats`). */
export const OUTPUT_FORMATS = ['postman', 'postman-v3', 'bruno'] as const;
/** One of `OUTPUT_FORMATS`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A file a renderer writes: its path relative to the output directory (`/`-separated) and its text. */
export interface RenderedFile {
  path: string;
  content: string;
  /** The content in pieces, made while the file is written (a big v2.1 collection: `piecewiseFile`). */
  pieces?: () => Iterable<string>;
}

/**
 * Turns a plan into the files of one format. Deterministic: the same plan gives the same files, byte for byte.
 * Async because a runtime's token scripts are bundled on first use (cached per process).
 */
export type Renderer = (plan: Plan) => Promise<RenderedFile[]>;
