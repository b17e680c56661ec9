import type { RunPausedRecord, TraceRecord } from '../engine/trace.ts';

/** How far the trace has been read, and the pause in force at that point. */
interface Scan {
  scanned: number;
  latest: RunPausedRecord | null;
}

const SCANS = new WeakMap<readonly TraceRecord[], Scan>();

/**
 * Whether the engine is holding the run (step mode, a breakpoint, a pause), read from the whole trace
 * rather than the view's cursor: the controls act on the run as it is now, wherever the view stands.
 * The answer is the latest pause, resume or finish. It is asked on every appended batch, and the trace
 * is append-only, so each record is read once per trace (reading back from the end until a pause made
 * a long run without pauses quadratic and starved the page's frames).
 *
 * @example
 * enginePause(trace)?.step // 'stepTwo' while a breakpoint holds it
 */
export function enginePause(trace: readonly TraceRecord[]): RunPausedRecord | null {
  let scan = SCANS.get(trace);
  if (!scan || scan.scanned > trace.length) {
    scan = { scanned: 0, latest: null };
    SCANS.set(trace, scan);
  }
  for (let i = scan.scanned; i < trace.length; i++) {
    const r = trace[i]!;
    if (r.kind === 'run.paused') scan.latest = r;
    else if (r.kind === 'run.resumed' || r.kind === 'run.finished') scan.latest = null;
  }
  scan.scanned = trace.length;
  return scan.latest;
}
