import ts from 'typescript';
import type { ResourceInfo, ResourceUse } from './model.ts';
import { nodeRange } from './range.ts';
import type { Scope } from './scope.ts';
import { isFlowplayName } from './scope.ts';

/** A `Resource(factory, { cache })` call as written: what the graph and the emitted metadata need. */
export interface ResourceCall {
  call: ts.CallExpression;
  /** The factory's name when it is an identifier (the usual case), else its text. */
  factory: string;
  cache: boolean;
}

/** The `Resource(…)` call that is a parameter's default, if it is one. */
export function resourceCallOf(param: ts.ParameterDeclaration, scope: Scope): ResourceCall | null {
  const init = param.initializer;
  if (!init || !ts.isCallExpression(init) || !isFlowplayName(scope, init.expression, 'Resource')) return null;
  const [factory, options] = init.arguments;
  let cache = true;
  if (options && ts.isObjectLiteralExpression(options)) {
    for (const prop of options.properties) {
      if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && prop.name.text === 'cache') cache = prop.initializer.kind !== ts.SyntaxKind.FalseKeyword;
    }
  }
  return { call: init, factory: factory ? (ts.isIdentifier(factory) ? factory.text : factory.getText()) : '?', cache };
}

/** A step's resource parameters: every parameter whose default is `Resource(…)`, in order. */
export function readResourceParams(params: readonly ts.ParameterDeclaration[], scope: Scope, sf: ts.SourceFile): { uses: ResourceUse[]; calls: ResourceCall[] } {
  const uses: ResourceUse[] = [];
  const calls: ResourceCall[] = [];
  for (const param of params) {
    const call = resourceCallOf(param, scope);
    if (!call) continue;
    calls.push(call);
    uses.push({ param: param.name.getText(sf), factory: call.factory, cache: call.cache, range: nodeRange(sf, param) });
  }
  return { uses, calls };
}

/** A factory declared at the top level: `function f(…) {…}` or `const f = (…) => …`. */
interface FactoryDecl {
  node: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;
  nameNode: ts.Node;
}

function topLevelFunctions(sf: ts.SourceFile): Map<string, FactoryDecl> {
  const found = new Map<string, FactoryDecl>();
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) found.set(statement.name.text, { node: statement, nameNode: statement.name });
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer;
        if (ts.isIdentifier(decl.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) found.set(decl.name.text, { node: init, nameNode: decl.name });
      }
    }
  }
  return found;
}

/**
 * Every factory the steps reach, with the factories its own parameter defaults ask for, in the order
 * first met. A factory the file does not declare at the top level is still listed, without a range.
 */
export function readResourceGraph(sf: ts.SourceFile, scope: Scope, roots: readonly string[]): (ResourceInfo & { decl: FactoryDecl | null })[] {
  const functions = topLevelFunctions(sf);
  const out = new Map<string, ResourceInfo & { decl: FactoryDecl | null }>();
  const visit = (name: string): void => {
    if (out.has(name)) return;
    const decl = functions.get(name) ?? null;
    const info: ResourceInfo & { decl: FactoryDecl | null } = { name, dependsOn: [], range: decl ? nodeRange(sf, decl.nameNode) : null, decl };
    out.set(name, info);
    for (const param of decl?.node.parameters ?? []) {
      const call = resourceCallOf(param, scope);
      if (!call) continue;
      info.dependsOn.push(call.factory);
      visit(call.factory);
    }
  };
  for (const root of roots) visit(root);
  return [...out.values()];
}

/**
 * The factory's body throws before anything else can happen: a `throw` among its top-level
 * statements (not inside a condition, a loop or a `try`). Every step that needs it would fail.
 */
export function alwaysThrows(decl: FactoryDecl): ts.ThrowStatement | null {
  const body = decl.node.body;
  if (!body || !ts.isBlock(body)) return null;
  for (const statement of body.statements) {
    if (ts.isThrowStatement(statement)) return statement;
    if (ts.isReturnStatement(statement)) return null;
  }
  return null;
}
