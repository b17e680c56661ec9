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
  for (const row of view.rows) {
    const ys = laneY.get(row.id) ?? [];
    drawBars(ctx, row, ys, x, view.cursor.time, selection, window, width);
    drawMarkers(ctx, row, ys, x, selection, window);
  }
  const cx = x(view.cursor.time);
  if (cx >= 0 && cx <= width) {
    ctx.fillStyle = ink.cursor;
    ctx.fillRect(cx - 1, 0, 2, height);
  }
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
  // Keyed by number, lane x kind x type: a string per marker was most of a scrubber move's time over
  // the 150,000 markers of a 100,000-event run.
  const last = new Map<number, number>();
  const types = new Map<string | null, number>();
  const fallback = ys[row.lanes[0] ?? 0];
  for (const marker of markersIn(row, window)) {
    const y = ys[marker.lane] ?? fallback;
    if (y === undefined) continue;
    const px = x(marker.time);
    const bucket = Math.round(px / 3);
    let type = types.get(marker.type);
    if (type === undefined) types.set(marker.type, (type = types.size));
    const key = (type * MARKER_KINDS + (KIND_INDEX[marker.kind] ?? 0)) * 2 ** 21 + marker.lane;
    const selected = selection?.kind === 'event' && marker.event === selection.id && marker.kind === 'emitted';
    if (last.get(key) === bucket && !selected) continue;
    last.set(key, bucket);
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
