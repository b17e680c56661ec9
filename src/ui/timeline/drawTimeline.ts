import { barsIn, markersIn } from '../../inspect/index.ts';
import type { MarkerKind, TimeWindow, TimelineRow, TimelineView } from '../../inspect/index.ts';
import type { Selection } from '../../state/index.ts';
import { eventColor } from '../graph/index.ts';
import { AXIS_HEIGHT, LANE_HEIGHT } from './timelineGeometry.ts';
import type { TimelineGeometry } from './timelineGeometry.ts';

/**
 * The theme's colours (src/ui/theme/theme.css), read from the canvas at each draw so that a switch
 * between light and dark shows at once. Bars by index: waiting (queue, retry), then running and each
 * outcome; markers by kind; and the ink for what is neither.
 */
const BAR_TOKENS = ['--tl-queue', '--tl-retry-wait', '--tl-running', '--tl-done', '--tl-failed', '--tl-retried', '--tl-cancelled', '--tl-waiting'] as const;
const PAINT_OF = { done: 3, failed: 4, retried: 5, cancelled: 6, waiting: 7 } as const;
const MARKER_TOKEN: Record<Exclude<MarkerKind, 'emitted' | 'run-end'>, string> = {
  failed: '--tl-failed',
  retry: '--tl-retried',
  caught: '--tl-caught',
  cancelled: '--tl-cancel-mark',
  waiting: '--tl-waiting',
  rerun: '--tl-waiting',
  collect: '--tl-collect',
  dropped: '--tl-cancelled',
  unhandled: '--tl-cancelled',
  paused: '--tl-paused',
};

interface Ink {
  line: string;
  text: string;
  panel: string;
  muted: string;
  cursor: string;
  bars: string[];
  markers: Record<string, string>;
}

/** Stays what the last draw read, for the moments between draws (hit-testing never needs colours). */
let ink: Ink = { line: '', text: '', panel: '', muted: '', cursor: '', bars: [], markers: {} };
function readInk(canvas: HTMLCanvasElement): Ink {
  const style = getComputedStyle(canvas);
  const token = (name: string) => style.getPropertyValue(name).trim();
  const markers: Record<string, string> = {};
  for (const [kind, name] of Object.entries(MARKER_TOKEN)) markers[kind] = token(name);
  return {
    line: token('--border'),
    text: token('--text'),
    panel: token('--panel'),
    muted: token('--muted'),
    cursor: token('--accent'),
    bars: BAR_TOKENS.map(token),
    markers,
  };
}

/**
 * The markers drawn before a moment, kept on a canvas of their own: at a scrubber move the timeline
 * copies the part of it left of the cursor and draws afresh only the markers of the last few pixels.
 * Every view of one source shows the same markers before its cursor (records are in time order), so
 * the copy holds for any cursor up to the one it was drawn at, and for a later one up to that one's
 * pixels; a cursor that gets far ahead has it drawn again. Drawing every marker of a 100,000-event
 * run at each move was most of a move's time.
 */
interface MarkerLayer {
  canvas: HTMLCanvasElement;
  /** What it was drawn for: window, size, selection, colours, lanes and source; anything else redraws it. */
  key: string;
  source: object;
  /** The cursor time it was drawn at. */
  time: number;
}

const layers = new WeakMap<HTMLCanvasElement, MarkerLayer>();
/** Pixels left of the cursor drawn afresh: a marker there may be cut by the copy's edge (they are 7 px wide). */
const FRESH_PX = 8;
/** A cursor this far right of the layer's has the layer drawn again rather than many markers afresh. */
const REDRAW_PX = 160;

/**
 * Draws the part of the timeline inside `window` (workflow ms) on a canvas: one lane per worker
 * (lane 0 holds what waits for a worker), a light bar for waiting and a solid one for running,
 * markers on top, and the cursor. Canvas rather than SVG elements, and only what the window shows:
 * a run of a hundred thousand events redraws in a few milliseconds on every scrubber move or zoom.
 */
