import { applyNodeChanges } from '@xyflow/react';
import type { NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphModel } from '../../compiler/model.ts';
import { structureKey } from '../../inspect/index.ts';
import type { GraphLayout, Point } from '../../inspect/index.ts';
import type { FlowNode } from './flowTypes.ts';
import type { GraphLayouter } from './graphLayouter.ts';

/** The graph being drawn and the layout it is drawn with: they change together. */
export interface Drawn {
  graph: GraphModel;
  layout: GraphLayout;
}

/**
 * React Flow nodes for a graph model. Layout (ELK, in a worker) runs only when the graph's structure
 * changes; until the new layout arrives the previous graph stays drawn, so nodes never flash at the
 * origin. A node the user dragged keeps its place through later edits (by node id) until the page
 * reloads or the layout is reset.
 */
export function useFlowNodes(graph: GraphModel | null, layouts: GraphLayouter) {
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [layoutVersion, setLayoutVersion] = useState(0);
  const dragged = useRef(new Map<string, Point>());
  const [moved, setMoved] = useState(false);
  const request = useRef(0);
  const drawnKey = useRef<string | null>(null);

  const place = useCallback((next: Drawn, relaid: boolean) => {
    setNodes((previous) => {
      const byId = new Map(previous.map((node) => [node.id, node]));
      return next.graph.nodes.map((model): FlowNode => {
        const old = byId.get(model.id);
        const box = next.layout.nodes[model.id];
        const position = dragged.current.get(model.id) ?? (box ? { x: box.x, y: box.y } : (old?.position ?? { x: 0, y: 0 }));
        return { ...old, id: model.id, type: model.kind, position, data: { model } };
      });
    });
    setDrawn(next);
    if (relaid) setLayoutVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    if (!graph) return;
    const ticket = ++request.current;
    const key = structureKey(graph);
    const known = layouts.cached(graph);
    if (known) {
      place({ graph, layout: known }, drawnKey.current !== key);
      drawnKey.current = key;
      return;
    }
    void layouts.layout(graph).then((layout) => {
      if (ticket !== request.current) return;
      place({ graph, layout }, true);
      drawnKey.current = key;
    });
  }, [graph, layouts, place]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging) {
        dragged.current.set(change.id, change.position);
        setMoved(true);
      }
    }
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);

  /** Puts every dragged node back where the layout placed it. */
  const resetLayout = useCallback(() => {
    dragged.current.clear();
    setMoved(false);
    if (drawn) place(drawn, true);
  }, [drawn, place]);

  return { nodes, drawn, onNodesChange, layoutVersion, resetLayout, moved };
}
