import ts from 'typescript';
import { BUILTIN_EVENTS, builtinEventInfo } from './builtins.ts';
import type { EventField, EventInfo } from './model.ts';
import { nodeRange } from './range.ts';
import type { Scope } from './scope.ts';
import { resolveName } from './scope.ts';

/**
 * Named classes with the expression they extend, wherever they are declared: a workflow or an event
 * class written inside a function (a factory, a test) is read like a top-level one.
 */
export function classesWithBase(sf: ts.SourceFile): { node: ts.ClassDeclaration; name: string; base: ts.ExpressionWithTypeArguments | null }[] {
  const out: { node: ts.ClassDeclaration; name: string; base: ts.ExpressionWithTypeArguments | null }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name) {
      const clause = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
      out.push({ node, name: node.name.text, base: clause?.types[0] ?? null });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * Finds the event classes the file defines: classes extending a `flowplay` event, directly or through
 * another event class of the file, whatever the declaration order.
 */
export function readEvents(sf: ts.SourceFile, scope: Scope): Map<string, EventInfo> {
  const events = new Map<string, EventInfo>();
  const classes = classesWithBase(sf);
  let changed = true;
  while (changed) {
    changed = false;
    for (const cls of classes) {
      if (events.has(cls.name) || !cls.base) continue;
      const base = resolveName(scope, cls.base.expression);
      if (!base) continue;
      const parent = base.builtin ? (BUILTIN_EVENTS.has(base.name) ? builtinEventInfo(base.name) : null) : events.get(base.name);
      if (!parent) continue;
      events.set(cls.name, {
        name: cls.name,
        role: parent.role,
        local: true,
        base: base.name,
        fields: fieldsOf(sf, cls.node, cls.base, parent.fields),
        range: nodeRange(sf, cls.node.name ?? cls.node),
      });
      changed = true;
    }
  }
  return events;
}

/**
 * Inherited fields, then those of `extends Event<{ query: string }>` (a `StopEvent<R>` argument types
 * `result`), then property declarations.
 */
function fieldsOf(
  sf: ts.SourceFile,
  node: ts.ClassDeclaration,
  base: ts.ExpressionWithTypeArguments,
  inherited: EventField[],
): EventField[] {
  const fields = new Map<string, EventField>(inherited.map((f) => [f.name, f]));
  const arg = base.typeArguments?.[0];
  if (arg && ts.isTypeLiteralNode(arg)) {
    for (const member of arg.members) {
      if (ts.isPropertySignature(member)) {
        const name = member.name.getText(sf);
        fields.set(name, { name, type: member.type?.getText(sf) ?? 'unknown' });
      }
    }
  } else if (arg && fields.has('result')) {
    fields.set('result', { name: 'result', type: arg.getText(sf) });
  }
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
    const name = member.name.getText(sf);
    fields.set(name, { name, type: member.type?.getText(sf) ?? 'unknown' });
  }
  return [...fields.values()];
}
