import { describe, expect, it } from 'vitest';
import type { TraceBody, TraceRecord } from '../engine/trace.ts';
import { PlaybackSchedule, ViewDeriver, createRunStore, createUiStore, deriveView, enginePause, selectItem, setPlaybackTime, setRecordCursor, setViewPaused } from './index.ts';

function traceOf(...bodies: [number, TraceBody][]): TraceRecord[] {
  return bodies.map(([t, body], seq) => ({ v: 2, runId: 'r1', seq, t, ...body }) as TraceRecord);
}

const step = (name: string) => ({ name, accepts: [], returns: [], numWorkers: 2, gather: false, fanOut: false });

/** The first four records share playback time 0. */
const trace = traceOf(
  [0, { kind: 'run.started', workflow: 'W', steps: [step('start')], clock: 'virtual', speed: 1, seed: 1, timeout: null }],
  [0, { kind: 'event.emitted', event: 0, type: 'StartEvent', payload: {}, via: 'input', invocation: null, step: null, target: null, parent: null, to: [{ step: 'start', invocation: 0 }] }],
  [0, { kind: 'state.changed', key: 'seen', value: true, step: null, invocation: null }],
  [0, { kind: 'log', level: 'log', text: 'hello', step: 'start', invocation: 0 }],
  [0, { kind: 'step.started', step: 'start', invocation: 0, worker: 0, events: [0], attempt: 1 }],
);

describe('a record cursor inside records that share one playback time', () => {
  it('shows exactly `count` records where the time alone would show the whole group', () => {
    const schedule = new PlaybackSchedule();
    schedule.extend(trace);
    expect(schedule.cursorAt(0)).toBe(4);
    expect(deriveView(null, trace, 0).cursor).toBe(4);
    expect(deriveView(null, trace, 0, 2).cursor).toBe(2);
    expect(deriveView(null, trace, 0, 2).events).toEqual({ StartEvent: 1 });
    expect(deriveView(null, trace, 0, 3).console.count).toBe(0);
  });

  it('never shows records the time has not reached, whatever the count', () => {
    expect(deriveView(null, trace, 0, 99).cursor).toBe(4);
    expect(deriveView(null, trace, 0, -3).cursor).toBe(0);
  });

  it('the cached deriver agrees with deriveView stepping back and forth', () => {
    const deriver = new ViewDeriver();
    for (const count of [4, 1, 3, 0, 2, 4]) {
      const a = deriver.derive(null, trace, 0, count);
      const b = deriveView(null, trace, 0, count);
      expect({ cursor: a.cursor, events: a.events, lines: a.console.count }).toEqual({ cursor: b.cursor, events: b.events, lines: b.console.count });
    }
  });
});

describe('playback state in the run store', () => {
  it('stepping by record holds the view; a time or play drops the record cursor', () => {
    const run = createRunStore();
    setRecordCursor(run, 2, 0);
    expect(run.getState()).toMatchObject({ cursor: 2, now: 0, viewPaused: true });
    setPlaybackTime(run, 500);
    expect(run.getState()).toMatchObject({ cursor: null, now: 500, viewPaused: true });
    setRecordCursor(run, 1, 0);
    setViewPaused(run, false);
    expect(run.getState()).toMatchObject({ cursor: null, viewPaused: false });
  });
});

describe('engine pause, read from the tail of the trace', () => {
  const paused = traceOf(
    [0, { kind: 'run.started', workflow: 'W', steps: [step('start')], clock: 'virtual', speed: 1, seed: 1, timeout: null }],
    [0, { kind: 'run.paused', reason: 'breakpoint', step: 'start', invocation: 0 }],
  );
  it('is the latest pause, until a resume or the run finishing', () => {
    expect(enginePause(paused)?.step).toBe('start');
    expect(enginePause([...paused, ...traceOf([0, { kind: 'run.resumed' }])])).toBeNull();
    expect(enginePause(trace)).toBeNull();
  });
});

describe('selection', () => {
  it('selecting brings the inspector forward unless asked not to', () => {
    const ui = createUiStore();
    selectItem(ui, { kind: 'event', id: 3 }, false);
    expect(ui.getState()).toMatchObject({ selection: { kind: 'event', id: 3 }, dock: 'console' });
    selectItem(ui, { kind: 'invocation', id: 1 });
    expect(ui.getState()).toMatchObject({ selection: { kind: 'invocation', id: 1 }, dock: 'inspector' });
  });
});

describe('a held view follows the scrubber at once', () => {
  it('publishes a record step without waiting for the next animation frame', async () => {
    const { createViewStore, startPlaybackLoop } = await import('./index.ts');
    const run = createRunStore();
    const view = createViewStore();
    run.setState({ trace, length: trace.length, engine: 'done' });
    const stop = startPlaybackLoop({ run, view, requestFrame: () => 0, cancelFrame: () => undefined });
    setRecordCursor(run, 2, 0);
    expect(view.getState().view.cursor).toBe(2);
    setPlaybackTime(run, 0);
    expect(view.getState().view.cursor).toBe(4);
    stop();
  });
});

describe('the code a trace was made from', () => {
  it('is kept with a run and with a loaded file, whatever the editor holds later', async () => {
    const { beginRun, loadRecordedRun } = await import('./runStore.ts');
    const run = createRunStore();
    beginRun(run, null, 0, 'class A {}');
    expect(run.getState()).toMatchObject({ code: 'class A {}', origin: 'live', engine: 'running' });
    loadRecordedRun(run, trace, null, 'class B {}');
    expect(run.getState()).toMatchObject({ code: 'class B {}', origin: 'file', engine: 'done', length: trace.length, now: 0 });
  });
});
