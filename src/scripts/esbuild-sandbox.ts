import type { BuildFailure, BuildOptions, BuildResult, Message, Plugin } from 'esbuild';
import { GenCollectionError } from '../errors.js';
import { SANDBOX_MODULES, unsupportedModule, type UnsupportedModule } from './sandbox-externals.js';

/**
 * esbuild plugin: an import of a module the sandbox cannot load (a Node built-in such as `fs`, a `node:`
 * specifier) fails the build at the import site, also inside npm packages, instead of esbuild's advice
 * to bundle for Node.
 */
export const sandboxModulesPlugin: Plugin = {
  name: 'gen-collection-sandbox-modules',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const problem = unsupportedModule(args.path);
      return problem ? { errors: [{ text: problem.message, detail: problem }] } : undefined;
    });
  },
};

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
  plugins: [sandboxModulesPlugin],
};

/**
 * The bundle's text without the `// <path>` line esbuild writes in front of each module (its path from
 * `absWorkingDir`; `result` built with `metafile`): a collection must not depend on where the package manager put
 * gen-collection's own dependencies (`node_modules/@noble/…` in a checkout, `../@noble/…` in a project's hoisted
 * node_modules, `../../.pnpm/…` with pnpm). Exactly the inputs' lines go, nothing else.
 */
export function withoutModuleComments(result: BuildResult): string {
  const comments = new Set(Object.keys(result.metafile!.inputs).map((path) => `// ${path}`));
  return result
    .outputFiles![0]!.text.split('\n')
    .filter((line) => !comments.has(line))
    .join('\n');
}

/** Options of `bundleEntry`. */
export interface BundleEntryOptions {
  /**
   * Directory the `// path` comments esbuild writes into the bundle (and error locations) are relative
   * to; defaults to the working directory. Pass the config's directory for output that does not depend
   * on where the command runs.
   */
  absWorkingDir?: string;
}

/** Bundles one script entry file into sandbox JavaScript (an IIFE, sandbox modules left as `require`). */
export async function bundleEntry(
  entryFile: string,
  displayName = entryFile,
  options: BundleEntryOptions = {},
): Promise<string> {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      ...SANDBOX_BUILD_OPTIONS,
      ...options,
      entryPoints: [entryFile],
      write: false,
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    const first: Message | undefined = (error as BuildFailure).errors?.[0];
    if (!first) throw error;
    const where = {
      file: first.location?.file ?? displayName,
      line: first.location?.line,
      column: first.location ? first.location.column + 1 : undefined,
    };
    const unsupported =
      first.pluginName === sandboxModulesPlugin.name ? (first.detail as UnsupportedModule) : undefined;
    if (unsupported)
      throw new GenCollectionError('script-compat', unsupported.message, { ...where, fix: unsupported.fix });
    throw new GenCollectionError('script-bundle', first.text, {
      ...where,
      fix: 'fix the script so esbuild can bundle it (imports must resolve from the script folder or node_modules)',
    });
  }
}
