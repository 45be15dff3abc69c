import type { CompilerHost, CompilerOptions, Diagnostic, Program, SourceFile } from 'typescript';
import { loadTypeScript, type TypeScriptApi } from './load-typescript.js';
import { sandboxTypingFile, type ScriptEvent } from './sandbox-typings.js';
import type { ScriptProblem } from './script-problem.js';
import { scriptCompilerOptions } from './script-tsconfig.js';

const USER_TS_FILE = /\.(?:ts|tsx|mts|cts)$/;

/**
 * Parsed declaration files (the ES2020 lib, the sandbox and postman-collection typings, npm packages'
 * `.d.ts`) kept for the life of the process: parsing them is most of the cost of a program, and the
 * programs of the two events share all but one of them.
 */
const declarationCache = new Map<string, SourceFile>();

/**
 * The last program of each event, handed to the next as `oldProgram`: `build --watch` re-checks after an edit,
 * and TypeScript then reuses the unchanged files' parse and module resolution.
 */
const lastPrograms = new Map<ScriptEvent, Program>();

/** The outcome of one type check: its problems and the user's own files it loaded (what `build --watch` watches). */
export interface ScriptCheck {
  problems: ScriptProblem[];
  files: string[];
}

/**
 * Type-checks user script files (TypeScript only) of one event in one program, with `strict`, target
 * ES2020 and the sandbox globals of that event. Returns the problems located in the user's own files
 * (the entries and the local modules they import, type-only imports included), never those inside typings
 * or npm packages, and those files.
 */
export function typeCheckScripts(files: readonly string[], event: ScriptEvent): ScriptCheck {
  if (files.length === 0) return { problems: [], files: [] };
  const ts = loadTypeScript();
  const options = compilerOptions();
  const typings = sandboxTypingFile(event);
  // The typings declare the sandbox modules as patterns (`"lodash*"`): `any` unless the project has types.
  const program = ts.createProgram({
    rootNames: [...files, typings],
    options,
    host: sandboxHost(ts.createCompilerHost(options, true)),
    oldProgram: lastPrograms.get(event),
  });
  lastPrograms.set(event, program);
  const problems: ScriptProblem[] = [];
  const userFiles = program.getSourceFiles().filter(isUserTypeScript);
  for (const sourceFile of userFiles) {
    const syntactic = program.getSyntacticDiagnostics(sourceFile);
    const diagnostics = syntactic.length > 0 ? syntactic : program.getSemanticDiagnostics(sourceFile);
    for (const diagnostic of diagnostics) problems.push(toProblem(ts, diagnostic, sourceFile, event));
  }
  return { problems, files: userFiles.map((sourceFile) => sourceFile.fileName) };
}

function compilerOptions(): CompilerOptions {
  // No @types packages: the sandbox is not Node, whatever the user's node_modules holds; the sandbox typings
  // are a root file (a user's tsconfig names them in `types` instead).
  return { ...scriptCompilerOptions(), types: [] };
}

/**
 * A compiler host over `base` that caches declaration files and resolves no `/// <reference types>` (an npm
 * package's typings may ask for `node`, which would declare globals such as `process` that the sandbox lacks).
 */
function sandboxHost(base: CompilerHost): CompilerHost {
  return {
    ...base,
    getSourceFile: (file, languageVersion, onError) => {
      if (file.endsWith('.d.ts')) return cachedSourceFile(base, file, languageVersion, onError);
      return base.getSourceFile(file, languageVersion, onError);
    },
    resolveTypeReferenceDirectiveReferences: (references) =>
      references.map(() => ({ resolvedTypeReferenceDirective: undefined })),
  };
}

type LanguageVersion = Parameters<CompilerHost['getSourceFile']>[1];

function cachedSourceFile(
  host: CompilerHost,
  file: string,
  languageVersion: LanguageVersion,
  onError?: (message: string) => void,
): SourceFile | undefined {
  const key = `${file}\0${JSON.stringify(languageVersion)}`;
  let sourceFile = declarationCache.get(key);
  if (!sourceFile) {
    sourceFile = host.getSourceFile(file, languageVersion, onError);
    if (sourceFile) declarationCache.set(key, sourceFile);
  }
  return sourceFile;
}

function isUserTypeScript(sourceFile: SourceFile): boolean {
  return (
    !sourceFile.isDeclarationFile &&
    USER_TS_FILE.test(sourceFile.fileName) &&
    !/[\\/]node_modules[\\/]/.test(sourceFile.fileName)
  );
}

function toProblem(
  ts: TypeScriptApi,
  diagnostic: Diagnostic,
  sourceFile: SourceFile,
  event: ScriptEvent,
): ScriptProblem {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const hint =
    event === 'prerequest' && message.includes("Property 'response' does not exist")
      ? ' (pm.response exists in test scripts only)'
      : '';
  return {
    file: sourceFile.fileName,
    line: line + 1,
    column: character + 1,
    message: `${message} (TS${diagnostic.code})`,
    fix: `fix the type error: ${event} scripts are checked in strict mode against the Postman sandbox typings${hint}`,
  };
}
