import type { GraphModel } from '../compiler/model.ts';
import { nodeSize, structureKey } from './graphLayout.ts';
import type { GraphLayout, LaidOutNode } from './graphLayout.ts';

const COLUMN_GAP = 60;
const ROW_GAP = 28;

/**
 * A quick layout for when the layered one is not available (its worker failed or gave up on a very
 * large graph): a column per distance from the nodes nothing points to, in the order written. Edges
 * get no routes; they are drawn with `edgeRoute`'s detours. Linear in the graph's size.
 */
export function rankLayout(graph: GraphModel): GraphLayout {
  const incoming = new Map<string, number>(graph.nodes.map((node) => [node.id, 0]));
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  }
  const roots = graph.nodes.filter((node) => node.event?.role === 'start' || incoming.get(node.id) === 0).map((node) => node.id);
  const rank = new Map<string, number>();
  const queue = roots.length > 0 ? roots : graph.nodes.slice(0, 1).map((node) => node.id);
  for (const id of queue) rank.set(id, 0);
  // Breadth-first: each node's column is its first (shortest) distance, so back edges do not push it on.
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const target of next.get(id) ?? []) {
      if (rank.has(target)) continue;
      rank.set(target, rank.get(id)! + 1);
      queue.push(target);
    }
  }
  let last = Math.max(0, ...rank.values());
  for (const node of graph.nodes) if (!rank.has(node.id)) rank.set(node.id, ++last);
  const columns: { width: number; y: number }[] = [];
  for (const node of graph.nodes) {
    const r = rank.get(node.id)!;
    columns[r] = { width: Math.max(columns[r]?.width ?? 0, nodeSize(node).width), y: 0 };
  }
  const starts: number[] = [];
  let x = 16;
  for (let r = 0; r < columns.length; r++) {
    starts[r] = x;
    x += (columns[r]?.width ?? 0) + COLUMN_GAP;
  }
  const nodes: Record<string, LaidOutNode> = {};
  for (const node of graph.nodes) {
    const r = rank.get(node.id)!;
    const column = columns[r]!;
    const size = nodeSize(node);
    nodes[node.id] = { x: starts[r]!, y: 16 + column.y, ...size };
    column.y += size.height + ROW_GAP;
  }
  return { key: structureKey(graph), nodes, edges: {} };
}
