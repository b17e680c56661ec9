// The smaller parts of the 2.x API the library's tests touch, each `it` named after the test it comes
// from: tests/test_workflow_naming.py, test_event.py (dict access), test_workflow.py
// (test_workflow_run_num_concurrent), context/test_context.py (get_step_context) and
// runtime/test_control_loop.py (the idle event).
import { describe, expect, it } from 'vitest';
import {
  Context,
  Event,
  HumanResponseEvent,
  StartEvent,
  StopEvent,
  Workflow,
  WorkflowIdleEvent,
  WorkflowRuntimeError,
  sleep,
  step,
} from 'flowplay';

class SimpleWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async start(_ev: StartEvent) {
    return new StopEvent({ result: 'done' });
  }
}

describe('workflowName (test_workflow_naming.py)', () => {
  it('test_explicit_name', () => {
    expect(new SimpleWorkflow({ workflowName: 'my-custom-name' }).workflowName).toBe('my-custom-name');
  });

  it('test_default_name_is_module_qualified', () => {
    // A class in a TypeScript file has no module path to add: the default is the class name.
    expect(new SimpleWorkflow().workflowName).toBe('SimpleWorkflow');
  });

  it('test_explicit_name_overrides_default', () => {
    const create = () => {
      class LocalWorkflow extends Workflow {
        @step({ accepts: [StartEvent], returns: [StopEvent] })
        async start(_ev: StartEvent) {
          return new StopEvent({ result: 'done' });
        }
      }
      return new LocalWorkflow({ workflowName: 'explicit-name' });
    };
    expect(create().workflowName).toBe('explicit-name');
  });
});

class TestEvent extends Event<{ param: string }> {}

describe('dict-style access on events (test_event.py)', () => {
  it('test_event_not_a_field', () => {
    const ev = new TestEvent({ param: 'foo', notAField: 'bar' } as { param: string });
    expect(ev.get('notAField')).toBe('bar');
    (ev as unknown as Record<string, unknown>)['notAField'] = 'barbaz';
    expect(ev.get('notAField')).toBe('barbaz');
  });

  it('test_event_dict_api', () => {
    const ev = new TestEvent({ param: 'foo' });
    expect(ev.get('param')).toBe('foo');
    expect(ev.get('missing')).toBeUndefined();
    expect(ev.get('missing', 42)).toBe(42);
    expect(ev.has('param')).toBe(true);
    expect(ev.has('missing')).toBe(false);
    (ev as unknown as Record<string, unknown>)['aNewKey'] = 'bar';
    // Every field is a field in TypeScript: the library's dict holds only the undeclared ones.
    expect(ev.toDict()).toEqual({ param: 'foo', aNewKey: 'bar' });
    expect(Object.keys(ev)).toEqual(['param', 'aNewKey']);
  });
});

describe('numConcurrentRuns (test_workflow.py)', () => {
  const concurrentRuns = async (numConcurrentRuns?: number) => {
    let active = 0;
    const history: number[] = [];
    class DummyWorkflowForConcurrentRunsTest extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step(ev: StartEvent) {
        active++;
        history.push(active);
        await sleep(0.1);
        active--;
        return new StopEvent({ result: `Run ${ev.runNum}: Done` });
      }
    }
    const workflow = new DummyWorkflowForConcurrentRunsTest({ numConcurrentRuns });
    const results = await Promise.all([1, 2, 3, 4].map((runNum) => workflow.run({ runNum })));
    expect(results).toEqual(['Run 1: Done', 'Run 2: Done', 'Run 3: Done', 'Run 4: Done']);
    return Math.max(...history);
  };

  it('test_workflow_run_num_concurrent (limited to 1)', async () => {
    expect(await concurrentRuns(1)).toBe(1);
  });

  it('test_workflow_run_num_concurrent (not limited)', async () => {
    expect(await concurrentRuns()).toBeGreaterThan(1);
  });

  it('a limit that is not a whole number above 0 is refused', () => {
    expect(() => new SimpleWorkflow({ numConcurrentRuns: 0 })).toThrow('numConcurrentRuns must be a whole number above 0 or null, got 0.');
  });
});

describe('Context.getStepContext() (context/test_context.py)', () => {
  it('test_get_step_context_inside_step', async () => {
    class Ping extends Event {}
    const seen: string[] = [];
    // A helper that is not handed the step's ctx, as a decorator around a step would be.
    const announce = () => Context.getStepContext().writeEventToStream(new Ping());
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async start(_ev: StartEvent) {
        announce();
        return new StopEvent({ result: 'ok' });
      }
    }
    const handler = new Flow().run();
    for await (const ev of handler.streamEvents()) seen.push(ev.constructor.name);
    expect(await handler).toBe('ok');
    expect(seen).toEqual(['Ping', 'StopEvent']);
  });

  it('test_get_step_context_outside_step_raises', () => {
    expect(() => Context.getStepContext()).toThrow(WorkflowRuntimeError);
  });
});

describe('WorkflowIdleEvent (runtime/test_control_loop.py)', () => {
  class ExternalEvent extends HumanResponseEvent {}
  class IdleTrackingWorkflow extends Workflow {
    @step({ accepts: [StartEvent], returns: [] })
    async start(_ev: StartEvent) {
      return null;
    }
    @step({ accepts: [ExternalEvent], returns: [StopEvent] })
    async finish(ev: ExternalEvent) {
      return new StopEvent({ result: `received_${ev.response}` });
    }
  }

  it('test_control_loop_emits_idle_event_when_waiting', async () => {
    const handler = new IdleTrackingWorkflow({ timeout: 2, validate: false }).run();
    const seen: string[] = [];
    for await (const ev of handler.streamEvents({ exposeInternal: true })) {
      seen.push(ev.constructor.name);
      if (ev instanceof WorkflowIdleEvent) handler.sendEvent(new ExternalEvent({ response: 'test' }));
    }
    expect(await handler).toBe('received_test');
    expect(seen).toEqual(['WorkflowIdleEvent', 'StopEvent']);
  });

  it('without exposeInternal the stream carries no idle event', async () => {
    const handler = new IdleTrackingWorkflow({ timeout: 2, validate: false }).run();
    const seen: string[] = [];
    setTimeout(() => handler.sendEvent(new ExternalEvent({ response: 'late' })), 20);
    for await (const ev of handler.streamEvents()) seen.push(ev.constructor.name);
    expect(seen).toEqual(['StopEvent']);
  });
});
