import ts from 'typescript';
import { flowplayDiagnostic } from './diagnostic.ts';
import type { Diagnostic } from './model.ts';
import type { Scope } from './scope.ts';
import { isFlowplayName, resolveName } from './scope.ts';

/** A function the source marks as a step: `step({ workflow: W })(fn)`, `catchError(…)(fn)` or `catchError(fn)`. */
export interface MarkedFunction {
  /** The function's node: inline (`function name(…) {}`, an arrow) or the declaration an identifier names. */
  fn: ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;
  /** Its name as the engine will see it (`fn.name`), or null for an anonymous one. */
  name: string | null;
  nameNode: ts.Node;
  /** What evaluates to the decorator: `step({ … })`, `catchError({ … })` or a bare `catchError`. */
  decorator: ts.Expression;
  /** The whole marking call, `step({ … })(fn)`. */
  call: ts.CallExpression;
  /** `step` or `catchError`. */
  kind: 'step' | 'catchError';
  /** The class named by `workflow:` in step's options, as written. */
  owner: string | null;
}

/** A workflow class a marked function joins, in the order the file attaches them. */
export interface FunctionStepOf {
  workflow: string;
  marked: MarkedFunction;
  /** Where it joins: the marking call or the `W.addStep(…)` call. */
  at: ts.Node;
}

type FunctionNode = MarkedFunction['fn'];

function isFunctionNode(node: ts.Node | undefined): node is FunctionNode {
  return !!node && (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node));
}

/** Functions and consts of the file by name (first declaration wins), for resolving `step(…)(name)` and `W.addStep(name)`. */
function declarations(sf: ts.SourceFile): Map<string, ts.Node> {
  const found = new Map<string, ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name && !found.has(node.name.text)) found.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !found.has(node.name.text)) found.set(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function unwrap(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ? unwrap(node.expression) : node;
}

/**
 * The marking call `call` is, if any: `step(opts)(fn)` / `catchError(opts)(fn)` (the decorator is the
 * inner call) or `catchError(fn)` (the decorator is the bare name).
 */
function markedBy(call: ts.CallExpression, scope: Scope, decls: Map<string, ts.Node>): MarkedFunction | null {
  const arg = call.arguments.length === 1 ? unwrap(call.arguments[0]!) : null;
  if (!arg) return null;
  let decorator: ts.Expression;
  let kind: MarkedFunction['kind'];
  const callee = call.expression;
  if (ts.isCallExpression(callee) && isFlowplayName(scope, callee.expression, 'step')) [decorator, kind] = [callee, 'step'];
  else if (ts.isCallExpression(callee) && isFlowplayName(scope, callee.expression, 'catchError')) [decorator, kind] = [callee, 'catchError'];
  else if (isFlowplayName(scope, callee, 'catchError') && !ts.isObjectLiteralExpression(arg)) [decorator, kind] = [callee, 'catchError'];
  else return null;
  const target = ts.isIdentifier(arg) ? decls.get(arg.text) : arg;
  if (!isFunctionNode(target)) return null;
  const ownName = target.name?.text ?? null;
  // An arrow assigned to a name has none of its own once it is passed to step(): only a named function keeps one.
  const name = ownName ?? (ts.isIdentifier(arg) && ts.isFunctionDeclaration(target) ? arg.text : null);
  let owner: string | null = null;
  if (kind === 'step' && ts.isCallExpression(decorator)) {
    const options = decorator.arguments[0];
    if (options && ts.isObjectLiteralExpression(options)) {
      for (const prop of options.properties) {
        if (prop.name && ts.isIdentifier(prop.name) && prop.name.text === 'workflow') {
          const value = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? prop.name : null;
          const resolved = value ? resolveName(scope, value) : null;
          if (resolved && !resolved.builtin) owner = resolved.name;
        }
      }
    }
  }
  return { fn: target, name, nameNode: target.name ?? arg, decorator, call, kind, owner };
}

/**
 * Every marked function of the file, and the workflow classes each joins: the one `step({ workflow })`
 * names, and each `W.addStep(f)` where `f` is a marked function, inline or by name.
 */
export function readFunctionSteps(sf: ts.SourceFile, scope: Scope, isWorkflowClass: (name: string) => boolean): { marked: MarkedFunction[]; joins: FunctionStepOf[] } {
  const decls = declarations(sf);
  const marked: MarkedFunction[] = [];
  const byCall = new Map<ts.CallExpression, MarkedFunction>();
  const joins: FunctionStepOf[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const found = markedBy(node, scope, decls);
      if (found) {
        marked.push(found);
        byCall.set(node, found);
        if (found.owner && isWorkflowClass(found.owner)) joins.push({ workflow: found.owner, marked: found, at: node });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const addSteps = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'addStep' && node.arguments.length === 1) {
      const owner = resolveName(scope, node.expression.expression);
      const arg = unwrap(node.arguments[0]!);
      const init = ts.isIdentifier(arg) ? decls.get(arg.text) : arg;
      const found = init && ts.isCallExpression(init) ? byCall.get(init) : undefined;
      if (owner && !owner.builtin && isWorkflowClass(owner.name) && found) joins.push({ workflow: owner.name, marked: found, at: node });
    }
    ts.forEachChild(node, addSteps);
  };
  addSteps(sf);
  joins.sort((a, b) => a.at.getStart(sf) - b.at.getStart(sf));
  return { marked, joins };
}

/**
 * What the engine would refuse about function steps, said in the editor: a function with no name
 * (a step is routed by name), `step(…)(fn)` without the workflow it joins, a catchError handler
 * that no `W.addStep` adds, and a function whose name a step of the workflow already has.
 */
export function functionStepDiagnostics(
  sf: ts.SourceFile,
  scope: Scope,
  isWorkflowClass: (name: string) => boolean,
  methodNames: ReadonlyMap<string, readonly string[]>,
): Diagnostic[] {
  const { marked, joins } = readFunctionSteps(sf, scope, isWorkflowClass);
  const out: Diagnostic[] = [];
  for (const m of marked) {
    const how = m.kind === 'step' ? 'step({ workflow: MyWorkflow })' : 'catchError()';
    if (!m.name) {
      out.push(flowplayDiagnostic(sf, m.call, 'error', 'step-function-name', `A step written as a function needs a name, by which it is routed: ${how}(async function myStep(ev) { … }).`));
      continue;
    }
    if (m.kind === 'step' && !m.owner) {
      out.push(flowplayDiagnostic(sf, m.decorator, 'error', 'step-function-workflow', `To decorate ${m.name} please pass a workflow class to the @step decorator: step({ workflow: MyWorkflow })(${m.name}).`));
    } else if (m.kind === 'catchError' && !joins.some((j) => j.marked === m)) {
      out.push(flowplayDiagnostic(sf, m.call, 'warning', 'step-function-unused', `${m.name} handles no workflow's failures until a workflow adds it: MyWorkflow.addStep(${m.name}).`));
    }
  }
  const seen = new Map<string, Set<string>>();
  for (const { workflow, marked: m, at } of joins) {
    if (!m.name) continue;
    const names = seen.get(workflow) ?? new Set(methodNames.get(workflow) ?? []);
    seen.set(workflow, names);
    if (names.has(m.name)) out.push(flowplayDiagnostic(sf, at, 'error', 'step-function-taken', `A step ${m.name} is already part of ${workflow}, please choose another name.`));
    names.add(m.name);
  }
  return out;
}
