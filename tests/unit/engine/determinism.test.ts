import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, random, randint, sleep, step, type TraceRecord } from 'flowplay';
import { record } from './recorder.ts';

class Q extends Event<{ q: number }> {}

class Jittery extends Workflow {
  @step({ accepts: [StartEvent], returns: [Q] })
  async start(ctx: Context, _ev: StartEvent) {
    for (let q = 0; q < 5; q++) ctx.sendEvent(new Q({ q }));
    return null;
  }
  @step({ accepts: [Q], returns: [StopEvent], numWorkers: 2 })
  async work(ctx: Context, ev: Q) {
    await sleep(randint(1, 5) + random());
    const got = ctx.collectEvents(ev, [Q, Q, Q, Q, Q]);
    return got ? new StopEvent({ result: got.map((e) => (e as Q).q) }) : null;
  }
}

/** The trace without the run id, which differs between runs by design. */
const strip = (records: TraceRecord[]) => records.map(({ runId: _, ...rest }) => rest);

describe('determinism', () => {
  test('same code, input and seed on the virtual clock give the same trace, event for event', async () => {
    const a = await record(new Jittery(), {}, { seed: 7 });
    const b = await record(new Jittery(), {}, { seed: 7 });
    expect(strip(b.records)).toEqual(strip(a.records));
    expect(a.records.length).toBeGreaterThan(20);
  });

  test('another seed gives another schedule', async () => {
    const a = await record(new Jittery(), {}, { seed: 7 });
    const c = await record(new Jittery(), {}, { seed: 8 });
    expect(c.result).not.toEqual(a.result);
  });

  test('randint covers both ends; a run without a seed records the one it picked', async () => {
    const seeds: (number | null)[] = [];
    const handler = new Jittery().run({}, { clock: 'virtual', onTrace: (r) => void (r.kind === 'run.started' && seeds.push(r.seed)) });
    await handler;
    expect(typeof seeds[0]).toBe('number');
    const values = new Set<number>();
    class Dice extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async roll(_ctx: Context, _ev: StartEvent) {
        for (let i = 0; i < 500; i++) values.add(randint(1, 6));
        return new StopEvent();
      }
    }
    await new Dice().run({}, { seed: 3 });
    expect([...values].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('a run that sleeps for ten minutes finishes at once on the virtual clock', async () => {
    class Long extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async s(_ctx: Context, _ev: StartEvent) {
        await sleep(600);
        return new StopEvent({ result: 'later' });
      }
    }
    const run = await record(new Long({ timeout: 3600 }));
    expect(run.records.at(-1)).toMatchObject({ kind: 'run.finished', t: 600_000 });
  });

  test('two interleaved runs keep their own clocks and seeds', async () => {
    const [a, b] = await Promise.all([record(new Jittery(), {}, { seed: 7 }), record(new Jittery(), {}, { seed: 7 })]);
    expect(strip(a.records)).toEqual(strip(b.records));
  });
});
