import ts from 'typescript';
import type { CollectSite, SendSite } from './model.ts';
import { nodeRange } from './range.ts';
import type { Scope } from './scope.ts';
import { resolveName } from './scope.ts';
import { readEventTypes } from './typeRefs.ts';

export interface CallSites {
  sends: SendSite[];
  collects: CollectSite[];
}

/**
 * Every `….sendEvent(ev, "step"?)` and `….collectEvents(ev, [...], "buffer"?)` inside a step's body,
 * including those in loops and callbacks. The receiver is not checked: `ctx`, `this.ctx` or a renamed
 * context all count, since the method name alone is what a reader recognises.
 */
export function readCallSites(
  sf: ts.SourceFile,
  body: ts.Node | undefined,
  scope: Scope,
  isEvent: (name: string) => boolean,
): CallSites {
  const sites: CallSites = { sends: [], collects: [] };
  if (!body) return sites;
  const locals = localEventTypes(body, scope, isEvent);

  const eventTypeOf = (expr: ts.Expression): string | null => {
    while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) {
      expr = expr.expression;
    }
    if (ts.isNewExpression(expr)) {
      const resolved = resolveName(scope, expr.expression);
      return resolved && isEvent(resolved.name) ? resolved.name : null;
    }
    if (ts.isIdentifier(expr)) return locals.get(expr.text) ?? null;
    return null;
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first, second, third] = node.arguments;
      if (method === 'sendEvent' && first) {
        const type = eventTypeOf(first);
        if (type) {
          const target = second && ts.isStringLiteralLike(second) ? second.text : null;
          sites.sends.push({ type, target, range: nodeRange(sf, node) });
        }
      } else if (method === 'collectEvents' && second) {
        sites.collects.push({
          types: collectedTypes(second, scope, isEvent),
          bufferId: third && ts.isStringLiteralLike(third) ? third.text : null,
          range: nodeRange(sf, node),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return sites;
}

/** `const e = new X(...)` and `let e: X` inside the body, so `sendEvent(e)` can be read. */
function localEventTypes(body: ts.Node, scope: Scope, isEvent: (name: string) => boolean): Map<string, string> {
  const locals = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const annotated = readEventTypes(node.type, scope, isEvent, false).mentions[0]?.name;
      let init = node.initializer;
      while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init))) init = init.expression;
      const constructed = init && ts.isNewExpression(init) ? resolveName(scope, init.expression)?.name : undefined;
      const type = annotated ?? (constructed && isEvent(constructed) ? constructed : undefined);
      if (type) locals.set(node.name.text, type);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return locals;
}

/**
 * Reads the expected list of `collectEvents`: `[A, A, B]`, `Array(3).fill(A)`, `new Array(n).fill(A)`,
 * `Array.from({ length: n }, () => A)` and spreads of those. Consecutive equal types are merged into
 * one entry with a count; a count that is only known at run time is null.
 */
export function collectedTypes(expr: ts.Expression, scope: Scope, isEvent: (name: string) => boolean): CollectSite['types'] {
  const out: CollectSite['types'] = [];
  const push = (type: string, count: number | null): void => {
    const last = out[out.length - 1];
    if (last && last.type === type && last.count !== null && count !== null) last.count += count;
    else out.push({ type, count });
  };
  const nameOf = (node: ts.Expression | undefined): string | null => {
    if (!node) return null;
    const resolved = resolveName(scope, node);
    return resolved && isEvent(resolved.name) ? resolved.name : null;
  };
  const countOf = (node: ts.Expression | undefined): number | null =>
    node && ts.isNumericLiteral(node) ? Number(node.text) : null;

  const visit = (node: ts.Expression): void => {
    while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) {
        if (ts.isSpreadElement(element)) visit(element.expression);
        else {
          const name = nameOf(element);
          if (name) push(name, 1);
        }
      }
      return;
    }
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
    const callee = node.expression;
    // Array(n).fill(A) / new Array(n).fill(A)
    if (callee.name.text === 'fill') {
      const inner = callee.expression;
      const name = nameOf(node.arguments[0]);
      if (name && (ts.isCallExpression(inner) || ts.isNewExpression(inner)) && isArrayName(inner.expression)) {
        push(name, countOf(inner.arguments?.[0]));
      }
      return;
    }
    // Array.from({ length: n }, () => A)
    if (callee.name.text === 'from' && isArrayName(callee.expression)) {
      const [lengthArg, mapper] = node.arguments;
      if (!mapper || !(ts.isArrowFunction(mapper) && !ts.isBlock(mapper.body))) return;
      const name = nameOf(mapper.body);
      if (!name) return;
      let count: number | null = null;
      if (lengthArg && ts.isObjectLiteralExpression(lengthArg)) {
        const length = lengthArg.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'length',
        );
        count = countOf(length?.initializer);
      }
      push(name, count);
    }
  };
  visit(expr);
  return out;
}

function isArrayName(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && node.text === 'Array';
}