export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  view: TimelineView,
  geometry: TimelineGeometry,
  width: number,
  selection: Selection | null,
  window: TimeWindow,
): void {
  const { lanes, height } = geometry;
  ink = readInk(ctx.canvas);
  const scale = (width - 8) / Math.max(window.to - window.from, 1e-9);
  const x = (time: number) => (time - window.from) * scale + 4;
  ctx.clearRect(0, 0, width, height);
  // Lanes by row and worker number, without building a string key per bar.
  const laneY = new Map<string, number[]>();
  for (const lane of lanes) {
    (laneY.get(lane.row) ?? laneY.set(lane.row, []).get(lane.row)!)[lane.lane] = lane.y;
    if (lane.first) {
      ctx.fillStyle = ink.line;
      ctx.fillRect(0, lane.y - 4, width, 1);
    }
  }
  drawAxis(ctx, window, width, x);
  for (const row of view.rows) drawBars(ctx, row, laneY.get(row.id) ?? [], x, view.cursor.time, selection, window, width);
  const drawAll = (target: CanvasRenderingContext2D, within: TimeWindow) => {
    for (const row of view.rows) drawMarkers(target, row, laneY.get(row.id) ?? [], x, selection, within);
  };
  const cursorX = x(view.cursor.time);
  const key = layerKey(ctx.canvas, geometry, width, selection, window);
  const layer = markerLayer(ctx, key, view, (kept) => cursorX - x(kept.time), (target) => drawAll(target, window));
  if (layer === null) drawAll(ctx, window);
  else {
    // The layer up to a few pixels before the cursor (or before its own cursor, if that is earlier),
    // then the markers from there on, drawn afresh from this view.
    const edge = Math.max(0, Math.min(cursorX, x(layer.time), width) - FRESH_PX);
    const ratio = ctx.canvas.width / width;
    if (edge >= 1) ctx.drawImage(layer.canvas, 0, 0, Math.round(edge * ratio), ctx.canvas.height, 0, 0, Math.round(edge * ratio) / ratio, ctx.canvas.height / ratio);
    const from = window.from + (edge - FRESH_PX - 4) / scale;
    drawAll(ctx, { from: Math.max(window.from, from), to: window.to });
  }
  if (cursorX >= 0 && cursorX <= width) {
    ctx.fillStyle = ink.cursor;
    ctx.fillRect(cursorX - 1, 0, 2, height);
  }
}

/** What a marker layer depends on besides the cursor: window, size, selection, colours and lanes. */
function layerKey(canvas: HTMLCanvasElement, geometry: TimelineGeometry, width: number, selection: Selection | null, window: TimeWindow): string {
  const lanes = geometry.lanes.map((l) => `${l.row}:${l.lane}:${l.y}`).join(',');
  const chosen = selection === null ? '' : `${selection.kind}:${'id' in selection ? String(selection.id) : ''}`;
  const colours = `${ink.text}|${ink.panel}|${Object.values(ink.markers).join(',')}`;
  return `${window.from}|${window.to}|${width}|${canvas.width}x${canvas.height}|${chosen}|${colours}|${lanes}`;
}

/**
 * The marker layer for this draw: kept when it still fits (same key and source, the cursor not far
 * past the layer's), else drawn again by `drawAll`; null where there is no second canvas to draw on.
 */
function markerLayer(ctx: CanvasRenderingContext2D, key: string, view: TimelineView, aheadPx: (layer: MarkerLayer) => number, drawAll: (target: CanvasRenderingContext2D) => void): MarkerLayer | null {
  const canvas = ctx.canvas;
  let layer = layers.get(canvas) ?? null;
  if (layer !== null && layer.key === key && layer.source === view.source && aheadPx(layer) < REDRAW_PX) return layer;
  const own = layer?.canvas ?? (typeof document === 'undefined' ? null : document.createElement('canvas'));
  const target = own?.getContext('2d') ?? null;
  if (own === null || target === null) return null;
  own.width = canvas.width;
  own.height = canvas.height;
  target.setTransform(ctx.getTransform());
  target.clearRect(0, 0, own.width, own.height);
  drawAll(target);
  layer = { canvas: own, key, source: view.source, time: view.cursor.time };
  layers.set(canvas, layer);
  return layer;
}

/**
 * Thousands of bars share a few hundred pixels: each lane remembers how far it has been painted in
 * each colour, and a bar that would land only on pixels already painted that colour is skipped.
 */
function drawBars(
  ctx: CanvasRenderingContext2D,
  row: TimelineRow,
  ys: number[],
  x: (time: number) => number,
  cursor: number,
  selection: Selection | null,
  window: TimeWindow,
  width: number,
): void {
  // How far each (lane, colour) has been painted, in whole pixels; numeric keys, no strings per bar.
  const reached: number[] = [];
  const paint = (color: number, lane: number, from: number, to: number, y: number, h: number) => {
    const key = lane * ink.bars.length + color;
    const done = reached[key] ?? -1;
    const end = Math.ceil(Math.min(to, width + 2));
    if (end <= done) return;
    const start = Math.max(Math.floor(Math.max(from, -2)), done);
    ctx.fillStyle = ink.bars[color]!;
    ctx.fillRect(start, y, Math.max(1, end - start), h);
    reached[key] = end;
  };
  for (const bar of barsIn(row, window, cursor)) {
    const y = ys[bar.lane];
    if (y === undefined) continue;
    const waitEnd = bar.start ?? bar.end ?? cursor;
    const from = x(bar.waitFrom);
    if (waitEnd > bar.waitFrom) paint(bar.wait === 'queue' ? 0 : 1, bar.lane, from, Math.max(x(waitEnd), from + 1), y + 5, LANE_HEIGHT - 10);
    if (bar.start !== null) {
      const start = x(bar.start);
      const color = bar.live ? 2 : PAINT_OF[bar.outcome ?? 'done'];
      paint(color, bar.lane, start, Math.max(x(bar.end ?? cursor), start + 1.5), y + 2, LANE_HEIGHT - 4);
    }
    if (selection?.kind === 'invocation' && selection.id === bar.invocation) {
      ctx.strokeStyle = ink.text;
      ctx.lineWidth = 2;
      ctx.strokeRect(from - 1, y + 1, Math.max(3, x(bar.end ?? cursor) - from) + 2, LANE_HEIGHT - 2);
    }
  }
}

