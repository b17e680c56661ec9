import type { ReactFlowInstance } from '@xyflow/react';
import type { Point } from '../../inspect/index.ts';
import type { FlowEdge, FlowNode } from './flowTypes.ts';

/** Below this zoom node labels get too small to read (12 px event names at 0.8 are about 10 px). */
export const READABLE_ZOOM = 0.8;
/**
 * Never zoomed in further at the first look, not even to keep a node whole: past it the first look
 * stops being an overview (at 1.4 a pane shows about a third fewer nodes each way, at 2 half), while
 * a node cut by the far side sits under that side's fade and its "N more" button, one press from
 * being whole. The near sides (the start, the bar on top) are never cut.
 */
export const MAX_ZOOM = 1.2;

/** How far the graph keeps from each side of its pane, in screen pixels. */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The pane's sides the graph keeps clear of when nothing has been measured: the bar along the top
 * (the legend, the zoom controls and Export) and a little air on the other sides. The page measures
 * the bar (`barMargins`), since the legend wraps onto a second line in a narrow pane.
 */
export const FIT_MARGIN: Margins = { left: 16, right: 16, top: 48, bottom: 12 };

/**
 * Along a side the graph runs past, the room its fade and "N more" hint take there (MoreHints): the
 * nodes shown end before it when they can, so it covers only the edges running on.
 */
export const HINT_ROOM = { right: 44, bottom: 36 } as const;

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
 * all of it, centred, when it fits at a readable zoom; else from its start (the top left, where
 * StartEvent is) at a readable zoom, zoomed in just enough that along each side the graph runs past,
 * the pane ends between two nodes: no node is shown cut or under the bar at the first look, and the
 * edges running off the side say there is more to scroll to. When no zoom up to MAX_ZOOM ends the
 * pane between nodes, the fewest nodes are cut, by the far side only. Pure, for the tests.
 */
export function readableViewport(nodes: readonly Box[], extent: Box, pane: { width: number; height: number }, margin: Margins = FIT_MARGIN): Viewport {
  const room = roomIn(pane, margin);
  const width = Math.max(1, extent.width);
  const height = Math.max(1, extent.height);
  const fits = Math.min(MAX_ZOOM, room.width / width, room.height / height);
  let zoom = fits;
  if (fits < READABLE_ZOOM) {
    // Along an axis the graph runs past, nodes end inside the room (`strict`) or at least inside
    // the pane, and the others start past the pane's edge.
    const axes = (strict: boolean): Axis[] => [
      { start: extent.x, size: width, fit: room.width, room: strict ? pane.width - margin.left - Math.max(margin.right, HINT_ROOM.right) : pane.width - margin.left - 2, span: pane.width - margin.left + 1, boxes: nodes.map((b) => [b.x, b.x + b.width] as const) },
      { start: extent.y, size: height, fit: room.height, room: strict ? pane.height - margin.top - Math.max(margin.bottom, HINT_ROOM.bottom) : pane.height - margin.top - 2, span: pane.height - margin.top + 1, boxes: nodes.map((b) => [b.y, b.y + b.height] as const) },
    ];
    // Clear of the pane's margins if it can be; else at least not cut by the pane's edge; else
    // (a node longer than the pane, rows and columns at odds) with the fewest nodes cut, by the far
    // sides only, never zoomed past MAX_ZOOM.
    const strict = axes(true);
    const loose = axes(false);
    zoom =
      leastCutZoom(strict, READABLE_ZOOM, MAX_ZOOM, true) ??
      leastCutZoom(loose, READABLE_ZOOM, MAX_ZOOM, true) ??
      leastCutZoom(loose, READABLE_ZOOM, MAX_ZOOM, false)!;
  }
  return placed(extent, room, margin, zoom);
}

/** The room the graph has in the pane: what the margins leave. */
function roomIn(pane: { width: number; height: number }, margin: Margins): { width: number; height: number } {
  return { width: Math.max(1, pane.width - margin.left - margin.right), height: Math.max(1, pane.height - margin.top - margin.bottom) };
}

/** The graph at `zoom`: centred along an axis where it fits the room, from its start where it does not. */
function placed(extent: Box, room: { width: number; height: number }, margin: Margins, zoom: number): Viewport {
  const width = Math.max(1, extent.width);
  const height = Math.max(1, extent.height);
  const x = width * zoom <= room.width + 1e-6 ? margin.left + (room.width - width * zoom) / 2 - extent.x * zoom : margin.left - extent.x * zoom;
  const y = height * zoom <= room.height + 1e-6 ? margin.top + (room.height - height * zoom) / 2 - extent.y * zoom : margin.top - extent.y * zoom;
  return { x, y, zoom };
}

