import type { GraphModel } from '../../compiler/model.ts';

/** Lines of a text view kept; a graph past this is still described, with what was left out counted. */
export const MAX_TEXT_LINES = 5_000;

/**
 * The graph as lines a person can read when it is too large to draw: each step with the events it
 * accepts and the events it returns or sends. Linear in the graph's size.
 */
export function graphAsText(graph: GraphModel): string {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const accepts = new Map<string, string[]>();
  const emits = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const edge of graph.edges) {
    if (edge.kind === 'accepts') push(accepts, edge.target, label.get(edge.source) ?? edge.source);
    else if (edge.kind === 'catches') push(emits, edge.source, `on failure: ${label.get(edge.target) ?? edge.target}`);
    else push(emits, edge.source, `${label.get(edge.target) ?? edge.target}${edge.dashed ? ' (sent, undeclared)' : ''}`);
  }
  const lines: string[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'step') continue;
    const name = node.workflow && graph.nodes.some((n) => n.workflow !== node.workflow) ? `${node.workflow}.${node.label}` : node.label;
    lines.push(`${name}: ${(accepts.get(node.id) ?? []).join(' | ') || '(nothing)'} -> ${(emits.get(node.id) ?? []).join(' | ') || '(nothing)'}`);
  }
  return capLines(lines);
}

/** Keeps the first MAX_TEXT_LINES lines and says how many more there were. */
export function capLines(lines: string[]): string {
  if (lines.length <= MAX_TEXT_LINES) return lines.join('\n');
  const more = lines.length - MAX_TEXT_LINES;
  return `${lines.slice(0, MAX_TEXT_LINES).join('\n')}\n… ${more.toLocaleString('en-US')} more lines not shown`;
}
