/**
 * A cached resource whose factory returns a plain value is shared by invocations that start at the
 * same moment: the library's sync factory never yields, so the first resolution has cached its value
 * before the next one looks. Only an async factory leaves room for a second resolution to make its own.
 */
import { describe, expect, test } from 'vitest';
import { Context, Event, Resource, StartEvent, StopEvent, Workflow, step, type TraceRecord } from 'flowplay';

class Task extends Event<{ n: number }> {}
class Done extends Event<{ n: number }> {}

async function injections(factory: () => unknown, cache: boolean): Promise<string[]> {
  class Fan extends Workflow {
    @step({ accepts: [StartEvent], returns: [Task] })
    async start(ctx: Context, _ev: StartEvent) {
      for (let n = 0; n < 3; n++) ctx.sendEvent(new Task({ n }));
      return null;
    }

    @step({ accepts: [Task], returns: [Done], numWorkers: 3, resources: { thing: Resource(factory, { cache }) } })
    async work(_ctx: Context, ev: Task, _thing = Resource(factory, { cache })) {
      return new Done({ n: ev.n });
    }

    @step({ accepts: [Done], returns: [StopEvent] })
    async end(ctx: Context, ev: Done) {
      return ctx.collectEvents(ev, [Done, Done, Done]) === null ? null : new StopEvent({ result: 'done' });
    }
  }
  const trace: TraceRecord[] = [];
  await new Fan().run({}, { clock: 'virtual', onTrace: (r) => trace.push(r) });
  return trace.flatMap((r) => (r.kind === 'resource.injected' ? [`${r.instance}${r.created ? ' made' : ''}`] : []));
}

describe('cached resources for invocations that start together', () => {
  test('a sync factory runs once and the three invocations share its value', async () => {
    let calls = 0;
    const makeThing = () => ({ id: ++calls });
    expect(await injections(makeThing, true)).toEqual(['1 made', '1', '1']);
    expect(calls).toBe(1);
  });

  test('with cache: false each invocation gets its own', async () => {
    const makeThing = () => ({});
    expect(await injections(makeThing, false)).toEqual(['1 made', '2 made', '3 made']);
  });

  test('an async factory that is still being awaited is made again, as in the library', async () => {
    const makeThing = async () => ({});
    expect(await injections(makeThing, true)).toEqual(['1 made', '2 made', '3 made']);
  });
});
