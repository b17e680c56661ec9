import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../compiler/model.ts';

export type FlowNode = Node<{ model: GraphNode }, 'step' | 'event'>;
export type FlowEdge = Edge<{ model: GraphEdge }, 'flow'>;
