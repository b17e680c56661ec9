import type { ReactFlowInstance } from '@xyflow/react';
import type { Point } from '../../inspect/index.ts';
import type { FlowEdge, FlowNode } from './flowTypes.ts';

/** Below this zoom node labels get too small to read (12 px event names at 0.8 are about 10 px). */
export const READABLE_ZOOM = 0.8;
const MAX_ZOOM = 1.2;
const PAD = 20;

/**
 * Fits the graph, edges that loop around it included, in the pane when it can be read that way; a
 * graph too large for that is shown at a readable zoom from its start (its left end, centred
 * vertically when it fits) and the rest is a scroll or a drag away, rather than shrinking every label
 * to a few pixels.
 */
export function fitReadable(flow: ReactFlowInstance<FlowNode, FlowEdge>, pane: { width: number; height: number }): void {
  const nodes = flow.getNodes();
  if (nodes.length === 0 || pane.width === 0 || pane.height === 0) return;
  const box = flow.getNodesBounds(nodes);
  let [minX, minY, maxX, maxY] = [box.x, box.y, box.x + box.width, box.y + box.height];
  for (const edge of flow.getEdges()) {
    for (const p of edge.data?.route ?? ([] as Point[])) {
      [minX, minY, maxX, maxY] = [Math.min(minX, p.x), Math.min(minY, p.y), Math.max(maxX, p.x), Math.max(maxY, p.y)];
    }
  }
  const width = Math.max(1, maxX - minX);
  const height = Math.max(1, maxY - minY);
  const fits = Math.min(MAX_ZOOM, (pane.width - 2 * PAD) / width, (pane.height - 2 * PAD) / height);
  const zoom = Math.max(fits, Math.min(READABLE_ZOOM, MAX_ZOOM));
  const x = width * zoom <= pane.width - 2 * PAD ? (pane.width - width * zoom) / 2 - minX * zoom : PAD - minX * zoom;
  const y = height * zoom <= pane.height - 2 * PAD ? (pane.height - height * zoom) / 2 - minY * zoom : PAD - minY * zoom;
  void flow.setViewport({ x, y, zoom });
}
