// Ported from the library's tests/context/test_context.py (the state tests): each `it` is named after
// the test it comes from.
import { describe, expect, it } from 'vitest';
import {
  Context,
  Event,
  HumanResponseEvent,
  InputRequiredEvent,
  StartEvent,
  StopEvent,
  Workflow,
  WorkflowCancelledError,
  WorkflowRuntimeError,
  step,
  type TraceRecord,
} from 'flowplay';
import { AnotherTestEvent, DummyWorkflow, LastEvent, OneTestEvent } from './conftest.ts';
import { runToEnd, withStepStore } from './workflowTestRunner.ts';

describe('context state', () => {
  it('test_get_default', async () => {
    await withStepStore(async (store) => expect(await store.get('test_key', 42)).toBe(42));
  });

  it('test_get', async () => {
    await withStepStore(async (store) => {
      await store.set('foo', 42);
      expect(await store.get('foo')).toBe(42);
    });
  });

  it('test_get_not_found', async () => {
    await withStepStore(async (store) => {
      await expect(store.get('foo')).rejects.toThrow("Key 'foo' not found in Context");
    });
  });

  it('test_clear', async () => {
    await withStepStore(async (store) => {
      await store.set('test_key', 42);
      await store.clear();
      expect(await store.get('test_key', null)).toBeNull();
    });
  });
});

class SimpleWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async only(_ev: StartEvent) {
    return new StopEvent({ result: 'done' });
  }
}

describe('context before, between and after runs', () => {
  it('test_store_access_outside_step_works', async () => {
    const handler = new SimpleWorkflow().run();
    const store = handler.ctx.store;
    await store.set('key', 'value');
    expect(await store.get('key')).toBe('value');
    await handler;
  });

  it('test_store_access_before_run_works', async () => {
    const ctx = new Context(new SimpleWorkflow());
    await ctx.store.set('key', 'value');
    expect(await ctx.store.get('key')).toBe('value');
  });

  it('test_store_seed_before_run_visible_in_step', async () => {
    class SeededWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async readSeed(ctx: Context, _ev: StartEvent) {
        return new StopEvent({ result: await ctx.store.get('seeded_key') });
      }
    }
    const wf = new SeededWorkflow();
    const ctx = new Context(wf);
    await ctx.store.set('seeded_key', 'hello');
    expect(await wf.run({ ctx })).toBe('hello');
  });

  it('test_store_seed_on_deserialized_context', async () => {
    class StatefulWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async firstStep(_ctx: Context, _ev: StartEvent) {
        return new StopEvent({ result: 'done' });
      }
    }
    class ReadWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async check(ctx: Context, _ev: StartEvent) {
        return new StopEvent({ result: `${await ctx.store.get('existing')}-${await ctx.store.get('added')}` });
      }
    }
    const wf = new StatefulWorkflow();
    const ctx = new Context(wf);
    await ctx.store.set('existing', 'orig');
    await wf.run({ ctx });
    // Through JSON text, as a saved file would carry it; the workflow name is the reader's.
    const saved = { ...JSON.parse(JSON.stringify(ctx.toDict())), workflow: 'ReadWorkflow' };
    const readWf = new ReadWorkflow();
    const restored = Context.fromDict(readWf, saved);
    await restored.store.set('added', 'new');
    expect(await readWf.run({ ctx: restored })).toBe('orig-new');
  });

  it('test_store_continuation_with_pre_run_seeding', async () => {
    class CountWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async increment(ctx: Context, _ev: StartEvent) {
        const count = (await ctx.store.get('count', 0)) + 1;
        await ctx.store.set('count', count);
        return new StopEvent({ result: count });
      }
    }
    const wf = new CountWorkflow();
    const ctx = new Context(wf);
    await ctx.store.set('count', 10);
    expect(await wf.run({ ctx })).toBe(11);
    expect(await wf.run({ ctx })).toBe(12);
  });

  it('test_to_dict_before_run_raises', () => {
    expect(() => new Context(new SimpleWorkflow()).toDict()).toThrow(WorkflowRuntimeError);
    expect(() => new Context(new SimpleWorkflow()).toDict()).toThrow(/requires a running workflow/);
  });

  it('test_wait_for_event_in_workflow_serialization', async () => {
    class Message extends Event<{ msg: string }> {}
    let runs = 0;
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step1(ctx: Context, _ev: StartEvent) {
        runs++;
        const result = await ctx.waitForEvent(Message, { waiterEvent: new Message({ msg: 'foo' }) });
        return new StopEvent({ result: result.msg });
      }
    }
    const workflow = new TestWorkflow({ timeout: 5 });
    const handler = workflow.run();
    let saved: unknown = null;
    for await (const ev of handler.streamEvents()) {
      if (ev instanceof Message && ev.msg === 'foo') {
        saved = JSON.parse(JSON.stringify(handler.ctx.toDict()));
        expect(saved).toMatchObject({ version: 1, running: true, work: [{ step: 'step1', type: 'StartEvent' }] });
        handler.cancel();
        break;
      }
    }
    await expect(handler).rejects.toBeInstanceOf(WorkflowCancelledError);

    const newHandler = workflow.run({ ctx: Context.fromDict(workflow, saved) });
    // The waiting step runs again from its start and asks again; then the answer resumes it.
    for await (const ev of newHandler.streamEvents()) {
      if (ev instanceof Message && ev.msg === 'foo') {
        newHandler.ctx.sendEvent(new Message({ msg: 'bar' }));
      }
    }
    expect(await newHandler).toBe('bar');
    // Before the cancel, then on resuming (it asks again), then the re-run the answer causes.
    expect(runs).toBe(3);
  });
});

