import type { BuildFailure, BuildOptions, Message } from 'esbuild';
import { GenCollectionError } from '../errors.js';
import { SANDBOX_MODULES } from './sandbox-externals.js';

/** esbuild options that produce JavaScript the Postman sandbox runs: one IIFE, no imports, readable. */
export const SANDBOX_BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'neutral',
  target: 'es2020',
  write: false,
  minify: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'silent',
  mainFields: ['module', 'main'],
  external: [...SANDBOX_MODULES],
};

/** Bundles one script entry file into sandbox JavaScript (an IIFE, sandbox modules left as `require`). */
export async function bundleEntry(entryFile: string, displayName = entryFile): Promise<string> {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({ ...SANDBOX_BUILD_OPTIONS, entryPoints: [entryFile], write: false });
    return result.outputFiles[0]!.text;
  } catch (error) {
    const first: Message | undefined = (error as BuildFailure).errors?.[0];
    if (!first) throw error;
    throw new GenCollectionError('script-bundle', first.text, {
      file: first.location?.file ?? displayName,
      line: first.location?.line,
      column: first.location ? first.location.column + 1 : undefined,
      fix: 'fix the script so esbuild can bundle it (imports must resolve from the script folder or node_modules)',
    });
  }
}
