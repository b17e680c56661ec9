/**
 * The concurrency chapter of the Python tutorial, ported line by line to src/examples/concurrency,
 * must show the behaviour the chapter describes. Each property is checked for several seeds on the
 * virtual clock, from the trace alone.
 */
import { describe, expect, test } from 'vitest';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { exampleSource, runSource } from '../runSource.ts';

const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7];

const of = <K extends TraceRecord['kind']>(trace: TraceRecord[], kind: K) =>
  trace.filter((r): r is Extract<TraceRecord, { kind: K }> => r.kind === kind);

/** Payload field of the event with this id. */
function field(trace: TraceRecord[], event: number, name: string): unknown {
  const emitted = of(trace, 'event.emitted').find((r) => r.event === event)!;
  return (emitted.payload as Record<string, unknown>)[name];
}

describe('ParallelFlow: the first StopEvent wins', () => {
  test.each(SEEDS)('seed %i: three stepTwo invocations run at once; the first to finish stops the run, the others are cancelled', async (seed) => {
    const { trace, lines } = await runSource(exampleSource('concurrency/parallel.ts'), { seed });
    const started = of(trace, 'step.started').filter((r) => r.step === 'stepTwo');
    expect(started.map((r) => [r.t, r.worker])).toEqual([[0, 1], [0, 2], [0, 3]]);
    const ends = of(trace, 'step.finished').filter((r) => r.step === 'stepTwo');
    expect(ends.map((r) => r.status).sort()).toEqual(['cancelled', 'cancelled', 'done']);
    const winner = ends.find((r) => r.status === 'done')!;
    const finished = of(trace, 'run.finished')[0]!;
    expect(finished).toMatchObject({ status: 'stopped', t: winner.t });
    // Every cancelled invocation would have finished later than the winner (ties go to the first queued).
    expect(of(trace, 'step.failed')).toEqual([]);
    const winnerInput = started.find((r) => r.invocation === winner.invocation)!.events[0]!;
    expect(finished.result).toBe(field(trace, winnerInput, 'query'));
    expect(lines.at(-1)).toBe(finished.result);
  });
});

describe('ConcurrentFlow: collectEvents waits for all three', () => {
  test.each(SEEDS)('seed %i: returns nothing until the third arrives, then all three in arrival order', async (seed) => {
    const { trace, lines } = await runSource(exampleSource('concurrency/collect.ts'), { seed });
    const progress = of(trace, 'collect.progress').filter((r) => r.step === 'stepThree');
    expect(progress.map((r) => `${r.have.StepThreeEvent}/${r.need.StepThreeEvent}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(progress.map((r) => r.complete)).toEqual([false, false, true]);
    const arrivalOrder = progress.map((r) => field(trace, r.event, 'result'));
    // What the step printed when the buffer was complete, in the order collectEvents returned it.
    const printed = lines.filter((l) => l.includes('StepThreeEvent {')).map((l) => /'(.*)'/.exec(l)![1]);
    expect(printed).toEqual(arrivalOrder);
    expect(lines.filter((l) => l === 'Not all events received yet.')).toHaveLength(2);
    expect(of(trace, 'run.finished')[0]).toMatchObject({ status: 'stopped', result: 'Done', t: progress[2]!.t });
  });

  test('arrival order differs from emission order for some seed, and collectEvents follows arrival', async () => {
    const orders = new Set<string>();
    for (const seed of SEEDS) {
      const { trace } = await runSource(exampleSource('concurrency/collect.ts'), { seed });
      orders.add(of(trace, 'collect.progress').map((r) => field(trace, r.event, 'result')).join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('collecting different event types', () => {
  test.each(SEEDS)('seed %i: each branch runs, the join waits for all three and returns them in the order of the expected list', async (seed) => {
    const { trace, lines } = await runSource(exampleSource('concurrency/collect-different-types.ts'), { seed });
    expect(of(trace, 'step.started').map((r) => r.step).slice(0, 4)).toEqual(['start', 'stepA', 'stepB', 'stepC']);
    const progress = of(trace, 'collect.progress');
    expect(progress.map((r) => r.complete)).toEqual([false, false, true]);
    expect(progress.at(-1)!.need).toEqual({ StepCCompleteEvent: 1, StepBCompleteEvent: 1, StepACompleteEvent: 1 });
    expect(lines.slice(-5)).toEqual([
      "  StepCCompleteEvent { result: 'Query 3' },",
      "  StepBCompleteEvent { result: 'Query 2' },",
      "  StepACompleteEvent { result: 'Query 1' }",
      ']',
      'Done',
    ]);
  });
});

describe('map-reduce with a count kept in the context', () => {
  test.each(SEEDS)('seed %i: the count set with ctx.set decides how many results the reducer waits for', async (seed) => {
    const { trace } = await runSource(exampleSource('concurrency/map-reduce.ts'), { seed });
    const state = of(trace, 'state.changed');
    expect(state.map((r) => [r.key, r.value])).toContainEqual(['num_events', 4]);
    const progress = of(trace, 'collect.progress');
    expect(progress.map((r) => Object.values(r.need)[0])).toEqual([4, 4, 4, 4]);
    expect(progress.map((r) => r.complete)).toEqual([false, false, false, true]);
    expect(of(trace, 'run.finished')[0]).toMatchObject({ status: 'stopped' });
  });
});
