import { describe, expect, test } from 'vitest';
import { compareRuns } from '../../../src/inspect/compareRuns.ts';
import { exampleSource, runSource } from '../runSource.ts';

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
    expect(c.difference).toMatchObject({ index: 13, timing: false, step: 'stepTwo', event: null });
    expect(c.difference!.words).toBe('Record 14: in run 1 stepTwo #3 finished at 2.00 s; in run 2 stepTwo #2 finished at 1.00 s.');
    expect(c.events).toEqual([
      { name: 'StopEvent #1', type: 'StopEvent', first: { payload: { result: 'Query 2' }, step: 'stepTwo', t: 2000, to: [] }, second: { payload: { result: 'Query 1' }, step: 'stepTwo', t: 1000, to: [] }, differs: ['payload', 'time'] },
    ]);
    expect(c.steps).toEqual({ start: 'same', stepTwo: 'differs' });
    expect(c.eventTypes).toEqual({ StartEvent: 'same', StepTwoEvent: 'same', StopEvent: 'differs' });
    expect(c.endings).toEqual({ first: { status: 'stopped', t: 2000, result: 'Query 2' }, second: { status: 'stopped', t: 1000, result: 'Query 1' } });
    const stepTwo = c.spans.find((s) => s.step === 'stepTwo')!;
    expect(stepTwo.first.map((s) => [s.invocation, s.start, s.end, s.status])).toEqual([[2, 0, 2000, 'cancelled'], [3, 0, 2000, 'done'], [4, 0, 2000, 'cancelled']]);
    expect(stepTwo.second.map((s) => [s.invocation, s.end, s.status])).toEqual([[2, 1000, 'done'], [3, 1000, 'cancelled'], [4, 1000, 'cancelled']]);
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
});
