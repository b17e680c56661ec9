import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { SourceRange } from '../model.ts';

/**
 * A parsed Python file: Lezer's syntax tree (the same parser CodeMirror highlights with) plus what
 * every reader needs from it: the text of a node and its range in the editor's coordinates.
 */
export class PySource {
  readonly tree: Tree;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    this.tree = parser.parse(text);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  get top(): SyntaxNode {
    return this.tree.topNode;
  }

  textOf(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  rangeOf(start: number, end: number): SourceRange {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { start, end: Math.max(start, end), line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  range(node: SyntaxNode): SourceRange {
    return this.rangeOf(node.from, node.to);
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

/** The node's children, in order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/** Punctuation and keywords Lezer keeps as nodes, which readers of expressions skip. */
const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', '*', '**']);

/** The meaningful children of a bracketed list (ArgList, ArrayExpression, subscript). */
export function itemsOf(node: SyntaxNode): SyntaxNode[] {
  return childrenOf(node).filter((c) => !PUNCTUATION.has(c.name));
}

/**
 * Arguments of a call: positional expressions and `name=value` keywords. Lezer writes a keyword
 * argument as the sibling sequence VariableName AssignOp expression.
 */
export function callArguments(argList: SyntaxNode | null, source: PySource): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const items = argList ? itemsOf(argList) : [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const next = items[i + 1];
    if (item.name === 'VariableName' && next?.name === 'AssignOp' && items[i + 2]) {
      keywords.set(source.textOf(item), items[i + 2]!);
      i += 2;
    } else {
      positional.push(item);
    }
  }
  return { positional, keywords };
}

/** Every descendant of a node (the node included), depth first, in source order. */
export function walk(node: SyntaxNode, visit: (node: SyntaxNode) => void): void {
  visit(node);
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, visit);
}
