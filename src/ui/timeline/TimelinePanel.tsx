import { useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { RUN_ROW, formatDuration, formatMoment, formatWindow, hitTest, panWindow, zoomWindow } from '../../inspect/index.ts';
import type { TimeWindow, TimelineHit, TimelineView } from '../../inspect/index.ts';
import { selectItem } from '../../state/index.ts';
import type { Selection } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { drawTimeline } from './drawTimeline.ts';
import { useDocumentTheme } from '../theme/index.ts';
import { LANE_HEIGHT, laneAt, timelineGeometry } from './timelineGeometry.ts';
import { TimelineTable } from './TimelineTable.tsx';
import { useTimeline } from './useTimeline.ts';
import { useTimeWindow } from './useTimeWindow.ts';
import './timeline.css';

const LABEL_WIDTH = 118;

/**
 * The run over workflow time, on the clock's axis: a row per step, a lane per worker, bars for
 * invocations (waiting light, running solid) and markers for what happened. Hovering names what is
 * under the pointer with its start, end and duration; clicking selects it for the inspector;
 * Ctrl+wheel or the buttons zoom, dragging or Shift+wheel pans. A text view lists the same as a table.
 * Follows the same cursor as the graph.
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
  const [asText, setAsText] = useState(false);
  const time = useTimeWindow(geometry.span);
  const window = time.window;
  const drag = useRef<{ x: number; window: TimeWindow; moved: boolean } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(100, el.clientWidth - LABEL_WIDTH)));
    observer.observe(el);
    setWidth(Math.max(100, el.clientWidth - LABEL_WIDTH));
    return () => observer.disconnect();
  }, [asText]);

  useLayoutEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const ratio = globalThis.devicePixelRatio || 1;
    const w = Math.round(width * ratio);
    const h = Math.round(geometry.height * ratio);
    if (el.width !== w) el.width = w;
    if (el.height !== h) el.height = h;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawTimeline(ctx, view, geometry, width, selection, window);
  });

  // Ctrl+wheel zooms at the pointer and Shift+wheel (or a sideways wheel) pans; a plain wheel still
  // scrolls the lanes. Native listener: React's wheel handler is passive and cannot keep the page still.
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      const rect = el.getBoundingClientRect();
      const at = timeAt(event.clientX - rect.left, width, time.window);
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        time.set(zoomWindow(time.window, Math.exp(event.deltaY * 0.002), at, geometry.span));
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        const delta = (event.shiftKey ? event.deltaY : event.deltaX) * ((time.window.to - time.window.from) / (width - 8));
        time.set(panWindow(time.window, delta, geometry.span));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const hitAt = (clientX: number, clientY: number, target: HTMLCanvasElement): TimelineHit | null => {
    const rect = target.getBoundingClientRect();
    const lane = laneAt(geometry, clientY - rect.top);
    if (!lane) return null;
    const perPixel = (window.to - window.from) / (width - 8);
    return hitTest(view, lane, timeAt(clientX - rect.left, width, window), 5 * perPixel);
  };

  const counts = summary(view);
  const zoomed = window.from > 0 || window.to < geometry.span;
  const zoomBy = (factor: number) => time.set(zoomWindow(window, factor, (window.from + window.to) / 2, geometry.span));
  return (
    <section
      className="timeline"
      data-testid="timeline"
      aria-label="Timeline"
      data-cursor={view.cursor.count}
      data-window={`${Math.round(window.from)}-${Math.round(window.to)}`}
      data-span={Math.round(geometry.span)}
      {...counts}
    >
      <header className="timeline-head">
        {asText ? null : <Legend />}
        <span className="timeline-tools">
          {asText ? null : (
            <>
              <span className="timeline-range" data-testid="timeline-range">
                {formatWindow(window)}
              </span>
              <button type="button" className="timeline-tool" onClick={() => zoomBy(0.5)} aria-label="Zoom in" title="Zoom in (Ctrl+wheel, +)">+</button>
              <button type="button" className="timeline-tool" onClick={() => zoomBy(2)} disabled={!zoomed} aria-label="Zoom out" title="Zoom out (Ctrl+wheel, −)">−</button>
              <button type="button" className="timeline-tool" onClick={() => time.set(null)} disabled={!zoomed} title="Show the whole run (0)">Fit</button>
            </>
          )}
          <button type="button" className="timeline-tool" aria-pressed={asText} onClick={() => setAsText((v) => !v)} data-testid="timeline-as-text">
            {asText ? 'Chart' : 'Text'}
          </button>
        </span>
        <SelectedItem selection={selection} />
      </header>
      {asText ? (
        <TimelineTable view={view} />
      ) : (
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
                <span className="timeline-lane-name">{lane.label}</span>
              </div>
            ))}
          </div>
          <canvas
            ref={canvas}
            className={drag.current?.moved ? 'timeline-canvas is-panning' : 'timeline-canvas'}
            style={{ width, height: geometry.height, left: LABEL_WIDTH }}
            tabIndex={0}
            aria-label="Timeline chart: + and − zoom, arrow keys pan, 0 shows the whole run; the Text button lists it as a table"
            onKeyDown={(e) => {
              const step = (window.to - window.from) / 5;
              if (e.key === '+' || e.key === '=') zoomBy(0.5);
              else if (e.key === '-') zoomBy(2);
              else if (e.key === '0') time.set(null);
              else if (e.key === 'ArrowLeft') time.set(panWindow(window, -step, geometry.span));
              else if (e.key === 'ArrowRight') time.set(panWindow(window, step, geometry.span));
              else return;
              e.preventDefault();
            }}
            onMouseDown={(e) => {
              drag.current = { x: e.clientX, window, moved: false };
            }}
            onMouseMove={(e) => {
              const held = drag.current;
              if (held && e.buttons === 1) {
                if (Math.abs(e.clientX - held.x) > 3) held.moved = true;
                if (held.moved) {
                  const perPixel = (held.window.to - held.window.from) / (width - 8);
                  time.set(panWindow(held.window, (held.x - e.clientX) * perPixel, geometry.span));
                  setHover(null);
                  return;
                }
              }
              const hit = hitAt(e.clientX, e.clientY, e.currentTarget);
              const rect = e.currentTarget.getBoundingClientRect();
              setHover(hit ? { x: e.clientX - rect.left + LABEL_WIDTH, y: e.clientY - rect.top, text: describeHit(hit, view.cursor.time) } : null);
            }}
            onMouseLeave={() => setHover(null)}
            onClick={(e) => {
              const moved = drag.current?.moved;
              drag.current = null;
              if (moved) return;
              const hit = hitAt(e.clientX, e.clientY, e.currentTarget);
              const item = hit ? selectionOf(hit) : null;
              if (item) selectItem(ui, item, false);
            }}
          />
          {hover ? (
            <div className="timeline-tooltip" data-testid="timeline-tooltip" style={{ left: Math.min(hover.x + 12, LABEL_WIDTH + width - 260), top: hover.y + 14 }}>
              {hover.text.split('\n').map((line, i) => (
                <div key={i}>{line}</div>
              ))}
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}

/** The workflow time at a canvas x coordinate. */
function timeAt(px: number, width: number, window: TimeWindow): number {
  return window.from + ((px - 4) / (width - 8)) * (window.to - window.from);
}

/** What is under the pointer on the first line, and when on the second: start, end and duration in workflow time. */
function describeHit(hit: TimelineHit, cursor: number): string {
  if (hit.kind === 'marker') return `${hit.marker.label}\nat ${formatMoment(hit.marker.time)}`;
  const b = hit.bar;
  const where = b.worker === null ? '' : ` · worker ${b.worker}`;
  const title = `${b.step} #${b.invocation} · attempt ${b.attempt}${where}`;
  if (hit.part === 'waiting') {
    const until = b.start ?? b.end ?? cursor;
    const what = b.wait === 'queue' ? 'queued for a worker' : 'waiting to retry';
    const still = b.start === null && b.live ? ' (so far)' : '';
    return `${title} · ${what}\nfrom ${formatMoment(b.waitFrom)} to ${formatMoment(until)}${still} · ${formatDuration(until - b.waitFrom)}`;
  }
  const end = b.end ?? cursor;
  const what = b.live ? 'running' : (b.outcome ?? 'done');
  return `${title} · ${what}\nstart ${formatMoment(b.start!)} · end ${formatMoment(end)}${b.live ? ' (so far)' : ''} · ${formatDuration(end - b.start!)}`;
}

function selectionOf(hit: TimelineHit): Selection | null {
  if (hit.kind === 'bar') return { kind: 'invocation', id: hit.bar.invocation };
  const m = hit.marker;
  if (m.event !== null && (m.kind === 'emitted' || m.kind === 'dropped' || m.kind === 'unhandled' || m.kind === 'run-end')) return { kind: 'event', id: m.event };
  if (m.invocation !== null) return { kind: 'invocation', id: m.invocation };
  return m.event !== null ? { kind: 'event', id: m.event } : null;
}

/** Counts for tests and tools, on the panel's element: each row keeps them for its cursor. */
function summary(view: TimelineView): Record<string, number> {
  let bars = 0;
  let waited = 0;
  let running = 0;
  let markers = 0;
  for (const row of view.rows) {
    bars += row.shown;
    waited += row.waited;
    running += row.running.length;
    markers += row.markerCount;
  }
  return { 'data-bars': bars, 'data-waited': waited, 'data-running': running, 'data-markers': markers };
}

function SelectedItem({ selection }: { selection: Selection | null }) {
  const { ui } = usePlayground();
  if (!selection) return null;
  return (
    <span className="timeline-selected" data-testid="timeline-selected">
      {selection.kind === 'eventType' ? `every ${selection.type}` : `${selection.kind} #${selection.id}`}
      <button type="button" className="link-button" onClick={() => selectItem(ui, selection)}>
        Inspect
      </button>
    </span>
  );
}

function Legend() {
  return (
    <span className="timeline-legend" aria-hidden="true">
      <span><i style={{ background: 'var(--tl-queue)' }} /> waiting</span>
      <span><i style={{ background: 'var(--tl-running)' }} /> running</span>
      <span><i style={{ background: 'var(--tl-done)' }} /> done</span>
      <span><i style={{ background: 'var(--tl-failed)' }} /> failed</span>
      <span><i style={{ background: 'var(--tl-retried)' }} /> retried</span>
      <span><i style={{ background: 'var(--tl-cancelled)' }} /> cancelled</span>
    </span>
  );
}

