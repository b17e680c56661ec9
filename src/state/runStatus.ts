import type { RunStatus, TraceRecord } from '../engine/trace.ts';
import type { RunState } from './runStore.ts';

export type HeaderStatus = 'idle' | 'running' | RunStatus;

/**
 * The run's own status, whatever moment the scrubber shows: running while the engine works or while
 * a virtual-clock run is still being played for the first time (that playback is the run as the user
 * sees it, and Stop ends it there); afterwards the status it finished with, even when the cursor is
 * moved back to a moment where it was still running.
 */
export function runStatus(state: Pick<RunState, 'engine' | 'trace' | 'length' | 'playbackDone' | 'origin'>): HeaderStatus {
  if (state.engine === 'running') return 'running';
  if (state.length === 0) return 'idle';
  if (state.origin === 'live' && !state.playbackDone) return 'running';
  return finishedStatus(state.trace) ?? 'idle';
}

function finishedStatus(trace: readonly TraceRecord[]): RunStatus | null {
  for (let i = trace.length - 1; i >= 0; i--) {
    const record = trace[i]!;
    if (record.kind === 'run.finished') return record.status;
  }
  return null;
}
