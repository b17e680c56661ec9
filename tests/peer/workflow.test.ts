/**
 * Port of llama-index-workflows/tests/test_workflow.py. What is left out, and why, is in README.md.
 */
import { describe, expect, it } from 'vitest';
import {
  Context,
  Event,
  StartEvent,
  StopEvent,
  Workflow,
  WorkflowRuntimeError,
  WorkflowValidationError,
  declareFields,
  planOf,
  step,
  type TraceRecord,
} from 'flowplay';
import { runToEnd } from './workflowTestRunner.ts';

class OneTestEvent extends Event<{ testParam?: string }> {}
class MyStart extends StartEvent {}
class MyStop extends StopEvent<undefined> {
  declare outcome: string;
}

class DummyWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [OneTestEvent] })
  async startStep(_ev: StartEvent) {
    return new OneTestEvent();
  }
  @step({ accepts: [OneTestEvent], returns: [StopEvent] })
  async endStep(_ev: OneTestEvent) {
    return new StopEvent({ result: 'Workflow completed' });
  }
}

describe('test_workflow.py', () => {
  it('test_workflow_initialization', () => {
    const wf = new DummyWorkflow();
    expect(wf.timeout).toBe(45);
    expect(wf.validation).toBe(true);
    expect(wf.verbose).toBe(false);
  });

  it('test_workflow_validation_unproduced_events', () => {
    class InvalidWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [] })
      async invalidStep(_ev: StartEvent) {}
    }
    expect(() => new InvalidWorkflow()).toThrow('At least one Event of type StopEvent must be returned by any step.');
  });

  it('test_workflow_validation_unconsumed_events', async () => {
    class InvalidWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async invalidStep(_ev: StartEvent) {
        return new OneTestEvent();
      }
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async aStep(_ev: StartEvent) {
        return new StopEvent();
      }
    }
    // The library raises when the run starts; Flowplay already when the workflow is built.
    await expect(async () => runToEnd(new InvalidWorkflow())).rejects.toThrow(
      new WorkflowValidationError('The following events are produced but never consumed: OneTestEvent'),
    );
  });

  it('test_workflow_validation_start_event_not_consumed', () => {
    class InvalidWorkflow extends Workflow {
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async aStep(_ev: OneTestEvent) {
        return new StopEvent();
      }
      @step({ accepts: [OneTestEvent], returns: [OneTestEvent] })
      async anotherStep(_ev: OneTestEvent) {
        return new OneTestEvent();
      }
    }
    expect(() => new InvalidWorkflow()).toThrow('At least one Event of type StartEvent must be received by any step.');
  });

  it('test_workflow_step_send_event_to_None', async () => {
    class StepSendEventToNoneWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [OneTestEvent] })
      async step1(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new OneTestEvent(), undefined);
        return null;
      }
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async step2(_ev: OneTestEvent) {
        return new StopEvent({ result: 'step2' });
      }
    }
    const records: TraceRecord[] = [];
    const result = await new StepSendEventToNoneWorkflow({ verbose: true }).run({}, { log: () => {}, onTrace: (r) => records.push(r) });
    expect(result).toBe('step2');
    expect(records).toContainEqual(expect.objectContaining({ kind: 'event.emitted', type: 'OneTestEvent', via: 'send', target: null }));
  });

  it('test_workflow_step_returning_bogus', async () => {
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async step1(_ctx: Context, _ev: StartEvent) {
        return 'foo' as unknown as StopEvent;
      }
    }
    await expect(runToEnd(new TestWorkflow())).rejects.toThrow(
      new WorkflowRuntimeError('Step function step1 returned string instead of an Event instance.'),
    );
  });

  it('test_workflow_disable_validation', async () => {
    // A workflow that fails a check other than the one-start/one-stop rule still builds and runs.
    class Unconsumed extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent, OneTestEvent] })
      async step(_ev: StartEvent) {
        return new StopEvent({ result: 'ran' });
      }
    }
    expect(() => new Unconsumed()).toThrow(WorkflowValidationError);
    expect(await new Unconsumed({ validate: false }).run()).toBe('ran');
  });

  it('test_wrong_event_types', () => {
    class InvalidStopWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [] })
      async s(_ev: StartEvent) {}
    }
    class InvalidStartWorkflow extends Workflow {
      @step({ accepts: [OneTestEvent], returns: [StopEvent] })
      async s(_ev: OneTestEvent) {
        return new StopEvent();
      }
    }
    expect(() => new InvalidStopWorkflow()).toThrow('At least one Event of type StopEvent must be returned by any step.');
    expect(() => new InvalidStartWorkflow()).toThrow('At least one Event of type StartEvent must be received by any step.');
  });

  it('test__get_start_event_instance', async () => {
    class CustomEvent extends StartEvent {}
    class D extends Workflow {
      @step({ accepts: [CustomEvent], returns: [StopEvent] })
      async s(ev: CustomEvent) {
        return new StopEvent({ result: ev });
      }
    }
    // A start event instance is used as it is; field values build the workflow's start class.
    const e = new CustomEvent({ field: 'test' });
    expect(await new D().run(e)).toBe(e);
    const built = await new D().run({ field: 'test' });
    expect(built).toBeInstanceOf(CustomEvent);
    expect(built.field).toBe('test');
    // `field: str` on the pydantic model: the compiler declares it from `declare field: string`.
    declareFields(CustomEvent, { field: { kinds: ['string'] } });
    const err = `Failed creating a start event of type 'CustomEvent' with the keyword arguments: {"wrong_field":"test"}`;
    expect(() => new D().run({ wrong_field: 'test' })).toThrow(WorkflowRuntimeError);
    expect(() => new D().run({ wrong_field: 'test' })).toThrow(err);
  });

  it('test_run_with_invalid_start_event_raises', () => {
    class SimpleWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(_ev: StartEvent) {
        return new StopEvent({ result: 'done' });
      }
    }
    const wf = new SimpleWorkflow();
    expect(() => wf.run('not a StartEvent' as never)).toThrow("must be an instance of 'StartEvent'");
    expect(() => wf.run(42 as never)).toThrow("must be an instance of 'StartEvent'");
    expect(() => wf.run([{ topic: 'test' }] as never)).toThrow("must be an instance of 'StartEvent'");
    expect(() => wf.run(new OneTestEvent() as never)).toThrow("must be an instance of 'StartEvent'");
  });

  it('test__ensure_start_event_class_multiple_types', () => {
    class D extends Workflow {
      @step({ accepts: [MyStart], returns: [] })
      one(_ev: MyStart) {}
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      two(_ev: StartEvent) {
        return new StopEvent();
      }
    }
    expect(() => new D()).toThrow(/Only one type of StartEvent is allowed per workflow, found 2/);
  });

  it('test__ensure_stop_event_class_multiple_types', () => {
    class D extends Workflow {
      @step({ accepts: [MyStart], returns: [MyStop] })
      one(_ev: MyStart) {
        return new MyStop({ outcome: 'nope' });
      }
      @step({ accepts: [MyStart], returns: [StopEvent] })
      two(_ev: MyStart) {
        return new StopEvent();
      }
    }
    expect(() => new D()).toThrow(/Only one type of StopEvent is allowed per workflow, found 2/);
  });

  it('test_workflow_validation_steps_cannot_accept_stop_event', async () => {
    class InvalidWorkflowSingleStep extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async startStep(_ev: StartEvent) {
        return new StopEvent();
      }
      @step({ accepts: [StopEvent], returns: [StopEvent] })
      async badStep(_ev: StopEvent) {
        return new StopEvent();
      }
    }
    await expect(async () => runToEnd(new InvalidWorkflowSingleStep())).rejects.toThrow(
      "Step 'badStep' cannot accept StopEvent. StopEvent signals the end of the workflow. Use a different Event type instead.",
    );
  });

  it('test_workflow_validation_consumed_but_never_produced', () => {
    class OrphanEvent extends Event {}
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async a(_ev: StartEvent) {
        return new StopEvent({ result: 'ok' });
      }
      @step({ accepts: [OrphanEvent], returns: [StopEvent] })
      async b(_ev: OrphanEvent) {
        return new StopEvent({ result: 'never' });
      }
    }
    expect(() => new Flow({ validate: false }).validate()).toThrow(/consumed but never produced/);
  });

  it('test_unknown_skip_graph_check_name_invalid', () => {
    expect(() => new DummyWorkflow({ skipGraphChecks: ['not_a_check' as never] })).toThrow(/Unknown graph check names/);
  });

  it('test_get_workflow_events', () => {
    class D extends Workflow {
      @step({ accepts: [MyStart], returns: [MyStop] })
      one(_ev: MyStart) {
        return new MyStop({ outcome: 'nope' });
      }
    }
    const names = new D().events.map((e) => e.name);
    expect(names).toHaveLength(2);
    expect(names).toContain('MyStop');
    expect(names).toContain('MyStart');
  });

  it('test_workflow_error_no_steps_configured_message', () => {
    class Dummy extends Workflow {}
    expect(() => new Dummy()).toThrow(/Workflow 'Dummy' has no configured steps/);
  });

  it('test_missing_start_event_error_includes_class_name', () => {
    class Dummy extends Workflow {
      @step({ accepts: [Event], returns: [StopEvent] })
      bad(_ev: Event) {
        return new StopEvent();
      }
    }
    expect(() => new Dummy()).toThrow(/Workflow 'Dummy' has no @step that accepts StartEvent/);
  });

  it('test_missing_stop_event_error_includes_class_name', () => {
    class Dummy extends Workflow {
      @step({ accepts: [StartEvent], returns: [] })
      bad(_ev: StartEvent) {
        return null;
      }
    }
    expect(() => new Dummy()).toThrow(/Workflow 'Dummy' has no @step that returns StopEvent/);
  });

  it('test_inner_step_can_access_run_id_and_others_from_instrument_tags', async () => {
    let seen: string | null = null;
    class TagReadingWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async readTags(ctx: Context, _ev: StartEvent) {
        seen = ctx.runId;
        return new StopEvent();
      }
    }
    const handler = new TagReadingWorkflow().run();
    await handler;
    expect(handler.runId).toBeTruthy();
    expect(seen).toBe(handler.runId);
  });

  it('test_stop_event_cancels_concurrent_step_stream_write', async () => {
    class OtherEvent extends Event {}
    let stopProceed!: () => void;
    let writeProceed!: () => void;
    const stopGate = new Promise<void>((resolve) => (stopProceed = resolve));
    const writeGate = new Promise<void>((resolve) => (writeProceed = resolve));
    class ConcurrentStreamWriteWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async stopStep(_ev: StartEvent) {
        await stopGate;
        return new StopEvent({ result: 'done' });
      }
      @step({ accepts: [StartEvent], returns: [] })
      async otherStep(ctx: Context, _ev: StartEvent) {
        await writeGate;
        ctx.writeEventToStream(new OtherEvent());
        return null;
      }
    }
    const handler = new ConcurrentStreamWriteWorkflow({ timeout: 5 }).run();
    await new Promise((resolve) => setTimeout(resolve, 5));
    stopProceed();
    await Promise.resolve();
    writeProceed();
    const events: Event[] = [];
    for await (const ev of handler.streamEvents()) {
      events.push(ev);
      if (ev instanceof StopEvent) break;
    }
    await handler;
    expect(events.filter((e) => e instanceof OtherEvent)).toHaveLength(0);
  });

  it('test_graph_validation_unreachable_step_raises', () => {
    class ProcessedEvent extends Event {}
    class IslandEvent extends Event {}
    class UnreachableStepWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [ProcessedEvent] })
      async entry(_ev: StartEvent) {
        return new ProcessedEvent();
      }
      @step({ accepts: [ProcessedEvent], returns: [StopEvent] })
      async finish(_ev: ProcessedEvent) {
        return new StopEvent({ result: 'done' });
      }
      @step({ accepts: [IslandEvent], returns: [IslandEvent] })
      async island(_ev: IslandEvent) {
        return new IslandEvent();
      }
    }
    expect(() => new UnreachableStepWorkflow()).toThrow(/Unreachable steps/);
  });

  it('test_graph_validation_accumulates_multiple_errors', () => {
    class CycleA extends Event {}
    class CycleB extends Event {}
    class IslandEvent extends Event {}
    class MultiErrorWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [CycleA, StopEvent] })
      async cycleEntry(_ev: StartEvent) {
        return new CycleA();
      }
      @step({ accepts: [CycleA], returns: [CycleB] })
      async loop1(_ev: CycleA) {
        return new CycleB();
      }
      @step({ accepts: [CycleB], returns: [CycleA] })
      async loop2(_ev: CycleB) {
        return new CycleA();
      }
      @step({ accepts: [IslandEvent], returns: [IslandEvent] })
      async island(_ev: IslandEvent) {
        return new IslandEvent();
      }
    }
    let message = '';
    try {
      new MultiErrorWorkflow();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Graph validation failed/);
    expect(message).toContain('[reachability]');
    expect(message).toContain('[dead_end]');
  });
  it('test_add_step', () => {
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [] })
      fooStep(_ev: StartEvent) {}
    }
    expect(() =>
      step({ workflow: TestWorkflow, accepts: [StartEvent], returns: [] })(function fooStep(_ev: StartEvent) {}),
    ).toThrow('A step fooStep is already part of this workflow, please choose another name.');
  });

  it('test_add_step_not_a_step', () => {
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [] })
      aSte(_ev: StartEvent) {}
    }
    function anotherStep(_ev: StartEvent) {}
    expect(() => TestWorkflow.addStep(anotherStep)).toThrow('Step function anotherStep is missing the `@step` decorator.');
  });

  it('test_validation_cache_invalidated_on_add_step', async () => {
    class AddStepCacheWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async entry(_ev: StartEvent) {
        return new StopEvent({ result: 'done' });
      }
    }
    const wf = new AddStepCacheWorkflow();
    expect(await wf.run()).toBe('done');
    const before = planOf(AddStepCacheWorkflow);
    step({ workflow: AddStepCacheWorkflow, accepts: [StartEvent], returns: [StopEvent] })(async function extraStep(_ev: StartEvent) {
      return new StopEvent({ result: 'extra' });
    });
    // The next run works from the new plan, checked again.
    expect(planOf(AddStepCacheWorkflow)).not.toBe(before);
    expect(planOf(AddStepCacheWorkflow).steps.map((s) => s.name)).toEqual(['entry', 'extraStep']);
    expect(['done', 'extra']).toContain(await wf.run());
    // A step that breaks the graph is caught by the workflow built before it, at its next run.
    step({ workflow: AddStepCacheWorkflow, accepts: [StartEvent], returns: [OneTestEvent] })(function orphan(_ev: StartEvent) {
      return new OneTestEvent();
    });
    expect(() => wf.run()).toThrow('The following events are produced but never consumed: OneTestEvent');
  });
});
