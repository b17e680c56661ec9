/**
 * Port of llama-agents-integration-tests/tests/test_runtime_matrix.py: the behaviour every runtime of
 * the library must share, run here on Flowplay's one engine. Typed-state tests belong to the 2.x API
 * port (see README.md).
 */
import { describe, expect, it } from 'vitest';
import {
  Context,
  Event,
  HumanResponseEvent,
  InputRequiredEvent,
  StartEvent,
  StopEvent,
  Workflow,
  WorkflowTimeoutError,
  sleep,
  step,
} from 'flowplay';
import { ValueError } from './pythonErrors.ts';
import { AnotherTestEvent, DummyWorkflow, LastEvent, OneTestEvent } from './conftest.ts';
import { runToEnd } from './workflowTestRunner.ts';

class MyStart extends StartEvent {}
class MyStop extends StopEvent<undefined> {
  declare outcome: string;
}

class SlowWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async slow(_ev: StartEvent) {
    await sleep(5);
    return new StopEvent({ result: 'late' });
  }
}

class CustomEventsWorkflow extends Workflow {
  @step({ accepts: [MyStart], returns: [OneTestEvent] })
  async startStep(_ev: MyStart) {
    await sleep(0.05);
    return new OneTestEvent();
  }
  @step({ accepts: [OneTestEvent], returns: [LastEvent] })
  async middleStep(_ev: OneTestEvent) {
    return new LastEvent();
  }
  @step({ accepts: [LastEvent], returns: [MyStop] })
  async endStep(_ev: LastEvent) {
    return new MyStop({ outcome: 'Workflow completed' });
  }
}

class HITLWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [InputRequiredEvent] })
  async step1(ctx: Context, _ev: StartEvent) {
    await ctx.store.set('step1_runs', ((await ctx.store.get('step1_runs', 0)) as number) + 1);
    return new InputRequiredEvent({ prefix: 'Enter a number: ' });
  }
  @step({ accepts: [HumanResponseEvent], returns: [StopEvent] })
  async step2(ctx: Context, ev: HumanResponseEvent) {
    await ctx.store.set('step2_runs', ((await ctx.store.get('step2_runs', 0)) as number) + 1);
    return new StopEvent({ result: ev.response });
  }
}

class CounterWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async step(ctx: Context, _ev: StartEvent) {
    const next = ((await ctx.store.get('number', 0)) as number) + 1;
    await ctx.store.set('number', next);
    return new StopEvent({ result: next });
  }
}

