import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile, Statement } from 'typescript';
import type { TypeScriptApi } from './load-typescript.js';

/** The two kinds of user script, named as Postman names their events. */
export type ScriptEvent = 'prerequest' | 'test';

/**
 * The declaration files user scripts are checked against, all from gen-collection's own installation (a
 * user's project need not have them): the Postman sandbox typings of the event, postman-collection's
 * typings (without them `pm.response.code` does not type-check) and gen-collection's augmentations.
 */
export function sandboxTypingFiles(event: ScriptEvent): string[] {
  const require = createRequire(import.meta.url);
  // Neither package lists its typings in an exports map: resolve the package root and join.
  const sandboxRoot = dirname(require.resolve('postman-sandbox/package.json'));
  const collectionRoot = dirname(require.resolve('postman-collection/package.json'));
  const files = [join(sandboxRoot, 'types', 'sandbox', `${event}.d.ts`), join(collectionRoot, 'types', 'index.d.ts')];
  const augmentations = augmentationFile();
  if (augmentations) files.push(augmentations);
  return files;
}

/** `scripts-src/sandbox.d.ts` of the gen-collection package (from src/scripts/ or dist/src/scripts/). */
export function augmentationFile(): string | undefined {
  for (const rel of ['../../scripts-src/sandbox.d.ts', '../../../scripts-src/sandbox.d.ts']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Globals the sandbox has (measured in postman-sandbox 4.7 and 6.7) that neither the sandbox typings nor
 * ES2020 declare. Used only for names the augmentation file does not declare itself.
 */
const AMBIENT_GLOBALS: readonly { name: string; declaration: string }[] = [
  {
    name: 'console',
    declaration: `interface GenCollectionSandboxConsole {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  clear(): void;
}
declare var console: GenCollectionSandboxConsole;`,
  },
  { name: 'require', declaration: 'declare function require(id: string): any;' },
  ...['Timeout', 'Interval'].flatMap((timer) => [
    {
      name: `set${timer}`,
      declaration: `declare function set${timer}(handler: (...args: any[]) => void, ms?: number, ...args: any[]): number;`,
    },
    { name: `clear${timer}`, declaration: `declare function clear${timer}(id: number | undefined): void;` },
  ]),
  { name: 'setImmediate', declaration: 'declare function setImmediate(handler: (...args: any[]) => void, ...args: any[]): number;' },
  { name: 'clearImmediate', declaration: 'declare function clearImmediate(id: number | undefined): void;' },
  { name: 'btoa', declaration: 'declare function btoa(data: string): string;' },
  { name: 'atob', declaration: 'declare function atob(data: string): string;' },
];

/** Modules the sandbox typings themselves declare (`declare module "postman-collection"`). */
export const MODULES_TYPED_BY_SANDBOX_TYPINGS: readonly string[] = ['postman-collection'];

/**
 * Text of an ambient declaration file: the sandbox globals that `augmentations` leaves undeclared, and a
 * shorthand declaration (everything `any`) for each of `untypedModules` (sandbox modules the user's
 * project has no types for) that `augmentations` does not declare.
 */
export function ambientDeclarations(ts: TypeScriptApi, augmentations: SourceFile | undefined, untypedModules: readonly string[]): string {
  const declared = augmentations ? declaredNames(ts, augmentations) : { globals: new Set<string>(), modules: new Set<string>() };
  const globals = AMBIENT_GLOBALS.filter((g) => !declared.globals.has(g.name)).map((g) => g.declaration);
  const modules = untypedModules.filter((m) => !declared.modules.has(m)).map((m) => `declare module ${JSON.stringify(m)};`);
  return ['// Sandbox globals and modules, declared by gen-collection.', ...globals, ...modules, ''].join('\n');
}

/** Names of the global values (top level of a script, or `declare global`) and ambient modules a declaration file declares. */
function declaredNames(ts: TypeScriptApi, file: SourceFile): { globals: Set<string>; modules: Set<string> } {
  const globals = new Set<string>();
  const modules = new Set<string>();
  const visit = (statements: readonly Statement[], global: boolean): void => {
    for (const statement of statements) {
      if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name)) {
        modules.add(statement.name.text);
      } else if (ts.isModuleDeclaration(statement) && statement.name.text === 'global' && statement.body && ts.isModuleBlock(statement.body)) {
        visit(statement.body.statements, true);
      } else if (!global) {
        continue;
      } else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) globals.add(d.name.text);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        globals.add(statement.name.text);
      }
    }
  };
  visit(file.statements, !ts.isExternalModule(file));
  return { globals, modules };
}
