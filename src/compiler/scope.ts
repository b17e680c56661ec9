import ts from 'typescript';
import { FLOWPLAY_MODULE } from './builtins.ts';

/**
 * What the file's names refer to, read syntactically: which local names are `flowplay` exports (under
 * whatever alias), which are namespace imports of it, and which are local type aliases. Syntactic on
 * purpose: the graph must follow typing even when no type information is available (broken code, or
 * a host that did not provide the standard library).
 */
export interface Scope {
  /** Local name -> name exported by `flowplay`. */
  named: Map<string, string>;
  /** Local names bound by `import * as x from "flowplay"`. */
  namespaces: Set<string>;
  /** Every `import` statement, from `flowplay` or not. */
  imports: ts.ImportDeclaration[];
  /** `type X = …` declared anywhere at the top level. */
  aliases: Map<string, ts.TypeNode>;
}

export interface ResolvedName {
  /** The exported name for `flowplay` names, the local name otherwise. */
  name: string;
  builtin: boolean;
}

export function readScope(sf: ts.SourceFile): Scope {
  const scope: Scope = { named: new Map(), namespaces: new Set(), imports: [], aliases: new Map() };
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      scope.imports.push(statement);
      const from = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
      const clause = statement.importClause;
      if (from !== FLOWPLAY_MODULE || !clause?.namedBindings) continue;
      if (ts.isNamespaceImport(clause.namedBindings)) {
        scope.namespaces.add(clause.namedBindings.name.text);
      } else {
        for (const element of clause.namedBindings.elements) {
          scope.named.set(element.name.text, (element.propertyName ?? element.name).text);
        }
      }
    } else if (ts.isTypeAliasDeclaration(statement)) {
      scope.aliases.set(statement.name.text, statement.type);
    }
  }
  return scope;
}

/** Resolves `X`, `fp.X` (type or value position) to what it names. */
export function resolveName(scope: Scope, node: ts.Node): ResolvedName | null {
  if (ts.isIdentifier(node)) {
    const imported = scope.named.get(node.text);
    return imported ? { name: imported, builtin: true } : { name: node.text, builtin: false };
  }
  if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && scope.namespaces.has(node.left.text)) {
    return { name: node.right.text, builtin: true };
  }
  if (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    scope.namespaces.has(node.expression.text) &&
    ts.isIdentifier(node.name)
  ) {
    return { name: node.name.text, builtin: true };
  }
  if (ts.isExpressionWithTypeArguments(node)) return resolveName(scope, node.expression);
  if (ts.isParenthesizedExpression(node)) return resolveName(scope, node.expression);
  return null;
}

/** True when `node` names the `flowplay` export `exported` (e.g. `step`, `Workflow`). */
export function isFlowplayName(scope: Scope, node: ts.Node, exported: string): boolean {
  const resolved = resolveName(scope, node);
  return resolved !== null && resolved.builtin && resolved.name === exported;
}
