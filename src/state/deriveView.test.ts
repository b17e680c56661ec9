import { describe, expect, it } from 'vitest';
import type { GraphModel } from '../compiler/model.ts';
import type { TraceBody, TraceRecord } from '../engine/trace.ts';
import { DEFAULT_TIMING, PlaybackSchedule, ViewDeriver, deriveView } from './index.ts';
import type { RunView } from './index.ts';

/** Writes records with their envelope, the way the engine does. */
function traceOf(...bodies: [number, TraceBody][]): TraceRecord[] {
  return bodies.map(([t, body], seq) => ({ v: 2, runId: 'r1', seq, t, ...body }) as TraceRecord);
}

function graphOf(steps: string[], events: string[], edges: [string, string][]): GraphModel {
  const range = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return {
    nodes: [
      ...steps.map((name) => ({
        id: `step:${name}`, kind: 'step' as const, label: name, workflow: 'W',
        step: { name, numWorkers: 4, gather: false, fanOut: false, collects: [], range },
      })),
      ...events.map((type) => ({
        id: `event:${type}`, kind: 'event' as const, label: type, workflow: 'W',
        event: { type, role: 'event' as const, range: null },
      })),
    ],
    edges: edges.map(([source, target]) => ({ id: `${source}->${target}`, source, target, kind: 'accepts' as const, dashed: false })),
  };
}

const parallelGraph = graphOf(['start', 'stepTwo'], ['StartEvent', 'StepTwoEvent', 'StopEvent'], [
  ['event:StartEvent', 'step:start'],
  ['step:start', 'event:StepTwoEvent'],
  ['event:StepTwoEvent', 'step:stepTwo'],
  ['step:stepTwo', 'event:StopEvent'],
]);

const stepInfo = (name: string, numWorkers: number) => ({ name, accepts: [], returns: [], numWorkers, gather: false, fanOut: false });

/** The tutorial's parallel flow: three queries at once, the first to finish (after 1 s) stops the run. */
const parallelTrace = traceOf(
  [0, { kind: 'run.started', workflow: 'W', steps: [stepInfo('start', 4), stepInfo('stepTwo', 4)], clock: 'virtual', speed: 1, seed: 1, timeout: 10 }],
  [0, { kind: 'event.emitted', event: 0, type: 'StartEvent', payload: {}, via: 'input', invocation: null, step: null, target: null, parent: null, to: [{ step: 'start', invocation: 0 }] }],
  [0, { kind: 'step.started', step: 'start', invocation: 0, worker: 0, events: [0], attempt: 1 }],
  // The engine's order: each send is recorded with its delivery, the receivers start afterwards.
  ...[1, 2, 3].map((e): [number, TraceBody] => [
    0,
    { kind: 'event.emitted', event: e, type: 'StepTwoEvent', payload: { query: `Query ${e}` }, via: 'send', invocation: 0, step: 'start', target: null, parent: 0, to: [{ step: 'stepTwo', invocation: e }] },
  ]),
  ...[1, 2, 3].map((e): [number, TraceBody] => [0, { kind: 'step.started', step: 'stepTwo', invocation: e, worker: e - 1, events: [e], attempt: 1 }]),
  [0, { kind: 'step.finished', step: 'start', invocation: 0, worker: 0, outputs: [], status: 'done' }],
  [0, { kind: 'log', level: 'log', text: 'Running slow query Query 1', step: 'stepTwo', invocation: 1 }],
  [1000, { kind: 'event.emitted', event: 4, type: 'StopEvent', payload: { result: 'Query 2' }, via: 'return', invocation: 2, step: 'stepTwo', target: null, parent: 2, to: [] }],
  [1000, { kind: 'step.finished', step: 'stepTwo', invocation: 2, worker: 1, outputs: [4], status: 'done' }],
  [1000, { kind: 'run.finished', status: 'stopped', result: 'Query 2', event: 4 }],
  [1000, { kind: 'step.finished', step: 'stepTwo', invocation: 1, worker: 0, outputs: [], status: 'cancelled' }],
  [1000, { kind: 'step.finished', step: 'stepTwo', invocation: 3, worker: 2, outputs: [], status: 'cancelled' }],
);

