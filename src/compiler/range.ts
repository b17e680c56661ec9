import type ts from 'typescript';
import type { SourceRange } from './model.ts';

/** Converts offsets to the 1-based line/column range the editor and the CLI show. */
export function rangeOf(sf: ts.SourceFile, start: number, end: number): SourceRange {
  const from = sf.getLineAndCharacterOfPosition(start);
  const to = sf.getLineAndCharacterOfPosition(Math.max(start, end));
  return {
    start,
    end: Math.max(start, end),
    line: from.line + 1,
    column: from.character + 1,
    endLine: to.line + 1,
    endColumn: to.character + 1,
  };
}

/** The node's own text, without the leading trivia that `node.pos` includes. */
export function nodeRange(sf: ts.SourceFile, node: ts.Node): SourceRange {
  return rangeOf(sf, node.getStart(sf), node.getEnd());
}
