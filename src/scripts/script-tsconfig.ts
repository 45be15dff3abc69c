import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { CompilerOptions } from 'typescript';
import { loadTypeScript } from './load-typescript.js';
import type { ScriptEvent } from './sandbox-typings.js';

/**
 * The compiler options user scripts are checked with, spelled as in a tsconfig.json: `build` converts them
 * for its own program, and `init` writes them into `scripts-src/tsconfig.json`, so the editor, `tsc` and
 * `build` can never check a script differently.
 */
export const SCRIPT_COMPILER_OPTIONS = {
  strict: true,
  target: 'ES2020',
  lib: ['ES2020'],
  module: 'ESNext',
  moduleResolution: 'Bundler',
  // Every script is its own module: two scripts may both declare `const id` at the top level.
  moduleDetection: 'force',
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  allowJs: true,
  checkJs: false,
  esModuleInterop: true,
  noEmit: true,
  skipLibCheck: true,
} as const;

/** The folder, beside the test scripts, whose scripts are checked with the pre-request API. */
export const PREREQUEST_DIR = 'prerequest';

/** The module name a tsconfig's `types` gives to check scripts of `event` (exported by package.json). */
export const sandboxTypesModule = (event: ScriptEvent): string => `gen-collection/sandbox/${event}`;

/** `SCRIPT_COMPILER_OPTIONS` as the compiler API takes them. */
export function scriptCompilerOptions(): CompilerOptions {
  const { options, errors } = loadTypeScript().convertCompilerOptionsFromJson(SCRIPT_COMPILER_OPTIONS, '/');
  if (errors.length > 0) throw new Error(`gen-collection: invalid SCRIPT_COMPILER_OPTIONS (${errors.length} errors)`);
  return options;
}

/**
 * The two tsconfig.json files `init` writes, relative to the scripts folder: the folder's own (test scripts
 * and the modules they import) and `prerequest/tsconfig.json` (pre-request scripts, the same options with
 * the pre-request API). Two programs because the two APIs declare the global `pm` differently.
 */
export function scriptTsconfigFiles(): { path: string; content: string }[] {
  const top = {
    compilerOptions: { ...SCRIPT_COMPILER_OPTIONS, types: [sandboxTypesModule('test')] },
    include: ['**/*.ts'],
    exclude: [PREREQUEST_DIR, 'node_modules'],
  };
  const prerequest = {
    extends: '../tsconfig.json',
    compilerOptions: { types: [sandboxTypesModule('prerequest')] },
    include: ['**/*.ts'],
    exclude: ['node_modules'],
  };
  return [
    {
      path: 'tsconfig.json',
      content: tsconfigText(
        [
          'Written by `gen-collection init`: the options and sandbox types `gen-collection build` checks scripts with.',
          `Test scripts (and what they import) see the test-script API; pre-request scripts go in ${PREREQUEST_DIR}/, which`,
          `has its own tsconfig.json. Check both: npx tsc -p scripts-src && npx tsc -p scripts-src/${PREREQUEST_DIR}`,
        ],
        top,
      ),
    },
    {
      path: join(PREREQUEST_DIR, 'tsconfig.json'),
      content: tsconfigText(
        ['Written by `gen-collection init`: pre-request scripts, checked with the pre-request API (no pm.response).'],
        prerequest,
      ),
    },
  ];
}

function tsconfigText(comment: string[], json: object): string {
  return `${comment.map((line) => `// ${line}`).join('\n')}\n${JSON.stringify(json, null, 2)}\n`;
}

/**
 * The event whose API the nearest tsconfig.json above `file` checks it with, when that tsconfig names one
 * of gen-collection's sandbox type modules in `types` (its `extends` followed); else undefined (no such
 * tsconfig: nothing for `build` to agree with).
 */
export function tsconfigEvent(file: string): { tsconfig: string; event: ScriptEvent } | undefined {
  const tsconfig = nearestTsconfig(dirname(file));
  if (!tsconfig) return undefined;
  const ts = loadTypeScript();
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const types = parsed?.options.types ?? [];
  for (const event of ['prerequest', 'test'] as const)
    if (types.includes(sandboxTypesModule(event))) return { tsconfig, event };
  return undefined;
}

function nearestTsconfig(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (current.split(sep).includes('node_modules')) return undefined;
    const candidate = join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}
