import { describe, expect, test } from 'vitest';
import {
  Context,
  Event,
  HumanResponseEvent,
  InputRequiredEvent,
  StartEvent,
  StopEvent,
  Workflow,
  WorkflowFailedEvent,
  WorkflowRuntimeError,
  WorkflowTimeoutError,
  sleep,
  step,
  type Event as EventT,
  type TraceRecord,
} from 'flowplay';
import { ofKind, record } from './recorder.ts';

class Progress extends Event<{ pct: number }> {}
class Work extends Event<{ n: number }> {}

describe('context state', () => {
  test('set/get per run, defaults, and a clear error for a missing key', async () => {
    class Stateful extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async s(ctx: Context, _ev: StartEvent) {
        await ctx.set('num_events', 3);
        const n = await ctx.get<number>('num_events');
        const d = await ctx.get('absent', 'fallback');
        await ctx.store.set('user.profile.name', 'Ada');
        const name = await ctx.store.get('user.profile.name');
        const missing = await ctx.get('nope').catch((e: Error) => e.message);
        return new StopEvent({ result: { n, d, name, missing } });
      }
    }
    const run = await record(new Stateful());
    expect(run.result).toEqual({ n: 3, d: 'fallback', name: 'Ada', missing: "Key 'nope' not found in Context" });
    expect(ofKind(run.records, 'state.changed').map((r) => [r.key, r.value, r.step])).toEqual([
      ['num_events', 3, 's'],
      ['user.profile.name', 'Ada', 's'],
    ]);
    // A second run starts with empty state.
    const again = await record(new Stateful());
    expect(again.result).toMatchObject({ n: 3 });
  });
});

describe('streaming', () => {
  class Streams extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent] })
    async s(ctx: Context, _ev: StartEvent) {
      for (const pct of [25, 50, 100]) {
        ctx.writeEventToStream(new Progress({ pct }));
        await sleep(1);
      }
      return new StopEvent({ result: 'done' });
    }
  }

  test('yields written events, then the stop event; the handler still resolves', async () => {
    const handler = new Streams().run({}, { clock: 'virtual' });
    const seen: string[] = [];
    for await (const ev of handler.streamEvents()) seen.push(ev instanceof Progress ? `progress ${ev.pct}` : ev.constructor.name);
    expect(seen).toEqual(['progress 25', 'progress 50', 'progress 100', 'StopEvent']);
    expect(await handler).toBe('done');
  });

  test('can be consumed only once', () => {
    const handler = new Streams().run({}, { clock: 'virtual' });
    handler.streamEvents();
    expect(() => handler.streamEvents()).toThrow(new WorkflowRuntimeError('All the streamed events have already been consumed.'));
    handler.cancel();
  });

  test('a failing run ends the stream normally with a WorkflowFailedEvent; only awaiting the run rejects', async () => {
    class Fails extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async s(ctx: Context, _ev: StartEvent): Promise<StopEvent> {
        ctx.writeEventToStream(new Progress({ pct: 10 }));
        await sleep(1);
        throw new Error('midway');
      }
    }
    const handler = new Fails().run({}, { clock: 'virtual' });
    const seen: unknown[] = [];
    for await (const ev of handler.streamEvents()) seen.push(ev instanceof Progress ? ev.pct : ev);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(10);
    expect(seen[1]).toBeInstanceOf(WorkflowFailedEvent);
    expect(seen[1]).toMatchObject({ stepName: 's', attempts: 1, elapsedSeconds: 1, exception: { message: 'midway' } });
    await expect(handler).rejects.toThrow('midway');
  });
});

