import type { SyntaxNode } from '@lezer/common';
import type { CollectSite, SendSite } from '../model.ts';
import { readPyEventTypes } from './pyAnnotations.ts';
import type { PyScope } from './pyScope.ts';
import { resolveName } from './pyScope.ts';
import type { PySource } from './pySource.ts';
import { callArguments, childrenOf, itemsOf, walk } from './pySource.ts';

export interface PyCallSites {
  sends: SendSite[];
  collects: CollectSite[];
}

/**
 * Every `….send_event(X(...), step="name"?)` and `….collect_events(ev, [A] * 3, buffer_id=...)` in a
 * step's body, nested blocks and lambdas included. As in TypeScript, the receiver is not checked:
 * the method name is what a reader recognises.
 */
export function readPyCallSites(
  source: PySource,
  body: SyntaxNode | null,
  scope: PyScope,
  isEvent: (name: string) => boolean,
): PyCallSites {
  const sites: PyCallSites = { sends: [], collects: [] };
  if (!body) return sites;
  const locals = localEventTypes(source, body, scope, isEvent);
  const constructed = (node: SyntaxNode | undefined): string | null => {
    while (node?.name === 'ParenthesizedExpression') node = itemsOf(node)[0];
    if (node?.name === 'CallExpression') {
      const resolved = resolveName(scope, source, node.firstChild);
      return resolved && isEvent(resolved.name) ? resolved.name : null;
    }
    if (node?.name === 'VariableName') return locals.get(source.textOf(node)) ?? null;
    return null;
  };

  walk(body, (node) => {
    if (node.name !== 'CallExpression') return;
    const callee = node.firstChild;
    if (callee?.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName') return;
    const method = source.textOf(callee.lastChild);
    const args = callArguments(node.getChild('ArgList'), source);
    if (method === 'send_event') {
      const type = constructed(args.positional[0] ?? args.keywords.get('message'));
      if (!type) return;
      const target = stringValue(source, args.positional[1] ?? args.keywords.get('step'));
      sites.sends.push({ type, target, range: source.range(node) });
    } else if (method === 'collect_events') {
      const expected = args.positional[1] ?? args.keywords.get('expected');
      if (!expected) return;
      sites.collects.push({
        types: collectedTypes(source, expected, scope, isEvent),
        bufferId: stringValue(source, args.positional[2] ?? args.keywords.get('buffer_id')),
        range: source.range(node),
      });
    }
  });
  return sites;
}

/** `e = X(...)` and `e: X = ...` in the body, so `send_event(e)` can be read. */
function localEventTypes(source: PySource, body: SyntaxNode, scope: PyScope, isEvent: (name: string) => boolean): Map<string, string> {
  const locals = new Map<string, string>();
  walk(body, (node) => {
    if (node.name !== 'AssignStatement') return;
    const parts = childrenOf(node);
    const [target, second] = parts;
    if (target?.name !== 'VariableName') return;
    const annotated = second?.name === 'TypeDef' ? readPyEventTypes(second.lastChild, source, scope, isEvent).mentions[0]?.name : undefined;
    const value = parts.at(-1);
    const called = value?.name === 'CallExpression' ? resolveName(scope, source, value.firstChild)?.name : undefined;
    const type = annotated ?? (called && isEvent(called) ? called : undefined);
    if (type) locals.set(source.textOf(target), type);
  });
  return locals;
}

/**
 * The expected list of `collect_events`: `[A, B, C]`, `[A] * 3`, `3 * [A]`, sums of those, and
 * `[A for _ in range(3)]`. Consecutive equal types merge into one entry with a count; a count known
 * only at run time (`[A] * n`) is null.
 */
export function collectedTypes(
  source: PySource,
  expr: SyntaxNode,
  scope: PyScope,
  isEvent: (name: string) => boolean,
): CollectSite['types'] {
  const out: CollectSite['types'] = [];
  const push = (type: string, count: number | null): void => {
    const last = out[out.length - 1];
    if (last && last.type === type && last.count !== null && count !== null) last.count += count;
    else if (count !== 0) out.push({ type, count });
  };
  const eventName = (node: SyntaxNode | undefined): string | null => {
    const resolved = resolveName(scope, source, node);
    return resolved && isEvent(resolved.name) ? resolved.name : null;
  };
  const numberOf = (node: SyntaxNode | undefined): number | null =>
    node?.name === 'Number' && /^\d+$/.test(source.textOf(node)) ? Number(source.textOf(node)) : null;

  const visit = (node: SyntaxNode, times: number | null): void => {
    if (node.name === 'ParenthesizedExpression') {
      const inner = itemsOf(node)[0];
      if (inner) visit(inner, times);
      return;
    }
    if (node.name === 'ArrayExpression') {
      for (const item of itemsOf(node)) {
        const name = eventName(item);
        if (name) push(name, times);
      }
      return;
    }
    if (node.name === 'ArrayComprehensionExpression') {
      const [element] = itemsOf(node);
      const name = eventName(element);
      const range = childrenOf(node).find((c) => c.name === 'CallExpression' && source.textOf(c.firstChild!) === 'range');
      const args = range ? callArguments(range.getChild('ArgList'), source).positional : [];
      const count = args.length === 1 ? numberOf(args[0]) : null;
      if (name) push(name, count === null || times === null ? null : count * times);
      return;
    }
    if (node.name === 'BinaryExpression') {
      const [left, op, right] = childrenOf(node);
      if (!left || !op || !right) return;
      const operator = source.textOf(op);
      if (operator === '+') {
        visit(left, times);
        visit(right, times);
      } else if (operator === '*') {
        const [list, factor] = left.name === 'Number' || left.name === 'VariableName' ? [right, left] : [left, right];
        const count = numberOf(factor);
        visit(list, count === null || times === null ? null : count * times);
      }
    }
  };
  visit(expr, 1);
  return out;
}

function stringValue(source: PySource, node: SyntaxNode | undefined): string | null {
  if (node?.name !== 'String') return null;
  const match = /^[rRuU]?(['"])(.*)\1$/s.exec(source.textOf(node));
  return match ? match[2]! : null;
}