/** Samples the view every 20 ms of playback and keeps the moments where `pick` changes. */
function film<T>(graph: GraphModel, trace: TraceRecord[], pick: (view: RunView) => T): T[] {
  const schedule = new PlaybackSchedule();
  schedule.extend(trace);
  const frames: T[] = [];
  for (let now = 0; now <= schedule.end + DEFAULT_TIMING.hop; now += 20) {
    const value = pick(deriveView(graph, trace, now));
    if (frames.length === 0 || JSON.stringify(frames[frames.length - 1]) !== JSON.stringify(value)) frames.push(value);
  }
  return frames;
}

describe('deriveView', () => {
  it('shows nothing before a run', () => {
    const view = deriveView(parallelGraph, [], 0);
    expect(view.status).toBe('idle');
    expect(view.steps).toEqual({});
    expect(view.tokens).toEqual({});
  });

  it('sends three tokens out of start, one after another', () => {
    const counts = film(parallelGraph, parallelTrace, (v) => v.tokens['step:start->event:StepTwoEvent']?.length ?? 0);
    expect(Math.max(...counts)).toBe(3);
    expect(counts).toEqual([0, 1, 2, 3, 2, 1, 0]);
  });

  it('carries the three events on to stepTwo side by side', () => {
    const counts = film(parallelGraph, parallelTrace, (v) => v.tokens['event:StepTwoEvent->step:stepTwo']?.length ?? 0);
    expect(Math.max(...counts)).toBe(3);
  });

  it('keeps a burst of sends together when each one is queued at once (all workers busy)', () => {
    const bodies: [number, TraceBody][] = [
      [0, { kind: 'run.started', workflow: 'W', steps: [stepInfo('start', 1), stepInfo('stepTwo', 1)], clock: 'virtual', speed: 1, seed: 1, timeout: 10 }],
      [0, { kind: 'step.started', step: 'start', invocation: 0, worker: 0, events: [], attempt: 1 }],
    ];
    for (let e = 1; e <= 3; e++) {
      bodies.push(
        [0, { kind: 'event.emitted', event: e, type: 'StepTwoEvent', payload: {}, via: 'send', invocation: 0, step: 'start', target: null, parent: null, to: [{ step: 'stepTwo', invocation: e, queued: e - 1 }] }],
      );
    }
    const trace = traceOf(...bodies);
    const counts = film(parallelGraph, trace, (v) => v.tokens['step:start->event:StepTwoEvent']?.length ?? 0);
    expect(Math.max(...counts)).toBe(3);
    expect(deriveView(parallelGraph, trace, Number.POSITIVE_INFINITY).steps.stepTwo).toMatchObject({ state: 'queued', queued: 3 });
  });

  it('runs three stepTwo invocations at once against four workers', () => {
    const running = film(parallelGraph, parallelTrace, (v) => `${v.steps.stepTwo?.running ?? 0}/${v.steps.stepTwo?.numWorkers ?? 0}`);
    expect(running).toContain('3/4');
  });

  it('stops on the first StopEvent and shows the other invocations as cancelled', () => {
    const end = deriveView(parallelGraph, parallelTrace, Number.POSITIVE_INFINITY);
    expect(end.status).toBe('stopped');
    expect(end.finished?.result).toBe('Query 2');
    expect(end.steps.stepTwo).toMatchObject({ state: 'cancelled', running: 0, done: 1, cancelled: 2 });
    expect(end.events).toEqual({ StartEvent: 1, StepTwoEvent: 3, StopEvent: 1 });
  });

  it('keeps the run going on screen until the stop token arrives', () => {
    const statuses = film(parallelGraph, parallelTrace, (v) => v.status);
    expect(statuses).toEqual(['running', 'stopped']);
    const stopToken = film(parallelGraph, parallelTrace, (v) => (v.tokens['step:stepTwo->event:StopEvent'] ?? []).length);
    expect(stopToken).toEqual([0, 1, 0]);
  });

  it('shows console lines with their step, in order', () => {
    const end = deriveView(parallelGraph, parallelTrace, Number.POSITIVE_INFINITY);
    expect(end.console.lines.slice(0, end.console.count).map((l) => [l.step, l.text])).toEqual([
      ['stepTwo', 'Running slow query Query 1'],
    ]);
  });

  it('gives the same picture incrementally as from scratch, forwards and backwards', () => {
    const deriver = new ViewDeriver();
    const schedule = new PlaybackSchedule();
    schedule.extend(parallelTrace);
    const times = [0, 100, 700, 1500, 2600, schedule.end, 900, 50, schedule.end + 200];
    for (const now of times) {
      const fresh = deriveView(parallelGraph, parallelTrace, now);
      const cached = deriver.derive(parallelGraph, parallelTrace, now);
      expect({ ...cached, console: cached.console.count }).toEqual({ ...fresh, console: fresh.console.count });
    }
  });

  it('fills a collecting step 1/3, 2/3, 3/3', () => {
    const graph = graphOf(['stepThree'], ['StepThreeEvent', 'StopEvent'], [['event:StepThreeEvent', 'step:stepThree']]);
    const bodies: [number, TraceBody][] = [
      [0, { kind: 'run.started', workflow: 'W', steps: [stepInfo('stepThree', 1)], clock: 'virtual', speed: 1, seed: 1, timeout: 10 }],
    ];
    for (let i = 1; i <= 3; i++) {
      bodies.push(
        [i * 1000, { kind: 'event.emitted', event: i, type: 'StepThreeEvent', payload: {}, via: 'external', invocation: null, step: null, target: null, parent: null, to: [{ step: 'stepThree', invocation: i }] }],
        [i * 1000, { kind: 'step.started', step: 'stepThree', invocation: i, worker: 0, events: [i], attempt: 1 }],
        [i * 1000, { kind: 'collect.progress', step: 'stepThree', invocation: i, buffer: 'default', event: i, have: { StepThreeEvent: i }, need: { StepThreeEvent: 3 }, complete: i === 3 }],
        [i * 1000, { kind: 'step.finished', step: 'stepThree', invocation: i, worker: 0, outputs: [], status: 'done' }],
      );
    }
    const fills = film(graph, traceOf(...bodies), (v) => v.steps.stepThree?.collect?.map((c) => `${c.have}/${c.need}`).join(' ') ?? null);
    expect(fills).toEqual([null, '1/3', '2/3', '3/3']);
  });

  it('marks a failed step and reports the error', () => {
    const trace = traceOf(
      [0, { kind: 'run.started', workflow: 'W', steps: [stepInfo('start', 1)], clock: 'virtual', speed: 1, seed: 1, timeout: 10 }],
      [0, { kind: 'step.started', step: 'start', invocation: 0, worker: 0, events: [0], attempt: 1 }],
      [0, { kind: 'step.failed', step: 'start', invocation: 0, worker: 0, attempt: 1, error: { name: 'Error', message: 'boom', step: 'start' }, willRetry: false }],
      [0, { kind: 'run.finished', status: 'failed', error: { name: 'Error', message: 'boom', step: 'start' } }],
    );
    const end = deriveView(parallelGraph, trace, Number.POSITIVE_INFINITY);
    expect(end.status).toBe('failed');
    expect(end.steps.start).toMatchObject({ state: 'failed', failed: 1 });
    expect(end.console.lines.map((l) => l.level)).toContain('error');
  });

  it('collapses many tokens on one edge into counted bunches', () => {
    const bodies: [number, TraceBody][] = [
      [0, { kind: 'run.started', workflow: 'W', steps: [stepInfo('start', 1), stepInfo('stepTwo', 4)], clock: 'virtual', speed: 1, seed: 1, timeout: 10 }],
      [0, { kind: 'step.started', step: 'start', invocation: 0, worker: 0, events: [], attempt: 1 }],
    ];
    for (let e = 1; e <= 1000; e++) {
      bodies.push([0, { kind: 'event.emitted', event: e, type: 'StepTwoEvent', payload: {}, via: 'send', invocation: 0, step: 'start', target: null, parent: null, to: [] }]);
    }
    const trace = traceOf(...bodies);
    const schedule = new PlaybackSchedule();
    schedule.extend(trace);
    const tokens = deriveView(parallelGraph, trace, schedule.end + 10).tokens['step:start->event:StepTwoEvent'] ?? [];
    expect(tokens.length).toBeLessThanOrEqual(10);
    // The first few went out one by one and have arrived; the rest travel together.
    expect(tokens.reduce((sum, t) => sum + t.count, 0)).toBeGreaterThan(990);
  });
});