describe('a context inside a run', () => {
  it('test_collect_events', async () => {
    const ev1 = new OneTestEvent();
    const ev2 = new AnotherTestEvent();
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async step1(_: StartEvent) {
        return ev1;
      }
      @step({ accepts: [StartEvent], returns: [AnotherTestEvent] })
      async step2(_: StartEvent) {
        return ev2;
      }
      @step({ accepts: [OneTestEvent, AnotherTestEvent], returns: [StopEvent] })
      async step3(ctx: Context, ev: OneTestEvent | AnotherTestEvent) {
        const events = ctx.collectEvents(ev, [OneTestEvent, AnotherTestEvent]);
        return events ? new StopEvent({ result: events }) : null;
      }
    }
    expect((await runToEnd(new TestWorkflow())).result).toEqual([ev1, ev2]);
  });

  it('test_collect_events_empty_expected_list', async () => {
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async startStep(ctx: Context, ev: StartEvent) {
        return new StopEvent({ result: ctx.collectEvents(ev, []) });
      }
    }
    expect((await runToEnd(new TestWorkflow())).result).toEqual([]);
  });

  it('test_collect_events_with_extra_event_type', async () => {
    let calls = 0;
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent, AnotherTestEvent, LastEvent] })
      async startStep(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new LastEvent());
        ctx.sendEvent(new OneTestEvent({ testParam: 'first' }));
        ctx.sendEvent(new AnotherTestEvent({ anotherTestParam: 'second' }));
        return null;
      }
      @step({ accepts: [OneTestEvent, AnotherTestEvent, LastEvent], returns: [StopEvent] })
      async collector(ctx: Context, ev: OneTestEvent | AnotherTestEvent | LastEvent) {
        calls++;
        const events = ctx.collectEvents(ev, [OneTestEvent, AnotherTestEvent]);
        if (!events) return null;
        expect(events).toHaveLength(2);
        expect((events[0] as OneTestEvent).testParam).toBe('first');
        expect((events[1] as AnotherTestEvent).anotherTestParam).toBe('second');
        return new StopEvent({ result: 'collected' });
      }
    }
    expect((await runToEnd(new TestWorkflow())).result).toBe('collected');
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('test_send_event_step_is_none', async () => {
    const ev = new Event({ foo: 'bar' });
    class WaitingWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async waitForExternal(ctx: Context, _ev: StartEvent) {
        const result = await ctx.waitForEvent(Event, { requirements: { foo: 'bar' } });
        return new StopEvent({ result: (result as Event & { foo: string }).foo });
      }
    }
    const records: TraceRecord[] = [];
    const handler = new WaitingWorkflow().run({}, { onTrace: (r) => records.push(r) });
    // Sent at once, before the step has reached its wait.
    handler.sendEvent(ev);
    expect(records).toContainEqual(expect.objectContaining({ kind: 'event.emitted', via: 'external', target: null }));
    expect(await handler).toBe('bar');
  });

  it('test_send_event_to_non_existent_step', async () => {
    class Nowhere extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Event(), 'does_not_exist');
        return new StopEvent();
      }
    }
    await expect(new Nowhere().run()).rejects.toThrow(new WorkflowRuntimeError('Step does_not_exist does not exist'));
  });

  it('test_send_event_to_wrong_step', async () => {
    class Wrong extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async startStep(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Event(), 'middleStep');
        return new OneTestEvent();
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async middleStep(_ev: OneTestEvent) {
        return new StopEvent();
      }
    }
    await expect(new Wrong().run()).rejects.toThrow(new WorkflowRuntimeError('Step middleStep does not accept event of type Event'));
  });

  it('test_empty_inprogress_when_workflow_done', async () => {
    const records: TraceRecord[] = [];
    await new DummyWorkflow().run({}, { onTrace: (r) => records.push(r) });
    const started = records.filter((r) => r.kind === 'step.started').map((r) => (r as { invocation: number }).invocation);
    const ended = new Set(records.filter((r) => r.kind === 'step.finished' || r.kind === 'step.failed').map((r) => (r as { invocation: number }).invocation));
    expect(started.filter((id) => !ended.has(id))).toEqual([]);
  });

  it('test_wait_for_event_in_workflow', async () => {
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step1(ctx: Context, _ev: StartEvent) {
        const result = await ctx.waitForEvent(Event, { waiterEvent: new Event({ msg: 'foo' }), waiterId: 'test_id' });
        return new StopEvent({ result: (result as Event & { msg: string }).msg });
      }
    }
    const handler = new TestWorkflow().run();
    for await (const ev of handler.streamEvents()) {
      if ((ev as { msg?: string }).msg === 'foo') {
        handler.sendEvent(new Event({ msg: 'bar' }));
        break;
      }
    }
    expect(await handler).toBe('bar');
  });

  it('test_wait_for_multiple_events_in_workflow', async () => {
    class Waiter1 extends Event<{ msg: string }> {}
    class Waiter2 extends Event<{ msg: string }> {}
    class ResultEvent extends Event<{ result: string }> {}
    class WaitingWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [Waiter1, Waiter2] })
      async spawnWaiters(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Waiter1({ msg: 'foo' }));
        ctx.sendEvent(new Waiter2({ msg: 'bar' }));
        return null;
      }
      @step({ accepts: [Waiter1], returns: [ResultEvent] })
      async waiterOne(ctx: Context, _ev: Waiter1) {
        ctx.writeEventToStream(new InputRequiredEvent({ prefix: 'waiter_one' }));
        const newEv = await ctx.waitForEvent(HumanResponseEvent, { requirements: { waiter_id: 'waiter_one' } });
        return new ResultEvent({ result: newEv.response });
      }
      @step({ accepts: [Waiter2], returns: [ResultEvent] })
      async waiterTwo(ctx: Context, _ev: Waiter2) {
        ctx.writeEventToStream(new InputRequiredEvent({ prefix: 'waiter_two' }));
        const newEv = await ctx.waitForEvent(HumanResponseEvent, { requirements: { waiter_id: 'waiter_two' } });
        return new ResultEvent({ result: newEv.response });
      }
      @step({ accepts: [ResultEvent], returns: [StopEvent] })
      async collectWaiters(ctx: Context, ev: ResultEvent) {
        const events = ctx.collectEvents<ResultEvent>(ev, [ResultEvent, ResultEvent]);
        return events ? new StopEvent({ result: events.map((e) => e.result) }) : null;
      }
    }
    const handler = new WaitingWorkflow().run();
    for await (const ev of handler.streamEvents()) {
      // Each step writes its question again when it runs from the top; answer each once.
      if (ev instanceof InputRequiredEvent && ev.prefix === 'waiter_one') handler.sendEvent(new HumanResponseEvent({ response: 'foo', waiter_id: 'waiter_one' }));
      else if (ev instanceof InputRequiredEvent && ev.prefix === 'waiter_two') handler.sendEvent(new HumanResponseEvent({ response: 'bar', waiter_id: 'waiter_two' }));
    }
    expect([...((await handler) as string[])].sort()).toEqual(['bar', 'foo']);
    expect(handler.status).toBe('stopped');
  });
});
