import type { RunPausedRecord, TraceRecord } from '../engine/trace.ts';

/**
 * Whether the engine is holding the run (step mode, a breakpoint, a pause), read from the whole trace
 * rather than the view's cursor: the controls act on the run as it is now, wherever the view stands.
 * Only the tail is read: the answer is the latest pause, resume or finish.
 *
 * @example
 * enginePause(trace)?.step // 'stepTwo' while a breakpoint holds it
 */
export function enginePause(trace: readonly TraceRecord[]): RunPausedRecord | null {
  for (let i = trace.length - 1; i >= 0; i--) {
    const r = trace[i]!;
    if (r.kind === 'run.paused') return r;
    if (r.kind === 'run.resumed' || r.kind === 'run.finished') return null;
  }
  return null;
}
