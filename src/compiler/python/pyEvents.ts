import type { SyntaxNode } from '@lezer/common';
import { BUILTIN_EVENTS, builtinEventInfo } from '../builtins.ts';
import type { EventField, EventInfo } from '../model.ts';
import type { PyScope, Resolved } from './pyScope.ts';
import { resolveName } from './pyScope.ts';
import type { PySource } from './pySource.ts';
import { callArguments, childrenOf } from './pySource.ts';

export interface PyClass {
  node: SyntaxNode;
  name: string;
  nameNode: SyntaxNode;
  body: SyntaxNode | null;
  /** The first base class, resolved (`class A(Event)`). */
  base: Resolved | null;
}

/** Top-level `class Name(Base):` statements, decorated or not. */
export function topLevelClasses(source: PySource, scope: PyScope): PyClass[] {
  const out: PyClass[] = [];
  for (let statement of childrenOf(source.top)) {
    if (statement.name === 'DecoratedStatement') statement = statement.lastChild ?? statement;
    if (statement.name !== 'ClassDefinition') continue;
    const nameNode = statement.getChild('VariableName');
    if (!nameNode) continue;
    const bases = callArguments(statement.getChild('ArgList'), source).positional;
    out.push({
      node: statement,
      name: source.textOf(nameNode),
      nameNode,
      body: statement.getChild('Body'),
      base: resolveName(scope, source, bases[0]),
    });
  }
  return out;
}

/**
 * The event classes of the file: classes deriving from a served event, directly or through another
 * event class of the file, whatever the order they are written in. Fields are the class's annotated
 * attributes (`query: str`, `count: int = 0`), after the inherited ones.
 */
export function readPyEvents(source: PySource, classes: PyClass[]): Map<string, EventInfo> {
  const events = new Map<string, EventInfo>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const cls of classes) {
      if (events.has(cls.name) || !cls.base) continue;
      const parent = cls.base.builtin
        ? BUILTIN_EVENTS.has(cls.base.name) ? builtinEventInfo(cls.base.name) : null
        : events.get(cls.base.name);
      if (!parent) continue;
      events.set(cls.name, {
        name: cls.name,
        role: parent.role,
        local: true,
        base: cls.base.name,
        fields: fieldsOf(source, cls, parent.fields),
        range: source.range(cls.nameNode),
      });
      changed = true;
    }
  }
  return events;
}

function fieldsOf(source: PySource, cls: PyClass, inherited: EventField[]): EventField[] {
  const fields = new Map<string, EventField>(inherited.map((f) => [f.name, f]));
  for (const statement of cls.body ? childrenOf(cls.body) : []) {
    if (statement.name !== 'AssignStatement') continue;
    const [target, typeDef] = childrenOf(statement);
    if (target?.name !== 'VariableName' || typeDef?.name !== 'TypeDef') continue;
    const type = typeDef.lastChild ? source.textOf(typeDef.lastChild) : 'Any';
    if (/^(typing\.)?ClassVar\b/.test(type)) continue;
    const name = source.textOf(target);
    fields.set(name, { name, type });
  }
  return [...fields.values()];
}
