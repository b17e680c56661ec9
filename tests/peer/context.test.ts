// Ported from the library's tests/context/test_context.py (the state tests): each `it` is named after
// the test it comes from.
import { describe, expect, it } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, WorkflowCancelledError, WorkflowRuntimeError, step, type ContextStore } from 'flowplay';

async function inStep(body: (store: ContextStore) => Promise<void>): Promise<void> {
  class Flow extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent] })
    async only(ctx: Context, _ev: StartEvent) {
      await body(ctx.store);
      return new StopEvent();
    }
  }
  await new Flow().run({}, { clock: 'virtual' });
}

describe('context state', () => {
  it('test_get_default', async () => {
    await inStep(async (store) => expect(await store.get('test_key', 42)).toBe(42));
  });

  it('test_get', async () => {
    await inStep(async (store) => {
      await store.set('foo', 42);
      expect(await store.get('foo')).toBe(42);
    });
  });

  it('test_get_not_found', async () => {
    await inStep(async (store) => {
      await expect(store.get('foo')).rejects.toThrow("Key 'foo' not found in Context");
    });
  });

  it('test_clear', async () => {
    await inStep(async (store) => {
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
    expect(runs).toBe(2);
  });
});
