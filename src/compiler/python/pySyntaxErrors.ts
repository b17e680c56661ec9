import type { Diagnostic } from '../model.ts';
import type { PySource } from './pySource.ts';

/**
 * Syntax errors from the parse: Lezer recovers from bad input by inserting error nodes, so every
 * error node is a place where the code stops being Python. One diagnostic per line, marking the rest
 * of the token (or one character when the parser inserted nothing).
 */
export function syntaxErrors(source: PySource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = new Set<number>();
  source.tree.iterate({
    enter: (node) => {
      if (!node.type.isError) return;
      const end = node.to > node.from ? node.to : Math.min(node.from + 1, source.text.length);
      const range = source.rangeOf(node.from, end);
      if (lines.has(range.line)) return;
      lines.add(range.line);
      const near = source.text.slice(node.from, end).trim();
      out.push({
        severity: 'error',
        code: 'syntax',
        source: 'flowplay',
        range,
        message: near ? `Invalid syntax near '${near.slice(0, 20)}'.` : 'Invalid syntax: something is missing here.',
      });
    },
  });
  return out;
}
