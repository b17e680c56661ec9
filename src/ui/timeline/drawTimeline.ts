import { markerRange } from '../../inspect/index.ts';
import type { MarkerKind, TimeWindow, TimelineBar, TimelineBuilder, TimelineMarker, TimelineRowAt, TimelineView } from '../../inspect/index.ts';
import type { Selection } from '../../state/index.ts';
import { eventColor } from '../graph/index.ts';
import { endedBarRects } from './endedBarRects.ts';
import { freshMarkers } from './freshMarkers.ts';
import { LaneRects } from './laneRects.ts';
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
/** The theme the kept colours were read for: the theme's colours change only with it (data-theme). */
let inkTheme: string | null = null;
function readInk(canvas: HTMLCanvasElement): Ink {
  // Reading the properties makes the browser compute the page's style there and then, in the middle
  // of a scrubber move (2 to 3 ms a move on a big run's page); the colours are the theme's, kept.
  const theme = canvas.ownerDocument?.documentElement?.dataset.theme ?? null;
  if (theme !== null && theme === inkTheme) return ink;
  const style = getComputedStyle(canvas);
  const token = (name: string) => style.getPropertyValue(name).trim();
  const markers: Record<string, string> = {};
  for (const [kind, name] of Object.entries(MARKER_TOKEN)) markers[kind] = token(name);
  const read = {
    line: token('--border'),
    text: token('--text'),
    panel: token('--panel'),
    muted: token('--muted'),
    cursor: token('--accent'),
    bars: BAR_TOKENS.map(token),
    markers,
  };
  // Colours not there yet (a style sheet still loading) are read again next time.
  inkTheme = read.text !== '' && read.panel !== '' ? theme : null;
  return read;
}

/**
 * Every marker of the run, kept on a canvas of its own: at a scrubber move the timeline copies the
 * part of it left of the cursor and draws afresh only the markers of the last few pixels. The views of
 * one source show the same markers before their cursors (records are in time order), so one drawing
 * of all the source's markers holds for every cursor up to its end; a run that has grown far past it
 * has it drawn again. A few layers are kept, one per drawing of the lanes: the waiting lane comes and
 * goes as the cursor moves, and a layer drawn again at each such move cost more than a move's budget.
 */
interface MarkerLayer {
  canvas: HTMLCanvasElement;
  /** What it was drawn for: window, size, selection, colours, lanes and source; anything else redraws it. */
  key: string;
  source: TimelineBuilder;
  /** The time of the source's last record when it was drawn. */
  time: number;
}

