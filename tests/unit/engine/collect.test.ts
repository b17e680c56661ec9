import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step, type EventClass } from 'flowplay';
import { ofKind, record } from './recorder.ts';

class X extends Event<{ tag: string }> {}
class Y extends Event<{ tag: string }> {}

/** Sends the given events (type, tag, delay) and collects them with `expected` in one step. */
function collector(sends: [EventClass<X | Y>, string, number][], expected: EventClass[], bufferOf?: (ev: X | Y) => string) {
  class Collect extends Workflow {
    @step({ accepts: [StartEvent], returns: [X, Y] })
    async start(ctx: Context, _ev: StartEvent) {
      for (const [cls, tag, delay] of sends) {
        await sleep(delay);
        ctx.sendEvent(new (cls as new (f: { tag: string }) => X)({ tag }));
      }
      return null;
    }
    @step({ accepts: [X, Y], returns: [StopEvent] })
    async join(ctx: Context, ev: X | Y) {
      const got = ctx.collectEvents(ev, expected, bufferOf?.(ev));
      if (!got) return null;
      return new StopEvent({ result: got.map((e) => `${e.constructor.name}:${(e as X).tag}`) });
    }
  }
  return new Collect();
}

describe('collectEvents', () => {
  test('returns null until every expected event arrived, then all of them in arrival order', async () => {
    const run = await record(collector([[X, 'q1', 1], [X, 'q3', 1], [X, 'q2', 1]], [X, X, X]));
    expect(run.result).toEqual(['X:q1', 'X:q3', 'X:q2']);
    expect(ofKind(run.records, 'collect.progress').map((r) => [r.have.X, r.need.X, r.complete])).toEqual([
      [1, 3, false],
      [2, 3, false],
      [3, 3, true],
    ]);
  });

  test('with different types, returns them in the order of the expected list', async () => {
    const run = await record(collector([[X, 'x1', 1], [Y, 'y1', 1]], [Y, X]));
    expect(run.result).toEqual(['Y:y1', 'X:x1']);
  });

  test('within one class, arrival order; across classes, the order of the list', async () => {
    const run = await record(collector([[Y, 'y1', 1], [X, 'x1', 1], [Y, 'y2', 1], [X, 'x2', 1]], [X, Y, X, Y]));
    expect(run.result).toEqual(['X:x1', 'Y:y1', 'X:x2', 'Y:y2']);
  });

  test('extra events stay buffered and complete a later batch', async () => {
    const seen: string[][] = [];
    class Pairs extends Workflow {
      @step({ accepts: [StartEvent], returns: [X] })
      async start(ctx: Context, _ev: StartEvent) {
        for (const tag of ['a', 'b', 'c', 'd', 'e']) ctx.sendEvent(new X({ tag }));
        return null;
      }
      @step({ accepts: [X], returns: [StopEvent], numWorkers: 1 })
      async pairs(ctx: Context, ev: X) {
        const got = ctx.collectEvents<X>(ev, [X, X]);
        if (got) seen.push(got.map((e) => e.tag));
        return seen.length === 2 ? new StopEvent({ result: seen }) : null;
      }
    }
    const run = await record(new Pairs());
    expect(run.result).toEqual([['a', 'b'], ['c', 'd']]);
  });

  test('each bufferId is its own buffer', async () => {
    const run = await record(
      collector([[X, 'a1', 1], [Y, 'b1', 1], [X, 'a2', 1]], [X, X], (ev) => (ev instanceof X ? 'xs' : 'ys')),
    );
    expect(run.result).toEqual(['X:a1', 'X:a2']);
    expect(ofKind(run.records, 'collect.progress').map((r) => r.buffer)).toEqual(['xs', 'ys', 'xs']);
  });

  test('a hoisted expectation of 20,000 events completes once, in arrival order', async () => {
    const n = 20_000;
    const need = Array(n).fill(X) as EventClass[];
    let calls = 0;
    class Many extends Workflow {
      @step({ accepts: [StartEvent], returns: [X] })
      async start(ctx: Context, _ev: StartEvent) {
        for (let i = 0; i < n; i++) ctx.sendEvent(new X({ tag: String(i) }));
        return null;
      }
      @step({ accepts: [X], returns: [StopEvent] })
      async gather(ctx: Context, ev: X) {
        calls++;
        const got = ctx.collectEvents<X>(ev, need);
        return got ? new StopEvent({ result: [got.length, got[0]!.tag, got[n - 1]!.tag] }) : null;
      }
    }
    const handler = await new Many({ timeout: null }).run({}, { clock: 'virtual' });
    expect(handler).toEqual([n, '0', String(n - 1)]);
    expect(calls).toBe(n);
  });
});

describe('collectEvents in a step that fails and is retried', () => {
  /** Collects three X; the attempts listed in `failOn` (1-based, over all of the step's attempts) throw after collecting. */
  function retried(failOn: number[]) {
    let attempts = 0;
    class Retried extends Workflow {
      @step({ accepts: [StartEvent], returns: [X] })
      async start(ctx: Context, _ev: StartEvent) {
        for (const tag of ['a', 'b', 'c']) {
          ctx.sendEvent(new X({ tag }));
          await sleep(5);
        }
        return null;
      }
      @step({ accepts: [X], returns: [StopEvent], retry: { maxAttempts: 3, delay: 1 } })
      async join(ctx: Context, ev: X) {
        const got = ctx.collectEvents<X>(ev, [X, X, X]);
        if (failOn.includes(++attempts)) throw new Error(`attempt ${attempts} fails`);
        return got ? new StopEvent({ result: got.map((e) => e.tag).join('') }) : null;
      }
    }
    return new Retried({ timeout: 60 });
  }
  const progress = (run: { records: Parameters<typeof ofKind>[0] }) => ofKind(run.records, 'collect.progress').map((r) => `${r.have.X}/${r.need.X}`);

  test('an attempt that added its event and failed leaves the buffer as it found it: the retry adds the event once', async () => {
    const run = await record(retried([1]));
    expect(run.result).toBe('abc');
    expect(progress(run)).toEqual(['1/3', '1/3', '2/3', '3/3']);
  });

  test('an attempt that completed the batch and failed puts the batch back: the retry completes it again', async () => {
    const run = await record(retried([3]));
    expect(run.result).toBe('abc');
    expect(progress(run)).toEqual(['1/3', '2/3', '3/3', '3/3']);
    expect(ofKind(run.records, 'collect.leftover')).toEqual([]);
  });
});
