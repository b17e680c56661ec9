import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, WorkflowRuntimeError, sleep, step } from 'flowplay';
import { emitted, finished, ofKind, record, starts } from './recorder.ts';

class Ping extends Event<{ n: number }> {}
class Pong extends Event {}

describe('routing', () => {
  test('an event goes to every step that accepts its exact class, in declaration order', async () => {
    class Fan extends Workflow {
      @step({ accepts: [StartEvent], returns: [Ping] })
      async start(_ctx: Context, _ev: StartEvent) {
        return new Ping({ n: 1 });
      }
      @step({ accepts: [Ping], returns: [StopEvent] })
      async first(_ctx: Context, ev: Ping) {
        await sleep(2);
        return new StopEvent({ result: `first ${ev.n}` });
      }
      @step({ accepts: [Ping], returns: [StopEvent] })
      async second(_ctx: Context, _ev: Ping) {
        await sleep(1);
        return new StopEvent({ result: 'second' });
      }
    }
    const run = await record(new Fan());
    expect(ofKind(run.records, 'event.emitted').flatMap((r) => r.to.map((d) => d.step))).toEqual(['start', 'first', 'second']);
    expect(run.result).toBe('second');
  });

  test('sendEvent to a named step reaches only that step', async () => {
    class Targeted extends Workflow {
      @step({ accepts: [StartEvent], returns: [Ping] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Ping({ n: 2 }), 'second');
        return null;
      }
      @step({ accepts: [Ping], returns: [StopEvent] })
      async first(_ctx: Context, _ev: Ping) {
        return new StopEvent({ result: 'first' });
      }
      @step({ accepts: [Ping], returns: [StopEvent] })
      async second(_ctx: Context, ev: Ping) {
        return new StopEvent({ result: `second ${ev.n}` });
      }
    }
    const run = await record(new Targeted());
    expect(run.result).toBe('second 2');
    expect(ofKind(run.records, 'event.emitted')[1]).toMatchObject({ type: 'Ping', via: 'send', target: 'second', step: 'start' });
  });

  test.each([
    ['nowhere', 'Step nowhere does not exist'],
    ['start', 'Step start does not accept event of type Ping'],
  ])('sendEvent to %s throws at the call and fails the run naming it', async (target, message) => {
    class Bad extends Workflow {
      @step({ accepts: [StartEvent], returns: [Ping, StopEvent] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Ping({ n: 1 }), target);
        return new StopEvent();
      }
      @step({ accepts: [Ping], returns: [] })
      async sink(_ctx: Context, _ev: Ping) {
        return null;
      }
    }
    const run = await record(new Bad());
    expect(run.error).toBeInstanceOf(WorkflowRuntimeError);
    expect((run.error as Error).message).toBe(message);
    expect(finished(run.records)).toMatchObject({ status: 'failed', error: { message } });
    expect(ofKind(run.records, 'step.failed')[0]).toMatchObject({ step: 'start', error: { step: 'start' } });
  });

  test('delivery is asynchronous: a receiver never runs inside the sender', async () => {
    const order: string[] = [];
    class Async extends Workflow {
      @step({ accepts: [StartEvent], returns: [Ping] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Ping({ n: 1 }));
        order.push('sent');
        await sleep(1);
        order.push('sender resumed');
        return null;
      }
      @step({ accepts: [Ping], returns: [StopEvent] })
      async receive(_ctx: Context, _ev: Ping) {
        order.push('received');
        await sleep(2);
        return new StopEvent();
      }
    }
    await record(new Async());
    expect(order).toEqual(['sent', 'received', 'sender resumed']);
  });

  test('an event that no step accepts is reported as unhandled, not as an error', async () => {
    class Loose extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Pong());
        await sleep(1);
        return new StopEvent({ result: 'ok' });
      }
    }
    const run = await record(new Loose(), {}, { });
    expect(run.result).toBe('ok');
    expect(ofKind(run.records, 'event.unhandled').map((r) => r.type)).toEqual(['Pong']);
  });

  test('a step may omit the context parameter', async () => {
    class NoCtx extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(ev: StartEvent) {
        return new StopEvent({ result: ev.message });
      }
    }
    expect((await record(new NoCtx(), { message: 'hi' })).result).toBe('hi');
  });

  test('a union parameter accepts each of its classes', async () => {
    class Union extends Workflow {
      @step({ accepts: [StartEvent], returns: [Ping, Pong] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Ping({ n: 1 }));
        ctx.sendEvent(new Pong());
        return null;
      }
      @step({ accepts: [Ping, Pong], returns: [StopEvent], numWorkers: 1 })
      async either(ctx: Context, ev: Ping | Pong) {
        const seen = (await ctx.get<string[]>('seen', [])).concat(ev.constructor.name);
        await ctx.set('seen', seen);
        return seen.length === 2 ? new StopEvent({ result: seen }) : null;
      }
    }
    expect((await record(new Union())).result).toEqual(['Ping', 'Pong']);
  });

  test('events emitted carry their producer and causal parent', async () => {
    class Chain extends Workflow {
      @step({ accepts: [StartEvent], returns: [Ping] })
      async a(_ctx: Context, _ev: StartEvent) {
        return new Ping({ n: 1 });
      }
      @step({ accepts: [Ping], returns: [StopEvent] })
      async b(_ctx: Context, _ev: Ping) {
        return new StopEvent({ result: 1 });
      }
    }
    const run = await record(new Chain());
    expect(emitted(run.records)).toEqual(['StartEvent', 'Ping', 'StopEvent']);
    expect(ofKind(run.records, 'event.emitted').map((r) => [r.event, r.via, r.step, r.parent])).toEqual([
      [1, 'input', null, null],
      [2, 'return', 'a', 1],
      [3, 'return', 'b', 2],
    ]);
    expect(starts(run.records)).toEqual(['a@0', 'b@0']);
  });
});
