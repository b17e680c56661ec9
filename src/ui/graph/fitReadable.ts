import type { ReactFlowInstance } from '@xyflow/react';
import type { Point } from '../../inspect/index.ts';
import type { FlowEdge, FlowNode } from './flowTypes.ts';

/** Below this zoom node labels get too small to read (12 px event names at 0.8 are about 10 px). */
export const READABLE_ZOOM = 0.8;
const MAX_ZOOM = 1.2;

/**
 * The pane's edges the graph keeps clear of: the Export button above on the right, the zoom
 * controls down the right side, the legend along the bottom. A node under them is as cut as one
 * past the edge.
 */
export const FIT_MARGIN = { left: 20, right: 56, top: 48, bottom: 34 } as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Where to look at a graph (`nodes`; `extent` also holds the edges' routes) in a pane of this size:
 * all of it when it fits at a readable zoom; else from its start at a readable zoom, zoomed in just
 * enough that the pane ends between two nodes, so no node is shown cut at the first look and the
 * edges running off the side say there is more to scroll to. Pure, for the tests.
 */
export function readableViewport(nodes: readonly Box[], extent: Box, pane: { width: number; height: number }): Viewport {
  const room = { width: pane.width - FIT_MARGIN.left - FIT_MARGIN.right, height: pane.height - FIT_MARGIN.top - FIT_MARGIN.bottom };
  const width = Math.max(1, extent.width);
  const height = Math.max(1, extent.height);
  const fits = Math.min(MAX_ZOOM, room.width / width, room.height / height);
  let zoom = Math.max(fits, READABLE_ZOOM);
  if (width * zoom > room.width) {
    // Zooming in must not push a graph that fitted the height past it.
    const limit = height * zoom <= room.height ? Math.min(MAX_ZOOM, room.height / height) : MAX_ZOOM;
    const paneSpan = pane.width - FIT_MARGIN.left;
    // Clear of the controls if it can be; else at least not cut by the pane's edge.
    const between = zoomEndingBetweenNodes(nodes, extent.x, room.width, paneSpan, zoom, limit) ?? zoomEndingBetweenNodes(nodes, extent.x, paneSpan - 8, paneSpan, zoom, limit);
    if (between !== null) zoom = between;
  }
  const x = width * zoom <= room.width ? FIT_MARGIN.left + (room.width - width * zoom) / 2 - extent.x * zoom : FIT_MARGIN.left - extent.x * zoom;
  const y = height * zoom <= room.height ? FIT_MARGIN.top + (room.height - height * zoom) / 2 - extent.y * zoom : FIT_MARGIN.top - extent.y * zoom;
  return { x, y, zoom };
}

/**
 * The smallest zoom from `zoom` up to `limit` at which the nodes shown end inside `room` and every
 * other node starts past the pane's far edge (`paneSpan` from the start), or null when there is none.
 */
function zoomEndingBetweenNodes(nodes: readonly Box[], start: number, room: number, paneSpan: number, zoom: number, limit: number): number | null {
  const ends = [...new Set(nodes.map((b) => b.x + b.width))].filter((end) => end > start).sort((a, b) => b - a);
  for (const end of ends) {
    const z = room / (end - start);
    if (z < zoom) continue;
    if (z > limit) break;
    const edge = start + paneSpan / z;
    if (!nodes.some((b) => b.x < edge && b.x + b.width > end)) return z;
  }
  return null;
}

/**
 * Applies `readableViewport` to what React Flow has measured; false (and nothing done) while a node
 * has not been measured yet, since a fit on guessed sizes cuts the nodes it did not know the width of.
 */
export function fitReadable(flow: ReactFlowInstance<FlowNode, FlowEdge>, pane: { width: number; height: number }): boolean {
  const nodes = flow.getNodes();
  if (nodes.length === 0 || pane.width === 0 || pane.height === 0) return true;
  if (nodes.some((n) => !flow.getInternalNode(n.id)?.measured.width)) return false;
  // Each node's box as React Flow measured it, in the graph's coordinates.
  const boxes = nodes.map((n) => flow.getNodesBounds([n]));
  const box = flow.getNodesBounds(nodes);
  let [minX, minY, maxX, maxY] = [box.x, box.y, box.x + box.width, box.y + box.height];
  for (const edge of flow.getEdges()) {
    for (const p of edge.data?.route ?? ([] as Point[])) {
      [minX, minY, maxX, maxY] = [Math.min(minX, p.x), Math.min(minY, p.y), Math.max(maxX, p.x), Math.max(maxY, p.y)];
    }
  }
  void flow.setViewport(readableViewport(boxes, { x: minX, y: minY, width: maxX - minX, height: maxY - minY }, pane));
  return true;
}
