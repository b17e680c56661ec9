import { describe, expect, test } from 'vitest';
import { Event, StartEvent, StopEvent, Workflow, eventToJson, step, toJsonSafe, Context } from 'flowplay';
import { record } from './recorder.ts';

class Query extends Event<{ query: string }> {}
class Ping extends Event {}
class MyStop extends StopEvent<string> {}

describe('events', () => {
  test('constructor fields land on the instance; fieldless events need no argument', () => {
    expect(new Query({ query: 'Query 1' }).query).toBe('Query 1');
    expect(eventToJson(new Ping())).toEqual({ type: 'Ping', fields: {} });
    expect(new StopEvent().result).toBeUndefined();
    expect(eventToJson(new StopEvent({ result: 5 }))).toEqual({ type: 'StopEvent', fields: { result: 5 } });
  });

  test('JSON-safe payloads survive cycles, functions, BigInt, Maps, Sets, class instances and throwing getters', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    class Point {
      constructor(public x: number) {}
    }
    const odd = {
      cyclic,
      fn: function helper() {},
      big: 10n,
      map: new Map([['a', 1]]),
      set: new Set([1, 2]),
      point: new Point(3),
      nan: Number.NaN,
      date: new Date(0),
      get boom() {
        throw new Error('no');
      },
      deep: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } },
      long: 'x'.repeat(5000),
      many: Array.from({ length: 150 }, (_, i) => i),
    };
    const json = toJsonSafe(odd) as Record<string, unknown>;
    expect(json.cyclic).toEqual({ name: 'loop', self: '[Circular]' });
    expect(json.fn).toBe('[Function helper]');
    expect(json.big).toBe('10n');
    expect(json.map).toEqual({ '[Map]': [['a', 1]] });
    expect(json.set).toEqual({ '[Set]': [1, 2] });
    expect(json.point).toEqual({ __class: 'Point', x: 3 });
    expect(json.nan).toBe('NaN');
    expect(json.date).toBe('1970-01-01T00:00:00.000Z');
    expect(json.boom).toBe('[Thrown: no]');
    expect(JSON.stringify(json.deep)).toContain('[Object]');
    expect((json.long as string).length).toBeLessThan(4100);
    expect((json.many as unknown[]).at(-1)).toBe('… 50 more items');
    expect(() => JSON.stringify(json)).not.toThrow();
  });
});

describe('results', () => {
  test('a StopEvent subclass is returned as the event itself', async () => {
    class Custom extends Workflow {
      @step({ accepts: [StartEvent], returns: [MyStop] })
      async s(_ctx: Context, _ev: StartEvent) {
        return new MyStop({ result: 'x' });
      }
    }
    const run = await record(new Custom());
    expect(run.result).toBeInstanceOf(MyStop);
    expect((run.result as MyStop).result).toBe('x');
  });

  test('a custom StartEvent subclass receives the input', async () => {
    class Begin extends StartEvent {}
    class Custom extends Workflow {
      @step({ accepts: [Begin], returns: [StopEvent] })
      async s(_ctx: Context, ev: Begin) {
        return new StopEvent({ result: `${ev.constructor.name} ${ev.topic}` });
      }
    }
    expect((await record(new Custom(), { topic: 'cats' })).result).toBe('Begin cats');
  });
});

describe('the step decorator', () => {
  test('works bare, called, and in the standard (TC39) protocol', async () => {
    const forms = () =>
      class Forms extends Workflow {
        async a(_ctx: Context, _ev: StartEvent) {
          return new Query({ query: 'q' });
        }
        async b(_ctx: Context, ev: Query) {
          return new StopEvent({ result: ev.query });
        }
      };
    // Standard decorators are called as (method, context); legacy ones as (prototype, key, descriptor).
    const Bare = forms();
    step({ accepts: [StartEvent], returns: [Query] })(Bare.prototype.a, { kind: 'method', name: 'a' });
    step(Bare.prototype, 'b', { value: Bare.prototype.b });
    // The bare form carries no metadata, so building the workflow finds no step returning StopEvent.
    expect(() => new Bare()).toThrow('At least one Event of type StopEvent must be returned by any step.');
    const Called = forms();
    step({ accepts: [StartEvent], returns: [Query] })(Called.prototype, 'a', { value: Called.prototype.a });
    step({ accepts: [Query], returns: [StopEvent] })(Called.prototype.b, { kind: 'method', name: 'b' });
    expect((await record(new Called())).result).toBe('q');
  });

  test('rejects non-method targets with a clear message', () => {
    expect(() => step()(undefined, { kind: 'field', name: 'x' })).toThrow('@step can only decorate methods, not a field.');
  });
});

describe('String() of run objects', () => {
  test('String(ctx) says which run and step it belongs to', async () => {
    let text = '';
    class Says extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async s(ctx: Context, _ev: StartEvent) {
        text = String(ctx);
        return new StopEvent();
      }
    }
    await new Says().run({}, { runId: 'r-1' });
    expect(text).toBe('Context(workflow=Says, run_id=r-1, step=s, status=running)');
  });
});
