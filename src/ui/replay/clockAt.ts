import type { TraceRecord } from '../../engine/trace.ts';

/**
 * Workflow time at playback time `now`: the time of the last record shown, moving on between records
 * as the playback does (the schedule keeps workflow-time gaps), so the clock runs through a sleep
 * instead of jumping at its end. Never past the next record's time.
 */
export function clockAt(trace: readonly TraceRecord[], times: readonly number[], shown: number, now: number, t: number): number {
  const next = trace[shown];
  const shownAt = times[shown - 1];
  if (!next || shownAt === undefined || !Number.isFinite(now)) return t;
  return Math.min(Math.max(t, next.t), t + Math.max(0, now - shownAt));
}
