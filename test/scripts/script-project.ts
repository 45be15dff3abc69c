import type { ScriptRef } from '../../src/config/resolved.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A throw-away user project outside the repository: files relative to its root (the config's directory). */
export interface ScriptProject {
  dir: string;
  /** The ScriptRef a config at the project root would give for `display`. */
  ref(display: string, pointer?: string): ScriptRef;
  write(files: Record<string, string>): void;
  remove(): void;
}

/** Creates a project in the OS temp directory (no node_modules above it) holding `files`. */
export function scriptProject(files: Record<string, string> = {}): ScriptProject {
  const temp = tempDir('gen-collection-scripts-', files);
  return {
    dir: temp.dir,
    ref: (display, pointer = '/scripts/test/0') => ({ path: temp.path(display), display, pointer }),
    write: temp.writeAll,
    remove: temp.remove,
  };
}

/** A tiny ESM npm package (not a sandbox module) with typings, to check that npm imports are inlined. */
export const TINY_PACKAGE: Record<string, string> = {
  'node_modules/tiny-shout/package.json': JSON.stringify({
    name: 'tiny-shout',
    version: '1.0.0',
    type: 'module',
    main: 'index.js',
    types: 'index.d.ts',
  }),
  'node_modules/tiny-shout/index.js': 'export function shout(text) {\n  return text.toUpperCase() + "!";\n}\n',
  'node_modules/tiny-shout/index.d.ts': 'export declare function shout(text: string): string;\n',
};
