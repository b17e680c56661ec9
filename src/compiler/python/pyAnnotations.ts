import type { SyntaxNode } from '@lezer/common';
import type { SourceRange } from '../model.ts';
import type { MentionAt } from '../validate.ts';
import type { PyScope } from './pyScope.ts';
import { resolveName } from './pyScope.ts';
import { PySource, childrenOf, itemsOf } from './pySource.ts';

export interface PyEventTypes {
  mentions: MentionAt[];
  /** Parts that name something other than an event (e.g. `str`), as written. */
  others: { text: string; range: SourceRange }[];
}

/** Wrappers whose arguments are the types that count: `Optional[A]`, `Union[A, B]`, `Annotated[A, …]`. */
const UNWRAP_ALL = new Set(['Optional', 'Union']);
const UNWRAP_FIRST = new Set(['Annotated']);

/**
 * Reads the event classes a Python annotation names, in the order written: `A | B`, `Optional[A]`,
 * `Union[A, B]` (also as `typing.Union`), parentheses, `None`, and string annotations (`"A | B"`),
 * which are parsed in place so their names are marked where they stand.
 */
export function readPyEventTypes(
  annotation: SyntaxNode | null | undefined,
  source: PySource,
  scope: PyScope,
  isEvent: (name: string) => boolean,
): PyEventTypes {
  const result: PyEventTypes = { mentions: [], others: [] };
  const visit = (node: SyntaxNode, src: PySource, offset: number): void => {
    const range = () => source.rangeOf(node.from + offset, node.to + offset);
    switch (node.name) {
      case 'None':
        return;
      case 'ParenthesizedExpression':
        for (const inner of itemsOf(node)) visit(inner, src, offset);
        return;
      case 'BinaryExpression': {
        const [left, op, right] = childrenOf(node);
        if (left && right && op?.name === 'BitOp' && src.textOf(op) === '|') {
          visit(left, src, offset);
          visit(right, src, offset);
          return;
        }
        break;
      }
      case 'String': {
        const inner = stringContent(src.textOf(node));
        if (inner === null) break;
        const nested = new PySource(inner.text);
        const expression = nested.top.firstChild?.firstChild;
        if (expression) visit(expression, nested, offset + node.from + inner.start);
        return;
      }
      case 'MemberExpression': {
        const parts = childrenOf(node);
        if (parts[1]?.name === '[') {
          const head = src.textOf(parts[0]!).split('.').pop() ?? '';
          const args = itemsOf(node).slice(1);
          if (UNWRAP_ALL.has(head)) {
            for (const arg of args) visit(arg, src, offset);
            return;
          }
          if (UNWRAP_FIRST.has(head) && args[0]) {
            visit(args[0], src, offset);
            return;
          }
          break;
        }
        const resolved = resolveName(scope, src, node);
        if (resolved && isEvent(resolved.name)) {
          result.mentions.push({ name: resolved.name, range: range() });
          return;
        }
        break;
      }
      case 'VariableName': {
        const resolved = resolveName(scope, src, node);
        if (resolved && isEvent(resolved.name)) {
          result.mentions.push({ name: resolved.name, range: range() });
          return;
        }
        break;
      }
    }
    result.others.push({ text: src.textOf(node), range: range() });
  };
  if (annotation) visit(annotation, source, 0);
  return result;
}

/** The text inside a plain string literal and where it starts, or null for f-strings and the like. */
function stringContent(literal: string): { text: string; start: number } | null {
  const match = /^([rRuU]?)('''|"""|'|")/.exec(literal);
  if (!match || !literal.endsWith(match[2]!)) return null;
  const start = match[0].length;
  return { text: literal.slice(start, literal.length - match[2]!.length), start };
}

/** The annotation expression of a TypeDef node (`: X` or `-> X`). */
export function annotationOf(typeDef: SyntaxNode | null | undefined): SyntaxNode | null {
  return typeDef?.lastChild && typeDef.lastChild.name !== ':' ? typeDef.lastChild : null;
}
