import { readFileSync } from 'node:fs';
import type { CompilerOptions, SourceFile } from 'typescript';
import { loadTypeScript, type TypeScriptApi } from './load-typescript.js';
import { importSites } from './script-imports.js';

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The user's own source files: the entries and every file they load through relative or absolute
 * imports, transitively, parsed (with parent links). npm packages (node_modules), declaration and JSON
 * files are not followed; an import that does not resolve is left for the bundler to report.
 */
export function localModuleGraph(entries: readonly string[]): Map<string, SourceFile> {
  const ts = loadTypeScript();
  const options = resolutionOptions(ts);
  const files = new Map<string, SourceFile>();
  const pending = [...entries];
  for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
    if (files.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    files.set(file, sourceFile);
    for (const site of importSites(ts, sourceFile)) {
      if (site.typeOnly || !/^[./]/.test(site.specifier)) continue;
      const resolved = ts.resolveModuleName(site.specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && isLocalSource(resolved)) pending.push(resolved);
    }
  }
  return files;
}

function isLocalSource(file: string): boolean {
  return SOURCE_FILE.test(file) && !/\.d\.[cm]?ts$/.test(file) && !/[\\/]node_modules[\\/]/.test(file);
}

/** Resolution as the bundler does it: extensionless and `.js`-for-`.ts` specifiers, index files. */
function resolutionOptions(ts: TypeScriptApi): CompilerOptions {
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowJs: true,
    allowImportingTsExtensions: true,
    noEmit: true,
  };
}
