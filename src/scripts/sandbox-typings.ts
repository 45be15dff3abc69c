import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceFile } from 'typescript';
import { PACKAGE_ROOT } from '../package-root.js';
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

/** `scripts-src/sandbox.d.ts` of the gen-collection package. */
export function augmentationFile(): string | undefined {
  const file = join(PACKAGE_ROOT, 'scripts-src', 'sandbox.d.ts');
  return existsSync(file) ? file : undefined;
}

/** Modules the sandbox typings themselves declare (`declare module "postman-collection"`). */
export const MODULES_TYPED_BY_SANDBOX_TYPINGS: readonly string[] = ['postman-collection'];

/**
 * Text of an ambient declaration file: a shorthand declaration (everything `any`) for each of `untypedModules`
 * (sandbox modules the user's project has no types for) that the augmentation file does not declare. The
 * sandbox globals (console, require, timers, btoa/atob) come from the augmentation file itself, which ships
 * with gen-collection.
 */
export function ambientDeclarations(ts: TypeScriptApi, augmentations: SourceFile | undefined, untypedModules: readonly string[]): string {
  const declared = augmentations ? declaredModules(ts, augmentations) : new Set<string>();
  const modules = untypedModules.filter((m) => !declared.has(m)).map((m) => `declare module ${JSON.stringify(m)};`);
  return ['// Sandbox modules without typings, declared by gen-collection.', ...modules, ''].join('\n');
}

/** Names of the ambient modules (`declare module "x"`) a declaration file declares. */
function declaredModules(ts: TypeScriptApi, file: SourceFile): Set<string> {
  const modules = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name)) modules.add(statement.name.text);
  }
  return modules;
}
