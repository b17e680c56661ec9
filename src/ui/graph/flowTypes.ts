import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../compiler/model.ts';
import type { Point } from '../../inspect/index.ts';

export type FlowNode = Node<{ model: GraphNode }, GraphNode['kind']>;
/** `route`: the layout's polyline for the edge, used while its nodes stay where the layout put them. */
export type FlowEdge = Edge<{ model: GraphEdge; route?: readonly Point[] }, 'flow'>;
