import ts from 'typescript';
import type { Scope } from './scope.ts';
import { resolveName } from './scope.ts';

/** One event type named in an annotation, with the node to point diagnostics at. */
export interface TypeMention {
  name: string;
  node: ts.Node;
}

export interface EventTypeList {
  mentions: TypeMention[];
  /** Parts of the annotation that name something other than an event (for a warning). */
  others: ts.TypeNode[];
  /** An array type was involved: fan-out for a return type, fan-in for a parameter. */
  array: boolean;
}

/** Types that mean "no event" in a step's signature. */
const NOTHING = new Set([
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.UndefinedKeyword,
  ts.SyntaxKind.VoidKeyword,
  ts.SyntaxKind.NeverKeyword,
]);

/**
 * Reads the event classes named by a step annotation: unions, parentheses, `Promise<…>` (return types),
 * arrays (`A[]`, `Array<A>`, `readonly A[]`) and local type aliases, in the order written.
 */
export function readEventTypes(
  node: ts.TypeNode | undefined,
  scope: Scope,
  isEvent: (name: string) => boolean,
  unwrapPromise: boolean,
): EventTypeList {
  const result: EventTypeList = { mentions: [], others: [], array: false };
  const seenAliases = new Set<string>();

  const visit = (type: ts.TypeNode, mentionAt: ts.Node | null, topLevel: boolean): void => {
    if (NOTHING.has(type.kind)) return;
    if (ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword) return;
    if (ts.isParenthesizedTypeNode(type)) return visit(type.type, mentionAt, topLevel);
    if (ts.isUnionTypeNode(type)) {
      for (const member of type.types) visit(member, mentionAt, topLevel);
      return;
    }
    if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) {
      return visit(type.type, mentionAt, false);
    }
    if (ts.isArrayTypeNode(type)) {
      result.array = true;
      return visit(type.elementType, mentionAt, false);
    }
    if (ts.isTypeReferenceNode(type)) {
      const resolved = resolveName(scope, type.typeName);
      const args = type.typeArguments ?? [];
      if (resolved && !resolved.builtin) {
        if (resolved.name === 'Promise' && unwrapPromise && topLevel && args[0]) {
          return visit(args[0], mentionAt, true);
        }
        if ((resolved.name === 'Array' || resolved.name === 'ReadonlyArray') && args[0]) {
          result.array = true;
          return visit(args[0], mentionAt, false);
        }
        const alias = scope.aliases.get(resolved.name);
        if (alias && !isEvent(resolved.name) && !seenAliases.has(resolved.name)) {
          seenAliases.add(resolved.name);
          // Diagnostics point at the alias's use in the signature, where the user is looking.
          return visit(alias, mentionAt ?? type, topLevel);
        }
      }
      if (resolved && isEvent(resolved.name)) {
        result.mentions.push({ name: resolved.name, node: mentionAt ?? type });
        return;
      }
    }
    result.others.push(type);
  };

  if (node) visit(node, null, true);
  return result;
}
