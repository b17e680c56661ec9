import { describe, expect, it } from 'vitest';
import type { TraceBody, TraceRecord } from '../engine/trace.ts';
import { createRunStore, deriveView, runStatus, setRecordCursor } from './index.ts';
import { beginRun, appendTrace, endRun, loadRecordedRun, markPlaybackDone, stopPlaybackAt } from './runStore.ts';
import { syntheticFinish } from './syntheticRecords.ts';

function traceOf(...bodies: [number, TraceBody][]): TraceRecord[] {
  return bodies.map(([t, body], seq) => ({ v: 2, runId: 'r1', seq, t, ...body }) as TraceRecord);
}
const step = (name: string) => ({ name, accepts: [], returns: [], numWorkers: 1, gather: false, fanOut: false });

/** A run whose one step sleeps for 2 s and then stops the workflow. */
const finished = traceOf(
  [0, { kind: 'run.started', workflow: 'W', steps: [step('start')], clock: 'virtual', speed: 1, seed: 1, timeout: null }],
  [0, { kind: 'event.emitted', event: 0, type: 'StartEvent', payload: {}, via: 'input', invocation: null, step: null, target: null, parent: null, to: [{ step: 'start', invocation: 0 }] }],
  [0, { kind: 'step.started', step: 'start', invocation: 0, worker: 0, events: [0], attempt: 1 }],
  [2000, { kind: 'event.emitted', event: 1, type: 'StopEvent', payload: { result: 'ok' }, via: 'return', invocation: 0, step: 'start', target: null, parent: 0, to: [] }],
  [2000, { kind: 'step.finished', step: 'start', invocation: 0, worker: 0, outputs: [1], status: 'done' }],
  [2000, { kind: 'run.finished', status: 'stopped', result: 'ok' }],
);

function playedRun() {
  const run = createRunStore();
  const trace = beginRun(run, null, 0, 'code');
  appendTrace(run, trace, finished, 0);
  return { run, trace };
}

describe('the run status is the run\'s, not the scrubbed moment\'s', () => {
  it('running while the engine works and while a virtual-clock run is first played; then how it ended', () => {
    const { run, trace } = playedRun();
    expect(runStatus(run.getState())).toBe('running');
    endRun(run, trace);
    expect(runStatus(run.getState())).toBe('running');
    markPlaybackDone(run);
    expect(runStatus(run.getState())).toBe('stopped');
    // Scrubbing back to a moment where the step was still running changes the moment, not the status.
    setRecordCursor(run, 3, 0);
    expect(deriveView(null, run.getState().trace, 0, 3).status).toBe('running');
    expect(runStatus(run.getState())).toBe('stopped');
  });

  it('a saved run replayed from a file shows how it ended from the start', () => {
    const run = createRunStore();
    loadRecordedRun(run, [...finished], null, 'code');
    expect(runStatus(run.getState())).toBe('stopped');
  });
});

describe('Stop during the playback of a virtual-clock run', () => {
  const ending = (kept: TraceRecord[]) => syntheticFinish(kept, 'cancelled', { name: 'Stopped', message: 'Stopped here.' });

  it('ends the run where the playback is: later records dropped, the running step cancelled', () => {
    const { run, trace } = playedRun();
    endRun(run, trace);
    stopPlaybackAt(run, 3, ending);
    const state = run.getState();
    expect(state.trace.map((r) => r.kind)).toEqual(['run.started', 'event.emitted', 'step.started', 'run.finished']);
    expect(runStatus(state)).toBe('cancelled');
    const view = deriveView(null, state.trace, Number.POSITIVE_INFINITY);
    expect(view.status).toBe('cancelled');
    expect(view.events).toEqual({ StartEvent: 1 });
  });

  it('at the end of the playback it changes nothing but the status', () => {
    const { run, trace } = playedRun();
    endRun(run, trace);
    stopPlaybackAt(run, finished.length, ending);
    expect(run.getState().trace).toHaveLength(finished.length);
    expect(runStatus(run.getState())).toBe('stopped');
  });

  it('once the run has been played to its end, Stop has nothing to stop', () => {
    const { run, trace } = playedRun();
    endRun(run, trace);
    markPlaybackDone(run);
    stopPlaybackAt(run, 2, ending);
    expect(run.getState().trace).toHaveLength(finished.length);
  });
});
