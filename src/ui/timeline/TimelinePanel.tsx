import { useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { RUN_ROW, hitTest } from '../../inspect/index.ts';
import type { TimelineHit, TimelineRow, TimelineView } from '../../inspect/index.ts';
import { selectItem } from '../../state/index.ts';
import type { Selection } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { drawTimeline } from './drawTimeline.ts';
import { useDocumentTheme } from '../theme/index.ts';
import { LANE_HEIGHT, laneAt, timelineGeometry } from './timelineGeometry.ts';
import { useTimeline } from './useTimeline.ts';

const LABEL_WIDTH = 118;

/**
 * The run over time: a row per step, a lane per worker, bars for invocations (waiting light, running
 * solid) and markers for what happened. Hovering names what is under the pointer; clicking selects it
 * for the inspector. Follows the same cursor as the graph.
 */
export function TimelinePanel() {
  const { ui } = usePlayground();
  const view = useTimeline();
  const selection = useStore(ui, (s) => s.selection);
  const geometry = timelineGeometry(view);
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  // The canvas is redrawn on every render; a theme change must cause one.
  useDocumentTheme();
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(100, el.clientWidth - LABEL_WIDTH)));
    observer.observe(el);
    setWidth(Math.max(100, el.clientWidth - LABEL_WIDTH));
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(width * ratio);
    const h = Math.round(geometry.height * ratio);
    if (el.width !== w) el.width = w;
    if (el.height !== h) el.height = h;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawTimeline(ctx, view, geometry, width, selection);
  });

  const hitAt = (event: React.MouseEvent<HTMLCanvasElement>): TimelineHit | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const lane = laneAt(geometry, event.clientY - rect.top);
    if (!lane) return null;
    const perPixel = geometry.span / (width - 8);
    return hitTest(view, lane, (px - 4) * perPixel, 5 * perPixel);
  };

  const counts = summary(view);
  const waitRows = new Set(view.rows.filter(isWaitLane).map((r) => r.id));
  return (
    <section className="timeline" data-testid="timeline" aria-label="Timeline" data-cursor={view.cursor.count} {...counts}>
      <header className="timeline-head">
        <Legend />
        <SelectedItem selection={selection} />
      </header>
      <div className="timeline-scroll" ref={box}>
        <div className="timeline-labels" style={{ width: LABEL_WIDTH, height: geometry.height }}>
          {geometry.lanes.map((lane) => (
            <div
              key={`${lane.row}|${lane.lane}`}
              className={lane.first ? 'timeline-label first' : 'timeline-label'}
              style={{ top: lane.y, height: LANE_HEIGHT }}
              data-row={lane.row}
              data-lane={lane.lane}
            >
              {lane.first ? <span className="timeline-row-name" title={lane.row}>{lane.row === RUN_ROW ? 'run' : lane.row}</span> : null}
              <span className="timeline-lane-name">{lane.row === RUN_ROW ? '' : lane.lane === 0 && waitRows.has(lane.row) ? 'wait' : `w${lane.lane}`}</span>
            </div>
          ))}
        </div>
        <canvas
          ref={canvas}
          className="timeline-canvas"
          style={{ width, height: geometry.height, left: LABEL_WIDTH }}
          onMouseMove={(e) => {
            const hit = hitAt(e);
            const rect = e.currentTarget.getBoundingClientRect();
            setHover(hit ? { x: e.clientX - rect.left + LABEL_WIDTH, y: e.clientY - rect.top, text: describeHit(hit) } : null);
          }}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => {
            const hit = hitAt(e);
            const item = hit ? selectionOf(hit) : null;
            if (item) selectItem(ui, item, false);
          }}
        />
        {hover ? (
          <div className="timeline-tooltip" data-testid="timeline-tooltip" style={{ left: Math.min(hover.x + 12, LABEL_WIDTH + width - 220), top: hover.y + 14 }}>
            {hover.text}
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** Lane 0 holds what waits for a worker, unless a worker numbered 0 runs there. */
function isWaitLane(row: TimelineRow): boolean {
  return row.bars.some((b) => b.lane === 0 && b.start === null) && !row.bars.some((b) => b.worker === 0 && b.start !== null);
}

function describeHit(hit: TimelineHit): string {
  if (hit.kind === 'marker') return hit.marker.label;
  const b = hit.bar;
  const what = hit.part === 'waiting' ? (b.wait === 'queue' ? 'queued for a worker' : 'waiting to retry') : b.live ? 'running' : (b.outcome ?? 'done');
  const where = b.worker === null ? '' : ` · worker ${b.worker}`;
  return `${b.step} #${b.invocation} · attempt ${b.attempt}${where} · ${what}`;
}

function selectionOf(hit: TimelineHit): Selection | null {
  if (hit.kind === 'bar') return { kind: 'invocation', id: hit.bar.invocation };
  const m = hit.marker;
  if (m.event !== null && (m.kind === 'emitted' || m.kind === 'dropped' || m.kind === 'unhandled' || m.kind === 'run-end')) return { kind: 'event', id: m.event };
  if (m.invocation !== null) return { kind: 'invocation', id: m.invocation };
  return m.event !== null ? { kind: 'event', id: m.event } : null;
}

/** Counts for tests and tools, on the panel's element. */
function summary(view: TimelineView): Record<string, number> {
  let bars = 0;
  let waited = 0;
  let running = 0;
  let markers = 0;
  for (const row of view.rows) {
    bars += row.bars.length;
    markers += row.markers.length;
    for (const b of row.bars) {
      if (b.start === null || b.start > b.waitFrom) waited++;
      if (b.live && b.start !== null) running++;
    }
  }
  return { 'data-bars': bars, 'data-waited': waited, 'data-running': running, 'data-markers': markers };
}

function SelectedItem({ selection }: { selection: Selection | null }) {
  const { ui } = usePlayground();
  if (!selection) return null;
  return (
    <span className="timeline-selected" data-testid="timeline-selected">
      {selection.kind} #{selection.id}
      <button type="button" className="link-button" onClick={() => selectItem(ui, selection)}>
        Inspect
      </button>
    </span>
  );
}

function Legend() {
  return (
    <span className="timeline-legend" aria-hidden="true">
      <span><i style={{ background: '#fcd34d' }} /> waiting</span>
      <span><i style={{ background: '#2563eb' }} /> running</span>
      <span><i style={{ background: '#16a34a' }} /> done</span>
      <span><i style={{ background: '#dc2626' }} /> failed</span>
      <span><i style={{ background: '#f97316' }} /> retried</span>
      <span><i style={{ background: '#94a3b8' }} /> cancelled</span>
    </span>
  );
}
