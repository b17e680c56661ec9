import type { TimelineBar, TimelineBuilder, TimelineMarker, TimelineRow } from './timelineModel.ts';
import { RUN_ROW } from './timelineModel.ts';

/** A point in a recorded run: `count` records shown, at `time` on the timeline's axis. */
export interface TimelineCursor {
  count: number;
  time: number;
}

export interface TimelineView {
  /** Steps in declaration order, then `RUN_ROW` last; rows with nothing to show are kept (stable layout). */
  rows: TimelineRow[];
  /** The axis: from the first record to the later of the cursor and the last record shown. */
  start: number;
  end: number;
  /** The whole recorded run's end, for a scrubber's length. */
  recordedEnd: number;
  cursor: TimelineCursor;
  /**
   * What the view was clipped from. Views of one source share the markers and bars before their
   * cursors, so a drawing of what one shows before a moment holds for any other that reaches it.
   */
  source: TimelineBuilder;
}

/**
 * The timeline as it stood at `cursor`: bars opened later are left out, bars still open at the
 * cursor are live (waiting or running up to `cursor.time`), markers are the prefix up to the cursor.
 * Bars and markers that ended before the cursor are the builder's own objects, shared, so a scrubber
 * move costs one pass over the bars shown and a binary search per row, never a rebuild.
 *
 * @example
 * const builder = new TimelineBuilder(); builder.extend(trace, schedule.times);
 * const view = timelineAt(builder, { count: 40, time: schedule.times[39] });
 */
export function timelineAt(builder: TimelineBuilder, cursor: TimelineCursor): TimelineView {
  const count = Math.max(0, Math.min(cursor.count, builder.length));
  const rows: TimelineRow[] = [];
  let last = 0;
  for (const row of builder.rows.values()) {
    if (row.id === RUN_ROW) continue;
    const clipped = clipRow(row, count, cursor.time);
    rows.push(clipped);
    for (const bar of clipped.bars) last = Math.max(last, bar.end ?? bar.start ?? bar.waitFrom);
  }
  const run = builder.rows.get(RUN_ROW)!;
  rows.push({ ...run, lanes: [0], markers: prefix(run.markers, count) });
  for (const row of rows) {
    const marker = row.markers[row.markers.length - 1];
    if (marker) last = Math.max(last, marker.time);
  }
  return { rows, start: 0, end: Math.max(last, count > 0 ? cursor.time : 0), recordedEnd: builder.end, cursor: { count, time: cursor.time }, source: builder };
}

function clipRow(row: TimelineRow, count: number, time: number): TimelineRow {
  const shown = prefixBy(row.bars, count, (b) => b.openedAt);
  const bars: TimelineBar[] = new Array<TimelineBar>(shown);
  let waiting = false;
  for (let i = 0; i < shown; i++) {
    const bar = row.bars[i]!;
    if (bar.endedAt >= 0 && bar.endedAt < count) {
      bars[i] = bar;
      continue;
    }
    const started = bar.startedAt >= 0 && bar.startedAt < count;
    if (!started) waiting = true;
    bars[i] = {
      ...bar,
      lane: started ? bar.lane : 0,
      worker: started ? bar.worker : null,
      start: started ? bar.start : null,
      end: started ? Math.max(time, bar.start ?? time) : null,
      outcome: null,
      error: null,
      live: true,
    };
  }
  const lanes = waiting && !row.lanes.includes(0) ? [0, ...row.lanes] : row.lanes;
  return { id: row.id, numWorkers: row.numWorkers, lanes, bars, markers: prefix(row.markers, count) };
}

function prefix(markers: TimelineMarker[], count: number): TimelineMarker[] {
  const n = prefixBy(markers, count, (m) => m.index);
  return n === markers.length ? markers : markers.slice(0, n);
}

/** How many leading items have `key(item) < count` (keys never decrease). */
function prefixBy<T>(items: readonly T[], count: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < count) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
