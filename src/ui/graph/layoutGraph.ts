import { Graph, layout } from '@dagrejs/dagre';
import type { GraphModel } from '../../compiler/model.ts';

export const STEP_SIZE = { width: 150, height: 78 } as const;
export const EVENT_HEIGHT = 34;

/** Event pills are as wide as their name needs, so short names do not stretch the graph. */
export function eventWidth(type: string): number {
  return Math.min(220, Math.max(96, Math.round(type.length * 7.4 + 30)));
}

function sizeOf(node: GraphModel['nodes'][number]): { width: number; height: number } {
  return node.kind === 'step' ? STEP_SIZE : { width: eventWidth(node.event?.type ?? node.label), height: EVENT_HEIGHT };
}

export interface Point {
  x: number;
  y: number;
}

/** Top-left positions, left to right in the direction events flow (as React Flow places nodes). */
export function layoutGraph(graph: GraphModel): Map<string, Point> {
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 44, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { ...sizeOf(node) });
  for (const edge of graph.edges) if (edge.source !== edge.target) g.setEdge(edge.source, edge.target);
  layout(g);
  const positions = new Map<string, Point>();
  for (const node of graph.nodes) {
    const placed = g.node(node.id);
    const size = sizeOf(node);
    positions.set(node.id, { x: Math.round((placed?.x ?? 0) - size.width / 2), y: Math.round((placed?.y ?? 0) - size.height / 2) });
  }
  return positions;
}

/** Two graphs with the same nodes and edges lay out the same: only a change of this key re-runs dagre. */
export function structureKey(graph: GraphModel): string {
  const nodes = graph.nodes.map((n) => n.id).sort();
  const edges = graph.edges.map((e) => e.id).sort();
  return `${nodes.join('|')}#${edges.join('|')}`;
}
