import type { MarkerKind, TimelineView } from '../../inspect/index.ts';
import type { Selection } from '../../state/index.ts';
import { eventColor } from '../graph/index.ts';
import { AXIS_HEIGHT, LANE_HEIGHT } from './timelineGeometry.ts';
import type { TimelineGeometry } from './timelineGeometry.ts';

const OUTCOME_COLOR = { done: '#16a34a', failed: '#dc2626', retried: '#f97316', cancelled: '#94a3b8', live: '#2563eb' } as const;
const WAIT_COLOR = { queue: '#fcd34d', retry: '#fdba74' } as const;
const MARKER_COLOR: Record<Exclude<MarkerKind, 'emitted'>, string> = {
  failed: '#dc2626',
  retry: '#f97316',
  cancelled: '#64748b',
  collect: '#7c3aed',
  dropped: '#94a3b8',
  unhandled: '#94a3b8',
  paused: '#eab308',
  'run-end': '#0f172a',
};

/**
 * Draws the timeline on a canvas: one lane per worker (lane 0 holds what waits for a worker), a light
 * bar for waiting and a solid one for running, markers on top, and the cursor. Canvas rather than SVG
 * elements: a run of ten thousand invocations redraws in a few milliseconds on every scrubber move.
 */
export function drawTimeline(ctx: CanvasRenderingContext2D, view: TimelineView, geometry: TimelineGeometry, width: number, selection: Selection | null): void {
  const { lanes, height, span } = geometry;
  const x = (time: number) => (time / span) * (width - 8) + 4;
  ctx.clearRect(0, 0, width, height);
  const laneY = new Map<string, number>();
  for (const lane of lanes) {
    laneY.set(`${lane.row}|${lane.lane}`, lane.y);
    if (lane.first) {
      ctx.fillStyle = '#e2e8f0';
      ctx.fillRect(0, lane.y - 4, width, 1);
    }
  }
  drawAxis(ctx, span, width, x);
  for (const row of view.rows) {
    for (const bar of row.bars) {
      const y = laneY.get(`${row.id}|${bar.lane}`);
      if (y === undefined) continue;
      const waitEnd = bar.start ?? bar.end ?? view.cursor.time;
      if (waitEnd > bar.waitFrom) {
        ctx.fillStyle = WAIT_COLOR[bar.wait];
        ctx.fillRect(x(bar.waitFrom), y + 5, Math.max(1, x(waitEnd) - x(bar.waitFrom)), LANE_HEIGHT - 10);
      }
      if (bar.start !== null) {
        const end = bar.end ?? view.cursor.time;
        ctx.fillStyle = bar.live ? OUTCOME_COLOR.live : OUTCOME_COLOR[bar.outcome ?? 'done'];
        ctx.fillRect(x(bar.start), y + 2, Math.max(1.5, x(end) - x(bar.start)), LANE_HEIGHT - 4);
      }
      if (selection?.kind === 'invocation' && selection.id === bar.invocation) {
        ctx.strokeStyle = '#0f172a';
        ctx.lineWidth = 2;
        ctx.strokeRect(x(bar.waitFrom) - 1, y + 1, Math.max(3, x(bar.end ?? view.cursor.time) - x(bar.waitFrom)) + 2, LANE_HEIGHT - 2);
      }
    }
    // Markers closer than a pixel to the last one of their lane and kind would draw over it.
    let lastKey = '';
    for (const marker of row.markers) {
      const y = laneY.get(`${row.id}|${marker.lane}`) ?? laneY.get(`${row.id}|${row.lanes[0] ?? 0}`);
      if (y === undefined) continue;
      const px = Math.round(x(marker.time));
      const key = `${marker.lane}|${marker.kind}|${marker.type}|${px}`;
      const selected = selection?.kind === 'event' && marker.event === selection.id && marker.kind === 'emitted';
      if (key === lastKey && !selected) continue;
      lastKey = key;
      drawMarker(ctx, marker.kind, marker.kind === 'emitted' ? eventColor(marker.type ?? '') : MARKER_COLOR[marker.kind], px, y + LANE_HEIGHT / 2, selected);
    }
  }
  const cx = x(view.cursor.time);
  ctx.fillStyle = '#2563eb';
  ctx.fillRect(cx - 1, 0, 2, height);
}

function drawMarker(ctx: CanvasRenderingContext2D, kind: MarkerKind, color: string, x: number, y: number, selected: boolean): void {
  ctx.fillStyle = color;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  if (kind === 'failed' || kind === 'retry' || kind === 'cancelled' || kind === 'paused') {
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
    ctx.strokeStyle = '#0f172a';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, 6.5, 0, Math.PI * 2);
    ctx.stroke();
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, span: number, width: number, x: (time: number) => number): void {
  // About one tick per 100 px, on a 1-2-5 step of playback seconds.
  const raw = span / Math.max(1, width / 100);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  ctx.font = '10px ui-monospace, Menlo, Consolas, monospace';
  ctx.fillStyle = '#94a3b8';
  ctx.textBaseline = 'middle';
  for (let t = 0; t <= span; t += step) {
    const px = x(t);
    ctx.fillRect(px, AXIS_HEIGHT - 5, 1, 4);
    ctx.fillText(`${(t / 1000).toFixed(step < 1000 ? 1 : 0)}s`, px + 3, AXIS_HEIGHT / 2 - 1);
  }
}