describe('human in the loop', () => {
  class Ask extends Workflow {
    @step({ accepts: [StartEvent], returns: [InputRequiredEvent] })
    async ask(_ctx: Context, _ev: StartEvent) {
      return new InputRequiredEvent({ prefix: 'Your name? ' });
    }
    @step({ accepts: [HumanResponseEvent], returns: [StopEvent] })
    async answer(_ctx: Context, ev: HumanResponseEvent) {
      return new StopEvent({ result: `Hello ${ev.response}` });
    }
  }

  test('the question is published on the stream and the answer comes back through the handler', async () => {
    const handler = new Ask({ timeout: 5 }).run({}, { clock: 'virtual' });
    for await (const ev of handler.streamEvents()) {
      if (ev instanceof InputRequiredEvent) handler.sendEvent(new HumanResponseEvent({ response: 'Ada' }));
    }
    expect(await handler).toBe('Hello Ada');
  });

  test('virtual time stands still while the run waits for a person', async () => {
    const records: { kind: string; t: number }[] = [];
    const handler = new Ask({ timeout: 5 }).run({}, { clock: 'virtual', onTrace: (r) => records.push(r) });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(handler.status).toBeNull();
    handler.sendEvent(new HumanResponseEvent({ response: 'Grace' }));
    expect(await handler).toBe('Hello Grace');
    expect(records.at(-1)).toMatchObject({ kind: 'run.finished', t: 0 });
  });

  test('waitForEvent publishes the waiter event once and frees the worker slot while waiting', async () => {
    class Waits extends Workflow {
      @step({ accepts: [StartEvent], returns: [Work] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Work({ n: 1 }));
        ctx.sendEvent(new Work({ n: 2 }));
        return null;
      }
      @step({ accepts: [Work], returns: [StopEvent], numWorkers: 1 })
      async work(ctx: Context, ev: Work) {
        if (ev.n === 1) {
          const answer = await ctx.waitForEvent(HumanResponseEvent, {
            waiterEvent: new InputRequiredEvent({ prefix: 'ok?' }),
            requirements: { response: 'yes' },
          });
          return new StopEvent({ result: `approved ${answer.response}` });
        }
        await ctx.set('second ran', true);
        return null;
      }
    }
    const records: TraceRecord[] = [];
    const handler = new Waits({ timeout: 5 }).run({}, { clock: 'virtual', onTrace: (r) => records.push(r) });
    const questions: EventT[] = [];
    for await (const ev of handler.streamEvents()) {
      if (ev instanceof InputRequiredEvent) {
        questions.push(ev);
        await new Promise((resolve) => setTimeout(resolve, 5));
        handler.sendEvent(new HumanResponseEvent({ response: 'no' })); // does not match the requirements
        handler.sendEvent(new HumanResponseEvent({ response: 'yes' }));
      }
    }
    expect(await handler).toBe('approved yes');
    expect(questions).toHaveLength(1);
    // The second Work ran while the first waited, although numWorkers is 1.
    expect(records.filter((r) => r.kind === 'state.changed')).toHaveLength(1);
    expect(records.filter((r) => r.kind === 'event.unhandled')).toHaveLength(1);
  });

  class Confirm extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent] })
    async ask(ctx: Context, _ev: StartEvent) {
      await ctx.set('asked', (await ctx.get<number>('asked', 0)) + 1);
      const answer = await ctx.waitForEvent(HumanResponseEvent, { waiterEvent: new InputRequiredEvent({ prefix: 'ok?' }) });
      return new StopEvent({ result: `${answer.response} after ${await ctx.get('asked')} runs of the code before the wait` });
    }
  }

  test('waitForEvent re-runs the step from the top: the first invocation ends waiting, the re-run is a new one', async () => {
    const records: TraceRecord[] = [];
    const handler = new Confirm({ timeout: 5 }).run({}, { clock: 'virtual', onTrace: (r) => records.push(r) });
    for await (const ev of handler.streamEvents()) {
      if (ev instanceof InputRequiredEvent) handler.sendEvent(new HumanResponseEvent({ response: 'yes' }));
    }
    expect(await handler).toBe('yes after 2 runs of the code before the wait');
    expect(ofKind(records, 'step.finished').map((r) => [r.invocation, r.status])).toEqual([
      [1, 'waiting'],
      [2, 'done'],
    ]);
    expect(ofKind(records, 'step.started').map((r) => [r.invocation, r.rerunOf])).toEqual([
      [1, undefined],
      [2, 1],
    ]);
    expect(ofKind(records, 'stream.published')).toHaveLength(2); // the question once, then the StopEvent
    expect(ofKind(records, 'wait.finished')).toMatchObject([{ step: 'ask', invocation: 1, type: 'HumanResponseEvent', event: 3 }]);
  });

  test('an answer sent before the step reaches waitForEvent is not lost', async () => {
    class Late extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async late(ctx: Context, _ev: StartEvent) {
        await sleep(1);
        const answer = await ctx.waitForEvent(HumanResponseEvent);
        return new StopEvent({ result: answer.response });
      }
    }
    const handler = new Late({ timeout: 5 }).run({}, { clock: 'virtual' });
    handler.sendEvent(new HumanResponseEvent({ response: 'early' }));
    expect(await handler).toBe('early');
  });

  test('a wait that times out runs the step again, and the wait then throws the library\'s TimeoutError message', async () => {
    class Times extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async waits(ctx: Context, _ev: StartEvent) {
        try {
          await ctx.waitForEvent(Work, { timeout: 2 });
        } catch (error) {
          if (error instanceof WorkflowTimeoutError) return new StopEvent({ result: error.message });
          throw error;
        }
        return new StopEvent({ result: 'arrived' });
      }
    }
    const run = await record(new Times({ timeout: 10 }));
    expect(run.result).toBe('Timed out waiting for Work');
    expect(ofKind(run.records, 'step.finished').map((r) => r.status)).toEqual(['waiting', 'done']);
    expect(ofKind(run.records, 'wait.finished')).toMatchObject([{ t: 2000, event: null }]);
  });

  test('the awaited event still reaches other steps that accept it, not the step that waited', async () => {
    class Both extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async waiter(ctx: Context, _ev: StartEvent) {
        const w = await ctx.waitForEvent(Work);
        return new StopEvent({ result: `waiter got ${w.n}, listener saw ${await ctx.get('seen', 0)}` });
      }
      @step({ accepts: [Work], returns: [] })
      async listener(ctx: Context, ev: Work) {
        await ctx.set('seen', ev.n);
        return null;
      }
    }
    const handler = new Both({ timeout: 5, validate: false }).run({}, { clock: 'real' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    handler.sendEvent(new Work({ n: 7 }));
    expect(await handler).toBe('waiter got 7, listener saw 7');
  });
});
