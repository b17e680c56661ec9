import type { TraceRecord } from '../engine/trace.ts';

/**
 * Where playback stands: `count` records shown, at presentation time `now` (ms at 1x, the axis of
 * `PlaybackSchedule`). Seeking by time gives `count = schedule.cursorAt(now)`; stepping by record may
 * show fewer records than that (several records often share one presentation time).
 */
export interface ReplayCursor {
  count: number;
  now: number;
}

/** What the cursor needs of the playback schedule; `PlaybackSchedule` from src/state fits as is. */
export interface ReplaySchedule {
  readonly times: readonly number[];
  readonly end: number;
  cursorAt(p: number): number;
}

/** The cursor that shows everything recorded at presentation time `now`. */
export function seekTime(schedule: ReplaySchedule, now: number): ReplayCursor {
  const p = Math.max(0, now);
  return { count: schedule.cursorAt(p), now: p };
}

/** Nothing shown yet. */
export function jumpToStart(): ReplayCursor {
  return { count: 0, now: 0 };
}

/** Every record shown; `linger` (e.g. one token hop) lets the last tokens arrive. */
export function jumpToEnd(schedule: ReplaySchedule, linger = 0): ReplayCursor {
  return { count: schedule.times.length, now: schedule.end + linger };
}

/** Shows exactly the first `count` records, at the time the last of them appears. */
export function seekCount(schedule: ReplaySchedule, count: number): ReplayCursor {
  const n = Math.max(0, Math.min(Math.floor(count), schedule.times.length));
  return { count: n, now: n === 0 ? 0 : schedule.times[n - 1]! };
}

/** One more record. */
export function stepForward(schedule: ReplaySchedule, cursor: ReplayCursor): ReplayCursor {
  return seekCount(schedule, cursor.count + 1);
}

/** One record fewer. */
export function stepBackward(schedule: ReplaySchedule, cursor: ReplayCursor): ReplayCursor {
  return seekCount(schedule, cursor.count - 1);
}

/**
 * The next / previous instant with something new: every record sharing a presentation time is shown
 * together, so the result is always `{ count: schedule.cursorAt(now), now }`, which the current
 * `deriveView(graph, trace, now)` reproduces without knowing about record counts.
 */
export function stepInstant(schedule: ReplaySchedule, cursor: ReplayCursor, direction: 1 | -1): ReplayCursor {
  const times = schedule.times;
  if (direction === 1) {
    if (cursor.count >= times.length) return jumpToEnd(schedule);
    return seekTime(schedule, times[cursor.count]!);
  }
  if (cursor.count <= 0) return jumpToStart();
  // The instant of the last record shown starts at index j; the previous instant ends at j - 1.
  const current = times[cursor.count - 1]!;
  let j = cursor.count - 1;
  while (j > 0 && times[j - 1]! >= current) j--;
  return j === 0 ? jumpToStart() : seekTime(schedule, times[j - 1]!);
}

/** The record with this seq shown last (seq grows along the trace; binary search). */
export function seekSeq(trace: readonly TraceRecord[], schedule: ReplaySchedule, seq: number): ReplayCursor {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (trace[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return seekCount(schedule, lo);
}

/** Everything up to workflow time `t` (ms) shown. */
export function seekWorkflowTime(trace: readonly TraceRecord[], schedule: ReplaySchedule, t: number): ReplayCursor {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (trace[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return seekCount(schedule, lo);
}

export interface PlayResult {
  cursor: ReplayCursor;
  /** Playback reached `limit`: the UI stops its timer (or, live, waits for more records). */
  atEnd: boolean;
}

/**
 * Advances playback by `elapsed` wall ms at `speed`, never past `limit` (default: the schedule's end;
 * a live run passes its own, as the playback loop does). Time-driven, so the count follows the time.
 *
 * @example
 * let c = jumpToStart(); c = play(schedule, c, 16, 2).cursor; // one frame at 2x
 */
export function play(schedule: ReplaySchedule, cursor: ReplayCursor, elapsed: number, speed: number, limit = schedule.end): PlayResult {
  const now = Math.min(cursor.now + Math.max(0, elapsed) * Math.max(0, speed), limit);
  const next = seekTime(schedule, Math.max(now, cursor.now));
  return { cursor: next, atEnd: next.now >= limit };
}

/** The cursor's workflow time (of the last record shown), for the inspector's `now`. */
export function workflowTimeOf(trace: readonly TraceRecord[], cursor: ReplayCursor): number {
  return cursor.count === 0 ? 0 : trace[cursor.count - 1]!.t;
}

/** The cursor's seq (of the last record shown; -1 when none), for `describe*(…, atSeq)` and `stateAt`. */
export function seqOf(trace: readonly TraceRecord[], cursor: ReplayCursor): number {
  return cursor.count === 0 ? -1 : trace[cursor.count - 1]!.seq;
}
