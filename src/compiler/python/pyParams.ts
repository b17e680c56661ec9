import type { SyntaxNode } from '@lezer/common';
import { annotationOf } from './pyAnnotations.ts';
import type { PySource } from './pySource.ts';
import { childrenOf } from './pySource.ts';

/** A function parameter as written: its name and its annotation, if any. */
export interface PyParam {
  name: string;
  node: SyntaxNode;
  annotation: SyntaxNode | null;
}

/** Parameters with their annotations; `*args`, `**kwargs` and a bare `*` are not events. */
export function readParams(source: PySource, list: SyntaxNode | null): PyParam[] {
  const out: PyParam[] = [];
  let starred = false;
  for (const part of list ? childrenOf(list) : []) {
    if (part.name === '*' || part.name === '**' || part.name === '/') starred = part.name !== '/';
    else if (part.name === ',') starred = false;
    else if (part.name === 'VariableName' && !starred) out.push({ name: source.textOf(part), node: part, annotation: null });
    else if (part.name === 'TypeDef' && !starred && out.length > 0 && out.at(-1)!.node.to <= part.from) {
      const last = out.at(-1)!;
      if (last.annotation === null && part.from >= last.node.to) last.annotation = annotationOf(part);
    }
  }
  return out;
}

