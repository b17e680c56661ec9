import { describe, expect, test } from 'vitest';
import type { TraceRecord } from 'flowplay';
import { compareRuns } from '../../../src/inspect/compareRuns.ts';
import { MAX_EDITS } from '../../../src/inspect/index.ts';
import { exampleSource, runSource } from '../runSource.ts';
import { fanOut } from './fanOutRun.ts';

const parallel = exampleSource('concurrency/parallel.ts');

/** Writes a random number to the state, then stops with it. */
const DRAW = `import { Context, StartEvent, StopEvent, Workflow, randint, step } from "flowplay";
class Draw extends Workflow {
  @step()
  async draw(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    const n = randint(1, 1000);
    await ctx.store.set("drawn", n);
    await ctx.store.set("fixed", "same");
    return new StopEvent({ result: n });
  }
}
await new Draw({ timeout: 10 }).run({});
`;

describe('comparing two runs', () => {
  test('two seeds of the parallel example: the seed is named apart, the first difference is a step finishing, the winner differs', async () => {
    const a = await runSource(parallel, { seed: 42 });
    const b = await runSource(parallel, { seed: 1 });
    const c = compareRuns({ number: 1, trace: a.trace }, { number: 2, trace: b.trace });
    expect(c.settings).toEqual([{ name: 'seed', first: '42', second: '1' }]);
    expect(c.same).toBe(13);
    // Lined up by what each record is about: the same invocation, done in one run and cancelled in the other.
    expect(c.difference).toMatchObject({ kind: 'changed', index: 13, record: 14, timing: false, step: 'stepTwo', event: null });
    expect(c.difference!.words).toBe('Record 14: in run 1 stepTwo #3 finished at 2.00 s; in run 2 stepTwo #3 was cancelled at 1.00 s.');
    expect(c.differing).toBe(8);
    expect(c.events).toEqual([
      { name: 'StopEvent #1', type: 'StopEvent', first: { payload: { result: 'Query 2' }, step: 'stepTwo', t: 2000, to: [] }, second: { payload: { result: 'Query 1' }, step: 'stepTwo', t: 1000, to: [] }, differs: ['payload', 'time'] },
    ]);
    expect(c.steps).toEqual({ start: 'same', stepTwo: 'differs' });
    expect(c.eventTypes).toEqual({ StartEvent: 'same', StepTwoEvent: 'same', StopEvent: 'differs' });
    expect(c.endings).toEqual({ first: { status: 'stopped', t: 2000, result: 'Query 2' }, second: { status: 'stopped', t: 1000, result: 'Query 1' } });
    const stepTwo = c.spans.find((s) => s.step === 'stepTwo')!;
    expect(stepTwo.first.map((s) => [s.invocation, s.start, s.end, s.status, s.mark])).toEqual([[2, 0, 2000, 'cancelled', 'differs'], [3, 0, 2000, 'done', 'differs'], [4, 0, 2000, 'cancelled', 'time']]);
    expect(stepTwo.second.map((s) => [s.invocation, s.end, s.status, s.mark])).toEqual([[2, 1000, 'done', 'differs'], [3, 1000, 'cancelled', 'differs'], [4, 1000, 'cancelled', 'time']]);
    expect(c.spans.find((s) => s.step === 'start')!.first.map((s) => s.mark)).toEqual(['same']);
  });

  test('the same thing later: a difference of time alone is said as one, and the step is marked as timed differently', async () => {
    const a = await runSource(parallel, { seed: 42 });
    const b = await runSource(parallel, { seed: 43 });
    const c = compareRuns({ number: 3, trace: a.trace }, { number: 5, trace: b.trace });
    expect(c.difference).toMatchObject({ index: 13, timing: true, step: 'stepTwo' });
    expect(c.difference!.words).toBe('Record 14: stepTwo #3 finished at 2.00 s in run 3, at 3.00 s in run 5.');
    expect(c.steps.stepTwo).toBe('time');
    expect(c.eventTypes.StopEvent).toBe('time');
    expect(c.events.map((e) => [e.name, e.differs])).toEqual([['StopEvent #1', ['time']]]);
  });

  test('a run against itself: no difference, every node the same', async () => {
    const a = await runSource(parallel, { seed: 7 });
    const b = await runSource(parallel, { seed: 7 });
    const c = compareRuns({ number: 1, trace: a.trace }, { number: 2, trace: b.trace });
    expect(c.settings).toEqual([]);
    expect(c.difference).toBeNull();
    expect(c.same).toBe(a.trace.length);
    expect(c.events).toEqual([]);
    expect(c.state).toEqual([]);
    expect(new Set([...Object.values(c.steps), ...Object.values(c.eventTypes)])).toEqual(new Set(['same']));
  });

  test('the state at the end, key by key, and an event named by its type and number', async () => {
    const a = await runSource(DRAW, { seed: 1 });
    const b = await runSource(DRAW, { seed: 2 });
    const c = compareRuns({ number: 1, trace: a.trace }, { number: 2, trace: b.trace });
    const drawn = (t: typeof a.trace) => t.find((r) => r.kind === 'state.changed' && r.key === 'drawn');
    const x = drawn(a.trace)!;
    const y = drawn(b.trace)!;
    if (x.kind !== 'state.changed' || y.kind !== 'state.changed') throw new Error('no draw');
    expect(x.value).not.toEqual(y.value);
    expect(c.state).toEqual([{ key: 'drawn', first: x.value, second: y.value }]);
    expect(c.difference!.words).toBe(`Record ${x.seq}: in run 1 draw #1 set drawn = ${x.value} at 0.00 s; in run 2 draw #1 set drawn = ${y.value} at 0.00 s.`);
    expect(c.events.map((e) => [e.name, e.differs])).toEqual([['StopEvent #1', ['payload']]]);
  });

  test('one run ended where the other went on: the first record of the longer one is named', async () => {
    const a = await runSource(parallel, { seed: 42 });
    const cut = a.trace.slice(0, 10);
    const c = compareRuns({ number: 1, trace: cut }, { number: 2, trace: a.trace });
    expect(c.same).toBe(10);
    expect(c.difference!.first).toBeUndefined();
    expect(c.difference!.words).toMatch(/^Record 11: run 1 had ended; in run 2 /);
    expect(c.endings.first.status).toBe('running');
    const d = compareRuns({ number: 2, trace: a.trace }, { number: 1, trace: cut });
    expect(d.difference!.words).toMatch(/^Record 11: run 1 had ended; in run 2 /);
  });

  test('one event more in the second run is that difference alone: what comes after is lined up again by stable names', async () => {
    const plain = await fanOut(0);
    const pinged = await fanOut(1);
    const c = compareRuns({ number: 1, trace: plain }, { number: 2, trace: pinged });
    expect(c.settings).toEqual([]);
    expect(c.difference).toMatchObject({ kind: 'extra', event: 'Ping #1', step: 'start', timing: false });
    // Said as the moment the runs part: what run 1 did at that place, and the Ping run 2 sent instead.
    expect(c.difference!.words).toBe('Record 4: in run 1 start #1 sent Task {"n":1} to work at 0.00 s; in run 2 start #1 sent Ping {"note":"ping 0"} to ping at 0.00 s.');
    // The Ping, its delivery and the ping step's invocation: nothing else, though every later id moved.
    expect(c.differing).toBe(3);
    expect(c.steps).toEqual({ start: 'differs', ping: 'second-only', work: 'same' });
    expect(c.eventTypes).toEqual({ StartEvent: 'same', Task: 'same', Ping: 'second-only', StopEvent: 'same' });
    expect(c.events.map((e) => [e.name, e.differs])).toEqual([['Ping #1', ['missing']]]);
    const work = c.spans.find((s) => s.step === 'work')!;
    expect([...work.first, ...work.second].map((s) => s.mark)).toEqual(Array(6).fill('same'));
  });

  test('pauses are the person\'s doing: a run paused at a breakpoint compares as the same run', async () => {
    const plain = await fanOut(0);
    const at = plain.findIndex((r) => r.kind === 'step.started' && r.step === 'work');
    const paused: TraceRecord[] = [
      ...plain.slice(0, at),
      { v: 2, runId: 'p', seq: 0, t: plain[at]!.t, kind: 'run.paused', reason: 'breakpoint', step: 'work', invocation: null },
      { v: 2, runId: 'p', seq: 0, t: plain[at]!.t, kind: 'run.resumed' },
      ...plain.slice(at),
    ].map((r, i) => ({ ...r, seq: i + 1 }) as TraceRecord);
    const c = compareRuns({ number: 1, trace: plain }, { number: 2, trace: paused });
    expect(c.difference).toBeNull();
    expect(c.differing).toBe(0);
    expect(new Set(Object.values(c.steps))).toEqual(new Set(['same']));
  });

  test('runs too far apart to line up: the first difference in place, and each node compared as a whole', async () => {
    const plain = await fanOut(0, MAX_EDITS);
    // Every record of the work step later: more than MAX_EDITS records changed.
    const later = plain.map((r) => ('step' in r && r.step === 'work' ? { ...r, t: r.t + 1 } : r) as TraceRecord);
    const c = compareRuns({ number: 1, trace: plain }, { number: 2, trace: later });
    expect(c.differing).toBeNull();
    expect(c.difference).toMatchObject({ kind: 'changed', timing: true, step: 'work' });
    expect(c.steps).toMatchObject({ start: 'same', work: 'time' });
    const work = c.spans.find((s) => s.step === 'work')!;
    expect(new Set(work.second.map((s) => s.mark))).toEqual(new Set(['time']));
  });
});