/** Markers are 7 px wide: one per lane, kind and type in every 3 px is all that can be seen. */
function drawMarkers(
  ctx: CanvasRenderingContext2D,
  row: TimelineRow,
  ys: number[],
  x: (time: number) => number,
  selection: Selection | null,
  window: TimeWindow,
): void {
  // The bucket last drawn per (type, kind, lane), in an array indexed by a small int: a Map keyed by
  // numbers past 2^30 boxed each key, and this loop runs over every marker of the window (150,000 in
  // a 100,000-event run) at each scrubber move. Markers of one type come in runs, so the type's
  // number is looked up only when it changes.
  const lanes = ys.length + 1;
  const last: number[] = [];
  const types = new Map<string | null, number>();
  let previousType: string | null | undefined;
  let type = 0;
  const fallback = ys[row.lanes[0] ?? 0];
  const selectedEvent = selection?.kind === 'event' ? selection.id : null;
  const markers = markersIn(row, window);
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i]!;
    const own = ys[marker.lane];
    const y = own ?? fallback;
    if (y === undefined) continue;
    if (marker.type !== previousType) {
      previousType = marker.type;
      const known = types.get(marker.type);
      type = known ?? types.size;
      if (known === undefined) types.set(marker.type, type);
    }
    const px = x(marker.time);
    const bucket = Math.round(px / 3);
    // Markers drawn in the fallback lane share its key, as they share its pixels.
    const key = (type * MARKER_KINDS + (KIND_INDEX[marker.kind] ?? 0)) * lanes + (own === undefined ? ys.length : marker.lane);
    const selected = selectedEvent !== null && marker.event === selectedEvent && marker.kind === 'emitted';
    if (last[key] === bucket && !selected) continue;
    last[key] = bucket;
    drawMarker(ctx, marker.kind, marker.kind === 'emitted' ? eventColor(marker.type ?? '') : marker.kind === 'run-end' ? ink.text : ink.markers[marker.kind]!, Math.round(px), y + LANE_HEIGHT / 2, selected);
  }
}

const KIND_INDEX: Partial<Record<MarkerKind, number>> = Object.fromEntries(['emitted', 'run-end', ...Object.keys(MARKER_TOKEN)].map((kind, i) => [kind, i]));
const MARKER_KINDS = Object.keys(KIND_INDEX).length;

function drawMarker(ctx: CanvasRenderingContext2D, kind: MarkerKind, color: string, x: number, y: number, selected: boolean): void {
  ctx.fillStyle = color;
  ctx.strokeStyle = ink.panel;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  if (kind === 'failed' || kind === 'retry' || kind === 'caught' || kind === 'cancelled' || kind === 'paused') {
    // Diamonds for what happened to an invocation; circles for events.
    ctx.moveTo(x, y - 5);
    ctx.lineTo(x + 5, y);
    ctx.lineTo(x, y + 5);
    ctx.lineTo(x - 5, y);
    ctx.closePath();
  } else if (kind === 'run-end') {
    ctx.rect(x - 1.5, y - 7, 3, 14);
  } else {
    ctx.arc(x, y, kind === 'collect' ? 2.5 : 3.5, 0, Math.PI * 2);
  }
  ctx.fill();
  ctx.stroke();
  if (selected) {
    ctx.strokeStyle = ink.text;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, 6.5, 0, Math.PI * 2);
    ctx.stroke();
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, window: TimeWindow, width: number, x: (time: number) => number): void {
  // About one tick per 100 px, on a 1-2-5 step of workflow time; labels carry as many decimals as the step needs.
  const raw = (window.to - window.from) / Math.max(1, width / 100);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const decimals = Math.max(0, Math.min(3, -Math.floor(Math.log10(step / 1000))));
  ctx.font = '10px ui-monospace, Menlo, Consolas, monospace';
  ctx.fillStyle = ink.muted;
  ctx.textBaseline = 'middle';
  for (let t = Math.ceil(window.from / step) * step; t <= window.to + step * 1e-6; t += step) {
    const px = x(t);
    ctx.fillRect(px, AXIS_HEIGHT - 5, 1, 4);
    ctx.fillText(`${(t / 1000).toFixed(decimals)}s`, px + 3, AXIS_HEIGHT / 2 - 1);
  }
}