describe('test_runtime_matrix.py (one runtime: the engine)', () => {
  it('test_workflow_run', async () => {
    expect((await runToEnd(new DummyWorkflow())).result).toBe('Workflow completed');
  });

  it('test_workflow_timeout', async () => {
    await expect(runToEnd(new SlowWorkflow({ timeout: 0.1 }))).rejects.toBeInstanceOf(WorkflowTimeoutError);
  });

  it('test_workflow_event_propagation', async () => {
    const events: string[] = [];
    class LocalEventTrackingWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async step1(_ev: StartEvent) {
        events.push('step1');
        return new OneTestEvent();
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async step2(_ev: OneTestEvent) {
        events.push('step2');
        return new StopEvent({ result: 'Done' });
      }
    }
    await runToEnd(new LocalEventTrackingWorkflow());
    expect(events).toEqual(['step1', 'step2']);
  });

  it('test_workflow_sync_async_steps', async () => {
    class SyncAsyncWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async asyncStep(_ev: StartEvent) {
        return new OneTestEvent();
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      syncStep(_ev: OneTestEvent) {
        return new StopEvent({ result: 'Done' });
      }
    }
    expect((await runToEnd(new SyncAsyncWorkflow())).result).toBe('Done');
  });

  it('test_workflow_sync_steps_only', async () => {
    class SyncWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      stepOne(ctx: Context, ev: StartEvent) {
        ctx.collectEvents(ev, [StartEvent]);
        return new OneTestEvent();
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      stepTwo(_ctx: Context, _ev: OneTestEvent) {
        return new StopEvent();
      }
    }
    await expect(runToEnd(new SyncWorkflow())).resolves.toMatchObject({ result: undefined });
  });

  it('test_workflow_multiple_runs', async () => {
    class MultiRunWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step(ev: StartEvent) {
        return new StopEvent({ result: ev.number * 2 });
      }
    }
    const wf = new MultiRunWorkflow();
    const results = await Promise.all([runToEnd(wf, new StartEvent({ number: 3 })), runToEnd(wf, new StartEvent({ number: 42 })), runToEnd(wf, new StartEvent({ number: -99 }))]);
    expect(new Set(results.map((r) => r.result))).toEqual(new Set([6, 84, -198]));
  });

  it('test_workflow_task_raises', async () => {
    class ErrorWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step(_ev: StartEvent): Promise<StopEvent> {
        throw new ValueError('The step raised an error!');
      }
    }
    await expect(runToEnd(new ErrorWorkflow())).rejects.toThrow(new ValueError('The step raised an error!'));
  });

  it('test_workflow_step_send_event', async () => {
    class StepSendEventWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async step1(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new OneTestEvent(), 'step2');
        return null;
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async step2(_ev: OneTestEvent) {
        return new StopEvent({ result: 'step2' });
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async step3(_ev: OneTestEvent) {
        return new StopEvent({ result: 'step3' });
      }
    }
    expect((await runToEnd(new StepSendEventWorkflow())).result).toBe('step2');
  });

  it('test_workflow_num_workers', async () => {
    const numWorkers = 5;
    const numEvents = 10;
    let current = 0;
    let maxConcurrent = 0;
    let arrived = 0;
    let release!: () => void;
    const barrier = new Promise<void>((resolve) => (release = resolve));
    class NumWorkersWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async fanOut(ctx: Context, _ev: StartEvent) {
        for (let i = 0; i < numEvents; i++) ctx.sendEvent(new OneTestEvent({ testParam: String(i) }));
        return null;
      }
      @step({ accepts: [OneTestEvent], returns: [AnotherTestEvent], numWorkers })
      async workerStep(ev: OneTestEvent) {
        current++;
        maxConcurrent = Math.max(maxConcurrent, current);
        if (++arrived === numWorkers) release();
        await barrier;
        current--;
        return new AnotherTestEvent({ anotherTestParam: ev.testParam });
      }
      @step({ accepts: [AnotherTestEvent], returns: [StopEvent] })
      async collectStep(ctx: Context, ev: AnotherTestEvent) {
        const events = ctx.collectEvents<AnotherTestEvent>(ev, Array(numEvents).fill(AnotherTestEvent));
        return events ? new StopEvent({ result: events.map((e) => e.anotherTestParam) }) : null;
      }
    }
    const r = await runToEnd<string[]>(new NumWorkersWorkflow({ timeout: 10 }));
    expect(r.result).toHaveLength(numEvents);
    expect(new Set(r.result)).toEqual(new Set(Array.from({ length: numEvents }, (_, i) => String(i))));
    expect(maxConcurrent).toBe(numWorkers);
  });

  it('test_custom_stop_event', async () => {
    const wf = new CustomEventsWorkflow();
    const plan = (await import('flowplay')).planOf(CustomEventsWorkflow);
    expect(plan.startClass).toBe(MyStart);
    expect(plan.stopClass).toBe(MyStop);
    const result = (await wf.run({ query: 'foo' })) as MyStop;
    expect(result.outcome).toBe('Workflow completed');
    const again = (await wf.run({ query: 'foo' })) as MyStop;
    expect(again.outcome).toBe('Workflow completed');
    const r = await runToEnd(wf, new MyStart({ query: 'foo' }), { excludeEvents: [] });
    expect(r.collected.length).toBeGreaterThan(0);
  });

  it('test_human_in_the_loop', async () => {
    // Without anyone answering, the run times out.
    await expect(runToEnd(new HITLWorkflow({ timeout: 0.01 }))).rejects.toBeInstanceOf(WorkflowTimeoutError);
    const handler = new HITLWorkflow().run();
    for await (const ev of handler.streamEvents()) {
      if (ev instanceof InputRequiredEvent) {
        expect(ev.prefix).toBe('Enter a number: ');
        handler.sendEvent(new HumanResponseEvent({ response: '42' }));
      }
    }
    expect(await handler).toBe('42');
  });

  it('test_workflow_stream_events_exits', async () => {
    const handler = new CustomEventsWorkflow().run({ query: 'foo' });
    for await (const _ev of handler.streamEvents()) continue;
    expect(((await handler) as MyStop).outcome).toBe('Workflow completed');
  });

  it('test_streaming_e2e', async () => {
    class StreamWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async chat(ctx: Context, _ev: StartEvent) {
        for (const w of 'Paul Graham is a British-American computer scientist, entrepreneur, vc, and writer.'.split(' ')) {
          ctx.writeEventToStream(new Event({ msg: w }));
        }
        return new StopEvent({ result: null });
      }
    }
    const r = await runToEnd(new StreamWorkflow());
    expect(r.collected.length).toBe(11);
    expect(r.collected.every((ev) => 'msg' in ev)).toBe(true);
  });

  it('test_streaming_task_raised', async () => {
    class ErrorStreamingWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step(ctx: Context, _ev: StartEvent): Promise<StopEvent> {
        ctx.writeEventToStream(new OneTestEvent({ testParam: 'foo' }));
        throw new ValueError('The step raised an error!');
      }
    }
    const r = new ErrorStreamingWorkflow().run();
    for await (const ev of r.streamEvents()) {
      if (!(ev instanceof StopEvent)) expect((ev as OneTestEvent).testParam).toBe('foo');
    }
    await expect(r).rejects.toThrow(new ValueError('The step raised an error!'));
  });

  it('test_streaming_task_timeout', async () => {
    class TimeoutStreamingWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step(ctx: Context, _ev: StartEvent) {
        ctx.writeEventToStream(new OneTestEvent({ testParam: 'foo' }));
        await sleep(2);
        return new StopEvent();
      }
    }
    const r = new TimeoutStreamingWorkflow({ timeout: 0.1 }).run();
    for await (const ev of r.streamEvents()) {
      if (!(ev instanceof StopEvent)) expect((ev as OneTestEvent).testParam).toBe('foo');
    }
    await expect(r).rejects.toThrow(/Operation timed out/);
  });

  it('test_workflow_state_basic', async () => {
    expect((await runToEnd(new CounterWorkflow())).result).toBe(1);
  });

  it('test_workflow_state_across_steps', async () => {
    class StatefulWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async step1(ctx: Context, _ev: StartEvent) {
        await ctx.store.set('step1_ran', true);
        await ctx.store.set('counter', 1);
        return new OneTestEvent();
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async step2(ctx: Context, _ev: OneTestEvent) {
        await ctx.store.set('step2_ran', true);
        await ctx.store.set('counter', ((await ctx.store.get('counter')) as number) + 1);
        return new StopEvent({ result: { counter: await ctx.store.get('counter') } });
      }
    }
    expect((await runToEnd(new StatefulWorkflow())).result).toEqual({ counter: 2 });
  });

  it('test_workflow_nested_state', async () => {
    class NestedStateWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async process(ctx: Context, _ev: StartEvent) {
        await ctx.store.set('user', { name: 'Alice', profile: { level: 1 } });
        await ctx.store.set('user.profile.level', 2);
        return new StopEvent({ result: { name: await ctx.store.get('user.name'), level: await ctx.store.get('user.profile.level') } });
      }
    }
    expect((await runToEnd(new NestedStateWorkflow())).result).toEqual({ name: 'Alice', level: 2 });
  });

  it('test_workflow_state_multiple_runs', async () => {
    const wf = new CounterWorkflow();
    const results = await Promise.all([runToEnd(wf), runToEnd(wf), runToEnd(wf)]);
    expect(results.map((r) => r.result)).toEqual([1, 1, 1]);
  });
});
