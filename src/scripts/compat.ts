import type { CallExpression, Diagnostic, Node, SourceFile } from 'typescript';
import { loadTypeScript, type TypeScriptApi } from './load-typescript.js';
import { unsupportedModule } from './sandbox-externals.js';
import { importSites } from './script-imports.js';
import type { ScriptProblem } from './script-problem.js';

const NEWMAN = 'Newman 6 (postman-sandbox 4.7)';

/** `pm` members that exist in the Postman app's sandbox (6.x) but not in Newman's. */
const MISSING_PM_MEMBERS: readonly { path: string; message: string; fix: string }[] = [
  {
    path: 'pm.require',
    message: `pm.require (Postman package library) is not available in ${NEWMAN}`,
    fix: 'import the code from a local file or an npm package instead: gen-collection bundles it into the script',
  },
  {
    path: 'pm.vault',
    message: `pm.vault (Postman Vault) is not available in ${NEWMAN}`,
    fix: 'read the secret from a variable given at run time (newman run … --env-var name=value)',
  },
  {
    path: 'pm.datasets',
    message: `pm.datasets is not available in ${NEWMAN}`,
    fix: 'pass the data as variables or as an iteration data file (newman run -d)',
  },
  {
    path: 'pm.execution.runRequest',
    message: `pm.execution.runRequest is not available in ${NEWMAN}`,
    fix: 'use pm.sendRequest(request, callback), or pm.execution.setNextRequest to run another request next',
  },
];

const CALLBACK_FIX = 'use the callback form: pm.sendRequest(request, (err, response) => { … })';

/**
 * Finds what Newman 6 (postman-sandbox 4.7) cannot run, in parsed user script files: top-level `await`,
 * `pm` members the Postman app has and Newman lacks (`pm.require`, `pm.vault`, …), the promise form of
 * `pm.sendRequest`, and imports of modules the sandbox cannot load (`fs`, `node:crypto`, …). A file with
 * syntax errors is skipped: the type check or the bundler reports those precisely.
 */
export function compatProblems(files: Iterable<SourceFile>): ScriptProblem[] {
  const ts = loadTypeScript();
  const problems: ScriptProblem[] = [];
  for (const sourceFile of files) {
    if (hasSyntaxErrors(sourceFile)) continue;
    const found: ScriptProblem[] = [];
    const report = (node: Node, message: string, fix: string): void => {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      found.push({ file: sourceFile.fileName, line: line + 1, column: character + 1, message, fix });
    };
    for (const site of importSites(ts, sourceFile)) {
      const unsupported = site.typeOnly ? undefined : unsupportedModule(site.specifier);
      if (unsupported) report(site.node, unsupported.message, unsupported.fix);
    }
    visitCode(ts, sourceFile, report);
    problems.push(...found.sort((a, b) => a.line - b.line || a.column - b.column));
  }
  return problems;
}

function visitCode(
  ts: TypeScriptApi,
  sourceFile: SourceFile,
  report: (node: Node, message: string, fix: string) => void,
): void {
  const visit = (node: Node, inFunction: boolean): void => {
    if (!inFunction && isTopLevelAwait(ts, node)) {
      report(
        node,
        `top-level await: ${NEWMAN} runs a script as a plain script, where it is a SyntaxError`,
        `${CALLBACK_FIX}, or move the await into an async function`,
      );
    }
    const path = memberPath(ts, node);
    const missing = path && MISSING_PM_MEMBERS.find((m) => m.path === path);
    if (missing) report(node, missing.message, missing.fix);
    if (
      ts.isCallExpression(node) &&
      memberPath(ts, node.expression) === 'pm.sendRequest' &&
      node.arguments.length < 2 &&
      isResultUsed(ts, node)
    ) {
      report(
        node,
        `pm.sendRequest without a callback returns a promise in the Postman app only; in ${NEWMAN} it returns no promise to await or chain`,
        CALLBACK_FIX,
      );
    }
    const entersFunction = inFunction || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node);
    ts.forEachChild(node, (child) => visit(child, entersFunction));
  };
  visit(sourceFile, false);
}

function isTopLevelAwait(ts: TypeScriptApi, node: Node): boolean {
  if (ts.isAwaitExpression(node)) return true;
  if (ts.isForOfStatement(node)) return node.awaitModifier !== undefined;
  if (ts.isVariableDeclarationList(node)) return (node.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing;
  // In a file without imports or exports, `await (x)` parses as a call of a function named `await`.
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'await';
}

/** `pm.execution.runRequest` for `pm.execution.runRequest`, `pm['execution']?.runRequest`, `(pm).execution!.runRequest`; else undefined. */
function memberPath(ts: TypeScriptApi, node: Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return memberPath(ts, node.expression);
  if (ts.isPropertyAccessExpression(node)) {
    const object = memberPath(ts, node.expression);
    return object && `${object}.${node.name.text}`;
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    const object = memberPath(ts, node.expression);
    return object && `${object}.${node.argumentExpression.text}`;
  }
  return undefined;
}

/**
 * Whether the value of a call is used (awaited, chained, assigned, passed, returned) rather than
 * discarded; the body of an arrow such as `setTimeout(() => pm.sendRequest(url))` counts as discarded.
 */
function isResultUsed(ts: TypeScriptApi, call: CallExpression): boolean {
  let node: Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return (
    !ts.isExpressionStatement(parent) &&
    !ts.isVoidExpression(parent) &&
    !(ts.isArrowFunction(parent) && parent.body === node)
  );
}

function hasSyntaxErrors(sourceFile: SourceFile): boolean {
  // `parseDiagnostics` is internal, but the only way to see syntax errors without building a program.
  const parseDiagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly Diagnostic[] }).parseDiagnostics;
  return (parseDiagnostics?.length ?? 0) > 0;
}
