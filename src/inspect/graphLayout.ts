import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphModel, GraphNode } from '../compiler/model.ts';

export interface Point {
  x: number;
  y: number;
}

/** A laid-out node: its top-left corner and size, as React Flow and the SVG export place nodes. */
export interface LaidOutNode extends Point {
  width: number;
  height: number;
}

/**
 * Where every node goes and how every edge runs between them: edges are polylines that leave a node
 * on its right side and enter the next on its left, routed around the nodes in between (back edges
 * included). Plain data, so it crosses a worker boundary and can ship with the page.
 */
export interface GraphLayout {
  /** The graph structure this layout is for (`structureKey`). */
  key: string;
  nodes: Record<string, LaidOutNode>;
  edges: Record<string, Point[]>;
}

export const STEP_SIZE = { width: 150, height: 78 } as const;
export const EVENT_HEIGHT = 34;

/** Event pills are as wide as their name needs, so short names do not stretch the graph. */
export function eventWidth(type: string): number {
  return Math.min(220, Math.max(96, Math.round(type.length * 7.4 + 30)));
}

/** Resource boxes fit their factory's name and a small caption. */
export function resourceWidth(name: string): number {
  return Math.min(220, Math.max(90, Math.round(name.length * 7.4 + 24)));
}
export const RESOURCE_HEIGHT = 40;

/** The person answering a human-in-the-loop question (`external_step`): a box, smaller than a step. */
export const EXTERNAL_SIZE = { width: 156, height: 48 } as const;

export function nodeSize(node: GraphNode): { width: number; height: number } {
  if (node.kind === 'resource') return { width: resourceWidth(node.label), height: RESOURCE_HEIGHT };
  if (node.kind === 'step') return STEP_SIZE;
  if (node.kind === 'external') return EXTERNAL_SIZE;
  return { width: eventWidth(node.event?.type ?? node.label), height: EVENT_HEIGHT };
}

/** Two graphs with the same nodes and edges lay out the same: only a change of this key re-runs layout. */
export function structureKey(graph: GraphModel): string {
  const nodes = graph.nodes.map((n) => n.id).sort();
  const edges = graph.edges.map((e) => e.id).sort();
  return `${nodes.join('|')}#${edges.join('|')}`;
}

/** Above this many nodes the layered layout spends less effort on crossings: it stays quick. */
const LARGE_GRAPH = 120;

/**
 * The graph as ELK's layered algorithm takes it, left to right with orthogonal edges. Each node has
 * one port in the middle of its left side (edges in) and one on its right (edges out), where the
 * page's handles are, so a back edge leaves to the right and is routed around the nodes to come in
 * from the left with its arrowhead in view.
 */
export function elkGraphOf(graph: GraphModel): ElkNode {
  const large = graph.nodes.length > LARGE_GRAPH;
  const children: ElkNode[] = graph.nodes.map((node) => {
    const { width, height } = nodeSize(node);
    return {
      id: node.id,
      width,
      height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [
        { id: inPort(node.id), x: 0, y: height / 2, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } },
        { id: outPort(node.id), x: width, y: height / 2, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } },
      ],
    };
  });
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((edge) => edge.source !== edge.target)
    .map((edge) => ({ id: edge.id, sources: [outPort(edge.source)], targets: [inPort(edge.target)] }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '44',
      'elk.spacing.edgeNode': '14',
      'elk.layered.spacing.edgeNodeBetweenLayers': '14',
      'elk.spacing.edgeEdge': '8',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
      // Cycles are broken against the order written, so the flow reads from StartEvent on.
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': large ? 'SIMPLE' : 'BRANDES_KOEPF',
      'elk.layered.thoroughness': large ? '1' : '7',
    },
    children,
    edges,
  };
}

/** ELK's answer as a `GraphLayout`; a node or edge ELK left out gets no entry (callers fall back). */
export function layoutFromElk(graph: GraphModel, laidOut: ElkNode): GraphLayout {
  const nodes: Record<string, LaidOutNode> = {};
  for (const child of laidOut.children ?? []) {
    if (child.x === undefined || child.y === undefined) continue;
    nodes[child.id] = { x: round(child.x), y: round(child.y), width: child.width ?? 0, height: child.height ?? 0 };
  }
  const edges: Record<string, Point[]> = {};
  for (const edge of (laidOut.edges ?? []) as ElkExtendedEdge[]) {
    const points = (edge.sections ?? []).flatMap((section) => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
    if (points.length >= 2) edges[edge.id] = dedupe(points.map((p) => ({ x: round(p.x), y: round(p.y) })));
  }
  return { key: structureKey(graph), nodes, edges };
}

const inPort = (id: string) => `${id}::in`;
const outPort = (id: string) => `${id}::out`;
const round = (value: number) => Math.round(value * 10) / 10;

function dedupe(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
}
