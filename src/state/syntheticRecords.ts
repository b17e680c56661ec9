import type { ErrorInfo, RunFinishedRecord, RunStatus, TraceRecord } from '../engine/trace.ts';
import { pageWritten } from './pageNotes.ts';

/**
 * A `run.finished` written by the playground itself, for endings the engine could not record: the
 * code failed before a run began, or the runner had to be replaced. Appending it keeps "everything on
 * screen comes from the trace" true for those cases too.
 */
export function syntheticFinish(trace: readonly TraceRecord[], status: RunStatus, error: ErrorInfo): RunFinishedRecord {
  const last = trace[trace.length - 1];
  return pageWritten({
    v: 2, // the trace version this playground writes; state imports only types from the engine
    kind: 'run.finished',
    runId: last?.runId ?? 'local',
    seq: last ? last.seq + 1 : 0,
    t: last?.t ?? 0,
    status,
    error,
  });
}

/** The step that was running last in the trace, to say where a stuck runner was. */
export function lastRunningStep(trace: readonly TraceRecord[]): string | undefined {
  const ended = new Set<number>();
  for (let i = trace.length - 1; i >= 0; i--) {
    const r = trace[i]!;
    if (r.kind === 'step.finished' || r.kind === 'step.failed') ended.add(r.invocation);
    else if (r.kind === 'step.started' && !ended.has(r.invocation)) return r.step;
  }
  return undefined;
}