const layers = new WeakMap<HTMLCanvasElement, MarkerLayer[]>();
/** Layers kept per timeline canvas (each the canvas's size). */
const KEPT_LAYERS = 3;
/** Pixels left of the cursor drawn afresh: a marker there may be cut by the copy's edge (they are 7 px wide). */
const FRESH_PX = 8;
/** A cursor this far right of the layer's end (a run growing) has the layer drawn again rather than many markers afresh. */
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
  // The layer holds every marker of the source; what is drawn afresh, the view's (those before its
  // cursor). Only the markers that can be drawn are read (see freshMarkers), but for a selected
  // event's, which is drawn whatever its bucket: then the slice is read as it is.
  const drawAll = (target: CanvasRenderingContext2D, within: TimeWindow, whole: boolean) => {
    for (const row of view.rows) {
      const markers = view.source.rows.get(row.id)?.markers ?? [];
      const [first, last] = markerRange(markers, within, whole ? markers.length : row.markerCount);
      const ys = laneY.get(row.id) ?? [];
      const drawn = selection?.kind === 'event' ? markers.slice(first, last) : freshMarkers(markers, first, last, (marker) => Math.round(x(marker.time) / BUCKET_PX));
      drawMarkers(target, drawn, ys[row.lanes[0] ?? 0], ys, x, selection);
    }
  };
  const cursorX = x(view.cursor.time);
  const key = layerKey(ctx.canvas, geometry, width, selection, window);
  const layer = markerLayer(ctx, key, view.source, (kept) => cursorX - x(kept.time), (target) => drawAll(target, window, true));
  if (layer === null) drawAll(ctx, window, false);
  else {
    // The layer up to a few pixels before the cursor (or before its end, if that is earlier), then
    // the markers from there on, drawn afresh from this view.
    const edge = Math.max(0, Math.min(cursorX, x(layer.time), width) - FRESH_PX);
    const ratio = ctx.canvas.width / width;
    if (edge >= 1) ctx.drawImage(layer.canvas, 0, 0, Math.round(edge * ratio), ctx.canvas.height, 0, 0, Math.round(edge * ratio) / ratio, ctx.canvas.height / ratio);
    const from = window.from + (edge - FRESH_PX - 4) / scale;
    drawAll(ctx, { from: Math.max(window.from, from), to: window.to }, false);
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
 * The marker layer for this draw: a kept one when it still fits (same key and source, the cursor not
 * far past its end), else one drawn again by `drawAll`; null where there is no second canvas to draw on.
 */
function markerLayer(ctx: CanvasRenderingContext2D, key: string, source: TimelineBuilder, aheadPx: (layer: MarkerLayer) => number, drawAll: (target: CanvasRenderingContext2D) => void): MarkerLayer | null {
  const canvas = ctx.canvas;
  const kept = layers.get(canvas) ?? [];
  const fits = kept.findIndex((l) => l.key === key && l.source === source && aheadPx(l) < REDRAW_PX);
  if (fits >= 0) {
    const layer = kept[fits]!;
    kept.splice(fits, 1);
    kept.unshift(layer);
    return layer;
  }
  // The least recently used canvas is drawn over, unless fewer than KEPT_LAYERS are kept.
  const own = kept.length >= KEPT_LAYERS ? kept.pop()!.canvas : typeof document === 'undefined' ? null : document.createElement('canvas');
  const target = own?.getContext('2d') ?? null;
  if (own === null || target === null) return null;
  own.width = canvas.width;
  own.height = canvas.height;
  target.setTransform(ctx.getTransform());
  target.clearRect(0, 0, own.width, own.height);
  drawAll(target);
  const layer = { canvas: own, key, source, time: source.end };
  kept.unshift(layer);
  layers.set(canvas, kept);
  return layer;
}

/**
 * Thousands of bars share a few hundred pixels: a row's bars are gathered as rectangles per lane and
 * colour, each merged with the one before it when they touch, and painted at the end, running parts
 * first and waiting parts over them, one fill colour at a time. Only what the cursor shows is read:
 * the bars that ended before it (skipping those that ended before the window; merged on from a kept
 * state, see endedBarRects), the few running at it, and the first of each kind still waiting, which
 * covers the others: they all wait in lane 0 up to the cursor.
 */
function drawBars(
  ctx: CanvasRenderingContext2D,
  row: TimelineRowAt,
  ys: number[],
  x: (time: number) => number,
  cursor: number,
  selection: Selection | null,
  window: TimeWindow,
  width: number,
): void {
  // Bars of lanes not shown are merged all the same (in rectangles of their own lane) and left out when painting.
  const add = (rects: LaneRects, bar: TimelineBar) => {
    if (bar.waitFrom > window.to || (bar.end ?? cursor) < window.from) return;
    const waitEnd = bar.start ?? bar.end ?? cursor;
    const from = x(bar.waitFrom);
    if (waitEnd > bar.waitFrom) rects.add(bar.wait === 'queue' ? 0 : 1, bar.lane, from, Math.max(x(waitEnd), from + 1));
    if (bar.start !== null) {
      const start = x(bar.start);
      rects.add(bar.live ? 2 : PAINT_OF[bar.outcome ?? 'done'], bar.lane, start, Math.max(x(bar.end ?? cursor), start + 1.5));
    }
  };
  // The bars that ended are final and placed by the window and the size alone: their rectangles are
  // merged on from a kept state; the running and waiting ones, on a copy, afresh.
  const key = `${window.from}|${window.to}|${width}`;
  const rects = endedBarRects(row.index, key, row.endedFrom(window.from), row.ended, () => new LaneRects(ink.bars.length, width), add);
  for (const bar of row.running) add(rects, bar);
  for (const bar of row.firstWaiting) add(rects, bar);
  rects.paint(ctx, ink.bars, ys);
  if (selection?.kind === 'invocation') {
    for (const bar of row.barsOf(selection.id)) {
      const y = ys[bar.lane];
      if (y === undefined) continue;
      const from = x(bar.waitFrom);
      ctx.strokeStyle = ink.text;
      ctx.lineWidth = 2;
      ctx.strokeRect(from - 1, y + 1, Math.max(3, x(bar.end ?? cursor) - from) + 2, LANE_HEIGHT - 2);
    }
  }
}

/** Markers are 7 px wide: one per lane, kind and type in every 3 px is all that can be seen (exported for its tests). */
export function drawMarkers(
  ctx: CanvasRenderingContext2D,
  markers: TimelineMarker[],
  fallback: number | undefined,
  ys: number[],
  x: (time: number) => number,
  selection: Selection | null,
): void {
  // The bucket last drawn per (type, kind, lane), in an array indexed by a small int: a Map keyed by
  // numbers past 2^30 boxed each key. The timeline gives it only the markers that can be drawn
  // (freshMarkers), or a selected event's slice whole; which of those are drawn is decided here.
  // Markers of one type come in runs, so the type's number is looked up only when it changes.
  const lanes = ys.length + 1;
  const last: number[] = [];
  const types = new Map<string | null, number>();
  let previousType: string | null | undefined;
  let type = 0;
  const selectedEvent = selection?.kind === 'event' ? selection.id : null;
  // The scale TimelinePanel draws at (its canvases are sized by it).
  const ratio = globalThis.devicePixelRatio || 1;
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
    const bucket = Math.round(px / BUCKET_PX);
    // Markers drawn in the fallback lane share its key, as they share its pixels.
    const key = (type * MARKER_KINDS + (KIND_INDEX[marker.kind] ?? 0)) * lanes + (own === undefined ? ys.length : marker.lane);
    const selected = selectedEvent !== null && marker.event === selectedEvent && marker.kind === 'emitted';
    if (last[key] === bucket && !selected) continue;
    last[key] = bucket;
    drawMarker(ctx, marker.kind, marker.kind === 'emitted' ? eventColor(marker.type ?? '') : marker.kind === 'run-end' ? ink.text : ink.markers[marker.kind]!, Math.round(px), y + LANE_HEIGHT / 2, selected, ratio);
  }
}

