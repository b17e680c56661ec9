import { countBelow } from './barIndex.ts';
import type { BarIndex } from './barIndex.ts';
import type { TimelineBar, TimelineBuilder, TimelineMarker, TimelineRow } from './timelineModel.ts';
import { markersIn } from './timelineWindow.ts';
import type { TimeWindow } from './timelineWindow.ts';
import { RUN_ROW } from './timelineModel.ts';

/** A point in a recorded run: `count` records shown, at `time` on the timeline's axis. */
export interface TimelineCursor {
  count: number;
  time: number;
}

export interface TimelineView {
  /** Steps in declaration order, then `RUN_ROW` last; rows with nothing to show are kept (stable layout). */
  rows: TimelineRowAt[];
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
 * A row as it stood at a cursor. Making one reads only what the cursor changes (a few binary searches
 * and the bars running at it); `bars`, every bar clipped to the cursor, is made when first asked for,
 * by a table or a hover, never by a scrubber move. Drawing asks for the parts separately: the bars
 * that ended before the cursor as they are (`ended`, a prefix of `index.ended`), the few running at
 * it (`running`) and the first still waiting of each kind (`firstWaiting`).
 */
export class TimelineRowAt implements TimelineRow {
  readonly id: string;
  readonly numWorkers: number;
  readonly lanes: number[];
  /** Markers before the cursor: the first `markerCount` of the source row's. */
  readonly markerCount: number;
  /** Bars opened before the cursor. */
  readonly shown: number;
  /** Bars ended before the cursor: the first `ended` of `index.ended`. */
  readonly ended: number;
  /** Started before the cursor and not ended, clipped to it (at most one per worker). */
  readonly running: TimelineBar[];
  /** The first bar of each kind of wait still waiting at the cursor, clipped to it. */
  readonly firstWaiting: TimelineBar[];
  /** Shown bars that waited (or still wait) for a worker or a retry, and bars running at the cursor. */
  readonly waited: number;
  /** Lane 0 holds what waits for a worker, unless a worker numbered 0 runs there. */
  readonly waitLane: boolean;
  /** The latest end (or start, or opening) among the shown bars. */
  readonly last: number;
  private all: TimelineBar[] | null = null;
  private marks: TimelineMarker[] | null = null;

  constructor(
    private readonly source: TimelineRow,
    readonly index: BarIndex,
    readonly cursor: TimelineCursor,
  ) {
    const { count, time } = cursor;
    this.id = source.id;
    this.numWorkers = source.numWorkers;
    this.markerCount = prefixBy(source.markers, count, (m) => m.index);
    this.shown = prefixBy(source.bars, count, (b) => b.openedAt);
    this.ended = countBelow(index.endedAt, count);
    const started = countBelow(index.startedAt, count);
    this.running = [];
    for (let i = index.running.first(started, count); i >= 0; i = index.running.next(i + 1, started, count)) this.running.push(clipBar(index.started[i]!, count, time));
    this.firstWaiting = [];
    for (const tree of [index.queueWait, index.retryWait]) {
      const i = tree.first(this.shown, count);
      if (i >= 0) this.firstWaiting.push(clipBar(source.bars[i]!, count, time));
    }
    this.waited = this.shown - index.instant[started]!;
    const waiting = this.firstWaiting.length > 0;
    this.lanes = waiting && !source.lanes.includes(0) ? [0, ...source.lanes] : source.lanes;
    this.waitLane = (waiting || index.unstartedEnd < count) && index.workerZeroStart >= count;
    let last = Math.max(index.endMax[this.ended]!, this.shown > 0 ? source.bars[this.shown - 1]!.waitFrom : -Infinity);
    for (const bar of this.running) last = Math.max(last, bar.end!);
    this.last = last;
  }

  /** The markers before the cursor, in record order (a copy of the source's, made when first asked for). */
  get markers(): TimelineMarker[] {
    const all = this.source.markers;
    this.marks ??= this.markerCount === all.length ? all : all.slice(0, this.markerCount);
    return this.marks;
  }

  /** The markers before the cursor inside `window`. */
  markersIn(window: TimeWindow): TimelineMarker[] {
    return markersIn(this.source.markers, window, this.markerCount);
  }

  /** Every bar opened before the cursor, in opening order, clipped to it. */
  get bars(): TimelineBar[] {
    if (this.all === null) {
      const { count, time } = this.cursor;
      this.all = new Array<TimelineBar>(this.shown);
      for (let i = 0; i < this.shown; i++) this.all[i] = clipBar(this.source.bars[i]!, count, time);
    }
    return this.all;
  }

  /** Where the bars that ended before the cursor start reaching `time`: the ones before it all ended earlier. */
  endedFrom(time: number): number {
    return Math.max(0, countBelow(this.index.endMax, time) - 1);
  }

  /** The bars of one invocation as they stood at the cursor (for drawing a selection). */
  barsOf(invocation: number): TimelineBar[] {
    const { count, time } = this.cursor;
    return (this.index.byInvocation.get(invocation) ?? []).filter((b) => b.openedAt < count).map((b) => clipBar(b, count, time));
  }
}

/**
 * The timeline as it stood at `cursor`: bars opened later are left out, bars still open at the
 * cursor are live (waiting or running up to `cursor.time`), markers are the prefix up to the cursor.
 * Bars and markers that ended before the cursor are the builder's own objects, shared, so a scrubber
 * move costs a few binary searches per row, never a pass over the bars or a rebuild.
 *
 * @example
 * const builder = new TimelineBuilder(); builder.extend(trace, schedule.times);
 * const view = timelineAt(builder, { count: 40, time: schedule.times[39] });
 */
export function timelineAt(builder: TimelineBuilder, cursor: TimelineCursor): TimelineView {
  const count = Math.max(0, Math.min(cursor.count, builder.length));
  const at = { count, time: cursor.time };
  const rows: TimelineRowAt[] = [];
  let last = 0;
  for (const row of builder.rows.values()) {
    if (row.id === RUN_ROW) continue;
    const clipped = new TimelineRowAt(row, builder.index(row), at);
    rows.push(clipped);
    last = Math.max(last, clipped.last);
  }
  const run = builder.rows.get(RUN_ROW)!;
  rows.push(new TimelineRowAt({ ...run, lanes: [0] }, builder.index(run), at));
  for (const row of rows) {
    const marker = builder.rows.get(row.id)!.markers[row.markerCount - 1];
    if (marker) last = Math.max(last, marker.time);
  }
  return { rows, start: 0, end: Math.max(last, count > 0 ? cursor.time : 0), recordedEnd: builder.end, cursor: at, source: builder };
}

/** A bar as it stood after `count` records, at `time`: itself if it had ended, else a live copy. */
export function clipBar(bar: TimelineBar, count: number, time: number): TimelineBar {
  if (bar.endedAt >= 0 && bar.endedAt < count) return bar;
  const started = bar.startedAt >= 0 && bar.startedAt < count;
  return {
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
