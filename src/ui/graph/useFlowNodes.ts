import { applyNodeChanges } from '@xyflow/react';
import type { NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphModel } from '../../compiler/model.ts';
import type { FlowNode } from './flowTypes.ts';
import { layoutGraph, structureKey } from './layoutGraph.ts';
import type { Point } from './layoutGraph.ts';

/**
 * React Flow nodes for a graph model. Dagre runs only when the graph's structure changes; a node the
 * user dragged keeps its place through later edits (by node id) until the page reloads.
 */
export function useFlowNodes(graph: GraphModel | null): {
  nodes: FlowNode[];
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  layoutVersion: number;
} {
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [layoutVersion, setLayoutVersion] = useState(0);
  const dragged = useRef(new Map<string, Point>());
  const laidOut = useRef<{ key: string; positions: Map<string, Point> } | null>(null);

  useEffect(() => {
    if (!graph) return;
    const key = structureKey(graph);
    let relaid = false;
    if (laidOut.current?.key !== key) {
      laidOut.current = { key, positions: layoutGraph(graph) };
      relaid = true;
    }
    const positions = laidOut.current.positions;
    setNodes((previous) => {
      const byId = new Map(previous.map((node) => [node.id, node]));
      return graph.nodes.map((model): FlowNode => {
        const old = byId.get(model.id);
        const position = dragged.current.get(model.id) ?? positions.get(model.id) ?? old?.position ?? { x: 0, y: 0 };
        return { ...old, id: model.id, type: model.kind, position, data: { model } };
      });
    });
    if (relaid) setLayoutVersion((v) => v + 1);
  }, [graph]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging) dragged.current.set(change.id, change.position);
    }
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);

  return { nodes, onNodesChange, layoutVersion };
}