/** Markers drawn per kind, lane and type in a bucket of this many pixels: one. */
const BUCKET_PX = 3;

const KIND_INDEX: Partial<Record<MarkerKind, number>> = Object.fromEntries(['emitted', 'run-end', ...Object.keys(MARKER_TOKEN)].map((kind, i) => [kind, i]));
const MARKER_KINDS = Object.keys(KIND_INDEX).length;

/**
 * A marker is drawn by copying its picture, made once per kind, colour and scale: a path filled and
 * stroked per marker cost the browser several times more to draw, and a big run's timeline draws
 * thousands of them when its lanes change. Markers sit at whole pixels, so the copy is the path's own
 * drawing. A selected marker, and any beyond the kept pictures, are drawn as paths.
 */
function drawMarker(ctx: CanvasRenderingContext2D, kind: MarkerKind, color: string, x: number, y: number, selected: boolean, ratio: number): void {
  const picture = selected ? null : markerPicture(kind, color, ratio);
  if (picture !== null) {
    ctx.drawImage(picture, x - PICTURE_PX / 2, y - PICTURE_PX / 2, PICTURE_PX, PICTURE_PX);
    return;
  }
  markerPath(ctx, kind, color, x, y, selected);
}

/** A marker's picture is this many (CSS) pixels square, the marker at its centre. */
const PICTURE_PX = 16;
/** Pictures kept: a few per kind, and one per event type (a colour each), up to this many. */
const KEPT_PICTURES = 256;
const pictures = new Map<string, HTMLCanvasElement | null>();

function markerPicture(kind: MarkerKind, color: string, ratio: number): HTMLCanvasElement | null {
  const key = `${kind}|${color}|${ink.panel}|${ratio}`;
  const kept = pictures.get(key);
  if (kept !== undefined) return kept;
  if (pictures.size >= KEPT_PICTURES || typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.ceil(PICTURE_PX * ratio);
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    markerPath(ctx, kind, color, PICTURE_PX / 2, PICTURE_PX / 2, false);
  }
  pictures.set(key, ctx ? canvas : null);
  return ctx ? canvas : null;
}

function markerPath(ctx: CanvasRenderingContext2D, kind: MarkerKind, color: string, x: number, y: number, selected: boolean): void {
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

export function drawAxis(ctx: CanvasRenderingContext2D, window: TimeWindow, width: number, x: (time: number) => number): void {
  // About one tick per 100 px, on a 1-2-5 step of workflow time; labels carry as many decimals as the
  // step needs, down to the microsecond a trace's times keep (with three, a run whose events all fall
  // within a millisecond was labelled "0.000s 0.000s 0.001s"). No step is finer than a microsecond.
  const raw = Math.max(0.001, (window.to - window.from) / Math.max(1, width / 100));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step / 1000))));
  ctx.font = '10px ui-monospace, Menlo, Consolas, monospace';
  ctx.fillStyle = ink.muted;
  ctx.textBaseline = 'middle';
  for (let t = Math.ceil(window.from / step) * step; t <= window.to + step * 1e-6; t += step) {
    const px = x(t);
    ctx.fillRect(px, AXIS_HEIGHT - 5, 1, 4);
    ctx.fillText(`${(t / 1000).toFixed(decimals)}s`, px + 3, AXIS_HEIGHT / 2 - 1);
  }
}