/**
 * The whole graph in the room below the bar, however small that makes it (never larger than
 * MAX_ZOOM): the zoom bar's fit button, pressed a second time, for the shape of a big graph.
 */
export function wholeViewport(extent: Box, pane: { width: number; height: number }, margin: Margins = FIT_MARGIN): Viewport {
  const room = roomIn(pane, margin);
  return placed(extent, room, margin, Math.min(MAX_ZOOM, room.width / Math.max(1, extent.width), room.height / Math.max(1, extent.height)));
}

/**
 * One direction of the view: the graph from `start` (`size` long) in a pane whose clear part is
 * `fit` long (`room` when the graph runs past it) and whose edge is `span` from where the graph
 * starts (a pixel past it: a node starting there is out of sight); `boxes` are the nodes' extents.
 */
interface Axis {
  start: number;
  size: number;
  fit: number;
  room: number;
  span: number;
  boxes: readonly (readonly [number, number])[];
}

/**
 * The smallest zoom from `low` to `high` at which, along both axes, every node ends inside the room
 * or starts past the pane's edge (null when there is none); unless `uncutOnly`, the one that cuts
 * the fewest nodes. Along an axis that overflows, a node from a to b is cut for the zooms between
 * room/(b - start), where its end leaves the room, and span/(a - start), where its start passes the
 * edge; the answer is `low` or one of those ends.
 */
function leastCutZoom(axes: readonly Axis[], low: number, high: number, uncutOnly: boolean): number | null {
  const cuts = axes.flatMap((axis) =>
    axis.boxes.map(([a, b]) => ({ axis, from: axis.room / Math.max(1e-9, b - axis.start), to: a > axis.start ? axis.span / (a - axis.start) : Infinity })),
  );
  const cutAt = (zoom: number) =>
    cuts.filter(({ axis, from, to }) => axis.size * zoom > axis.fit + 1e-6 && zoom > from + 1e-9 && zoom < to - 1e-9).length;
  const candidates = [low, ...cuts.map((cut) => cut.to)].filter((z) => z >= low && z <= high).sort((p, q) => p - q);
  let best: { zoom: number; cut: number } | null = null;
  for (const zoom of candidates) {
    const cut = cutAt(zoom);
    if (cut === 0) return zoom;
    if (!best || cut < best.cut) best = { zoom, cut };
  }
  return uncutOnly ? null : (best?.zoom ?? low);
}

/**
 * Applies `readableViewport` (or, for `whole`, `wholeViewport`) to what React Flow has measured, and
 * returns the view it set; 'unmeasured' (and nothing done) while a node has not been measured yet,
 * since a fit on guessed sizes cuts the nodes it did not know the width of; null with nothing to fit.
 */
export function fitReadable(flow: ReactFlowInstance<FlowNode, FlowEdge>, pane: { width: number; height: number }, margin: Margins = FIT_MARGIN, whole = false): Viewport | 'unmeasured' | null {
  const nodes = flow.getNodes();
  if (nodes.length === 0 || pane.width === 0 || pane.height === 0) return null;
  if (nodes.some((n) => !flow.getInternalNode(n.id)?.measured.width)) return 'unmeasured';
  // Each node's box as React Flow measured it, in the graph's coordinates.
  const boxes = nodes.map((n) => flow.getNodesBounds([n]));
  const box = flow.getNodesBounds(nodes);
  let [minX, minY, maxX, maxY] = [box.x, box.y, box.x + box.width, box.y + box.height];
  for (const edge of flow.getEdges()) {
    for (const p of edge.data?.route ?? ([] as Point[])) {
      [minX, minY, maxX, maxY] = [Math.min(minX, p.x), Math.min(minY, p.y), Math.max(maxX, p.x), Math.max(maxY, p.y)];
    }
  }
  const extent = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  const view = whole ? wholeViewport(extent, pane, margin) : readableViewport(boxes, extent, pane, margin);
  void flow.setViewport(view, whole ? { duration: 200 } : undefined);
  return view;
}

/** Whether the view is still where a fit put it (not panned or zoomed since). */
export function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 1e-3;
}

/**
 * The margins that keep the graph clear of the bar along the pane's top (legend, zoom controls,
 * Export): what is measured of `bar`'s items, below the pane's `top`. An open menu hanging from the
 * bar is not counted: it closes.
 */
export function barMargins(pane: DOMRect, items: readonly DOMRect[]): Margins {
  const bottom = items.filter((r) => r.height > 0).reduce((low, r) => Math.max(low, r.bottom - pane.top), 0);
  return bottom > 0 ? { ...FIT_MARGIN, top: Math.round(bottom + 8) } : FIT_MARGIN;
}
