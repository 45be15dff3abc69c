import type { Node, SourceFile } from 'typescript';
import type { TypeScriptApi } from './load-typescript.js';

/** One place a script file loads a module: `import`, `export … from`, `import x = require()`, `require()`, `import()`. */
export interface ImportSite {
  specifier: string;
  /** The node to report problems at. */
  node: Node;
  /** Erased by the compiler (`import type`, `export type`): it loads nothing at run time. */
  typeOnly: boolean;
}

/** Every module a parsed script file loads, in source order; comments and strings are not imports. */
export function importSites(ts: TypeScriptApi, sourceFile: SourceFile): ImportSite[] {
  const sites: ImportSite[] = [];
  const visit = (node: Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypeSpecifiers =
        !!clause &&
        !clause.name &&
        !!bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      sites.push({ specifier: node.moduleSpecifier.text, node, typeOnly: !!clause?.isTypeOnly || onlyTypeSpecifiers });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const onlyTypeSpecifiers =
        !!clause &&
        ts.isNamedExports(clause) &&
        clause.elements.length > 0 &&
        clause.elements.every((e) => e.isTypeOnly);
      sites.push({ specifier: node.moduleSpecifier.text, node, typeOnly: node.isTypeOnly || onlyTypeSpecifiers });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) sites.push({ specifier: expression.text, node, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const argument = node.arguments[0]!;
      const isLoader =
        node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require');
      if (isLoader && ts.isStringLiteralLike(argument)) sites.push({ specifier: argument.text, node, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}
