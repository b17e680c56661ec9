// Ported from the library's tests/test_catch_error.py: each `it` is named after the test it comes from.
import { describe, expect, it } from 'vitest';
import {
  Context,
  Event,
  StartEvent,
  StepFailedEvent,
  StopEvent,
  Workflow,
  WorkflowRuntimeError,
  WorkflowTimeoutError,
  WorkflowValidationError,
  catchError,
  retryAlways,
  retryPolicy,
  sleep,
  step,
  stepOfError,
  stopAfterAttempt,
  waitFixed,
  type RetryInfo,
} from 'flowplay';
import { RuntimeError, ValueError } from './pythonErrors.ts';
import { rejectionOf } from './workflowTestRunner.ts';

const retry = (attempts: number) => retryPolicy({ retry: retryAlways(), wait: waitFixed(0), stop: stopAfterAttempt(attempts) });

/** Steps `a` (StartEvent -> BEvent) and `b` (BEvent -> StopEvent) that always fail, for handlers to be added to. */
function twoFailingSteps(aMessage: string, bMessage: string) {
  class TwoFailing extends Workflow {
    @step({ accepts: [StartEvent], returns: [BEvent], retryPolicy: retry(1) })
    async a(_ev: StartEvent): Promise<BEvent> {
      throw new RuntimeError(aMessage);
    }
    @step({ accepts: [BEvent], returns: [StopEvent], retryPolicy: retry(1) })
    async b(_ev: BEvent): Promise<StopEvent> {
      throw new RuntimeError(bMessage);
    }
  }
  return TwoFailing;
}

/** A step that always fails (RuntimeError `primary`) and a catch-all handler that fails too (ValueError `own`). */
function handlerThatFails(primary: string, own: string): Workflow {
  class Flow extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(1) })
    async flaky(_ev: StartEvent): Promise<StopEvent> {
      throw new RuntimeError(primary);
    }
    @catchError({ returns: [StopEvent] })
    async handler(_ctx: Context, _ev: StepFailedEvent): Promise<StopEvent> {
      throw new ValueError(own);
    }
  }
  return new Flow({ timeout: 5 });
}

describe('retryInfo()', () => {
  it('test_retry_info_defaults_on_first_attempt', async () => {
    let info: RetryInfo | undefined;
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async first(ctx: Context, _ev: StartEvent) {
        info = ctx.retryInfo();
        return new StopEvent({ result: 'ok' });
      }
    }
    await new Flow({ timeout: 5 }).run();
    expect(info).toEqual({ retryNumber: 0, elapsedSeconds: 0, lastException: null, lastFailedAt: null });
  });

  it('test_retry_info_after_failure_populated', async () => {
    const observed: RetryInfo[] = [];
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(3) })
      async flaky(ctx: Context, _ev: StartEvent) {
        const info = ctx.retryInfo();
        observed.push(info);
        if (info.retryNumber < 1) throw new ValueError('boom');
        return new StopEvent({ result: 'ok' });
      }
    }
    expect(await new Flow({ timeout: 5 }).run()).toBe('ok');
    expect(observed[0]).toMatchObject({ retryNumber: 0, lastException: null, lastFailedAt: null });
    expect(observed[1]!.retryNumber).toBe(1);
    expect(observed[1]!.elapsedSeconds).toBeGreaterThanOrEqual(0);
    expect(observed[1]!.lastException).toBeInstanceOf(ValueError);
    expect((observed[1]!.lastException as Error).message).toBe('boom');
    expect(typeof observed[1]!.lastFailedAt).toBe('number');
  });
});

describe('retryInfo() outside a step', () => {
  it('test_retry_info_outside_step_raises', () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async a(_ev: StartEvent) {
        return new StopEvent({ result: 'ok' });
      }
    }
    expect(() => new Context(new Flow()).retryInfo()).toThrow(WorkflowRuntimeError);
  });
});

class InputStart extends StartEvent {}

describe('handler-decorator validation', () => {
  it('test_catch_error_wrong_event_type_invalid', () => {
    expect(() => {
      class Flow extends Workflow {
        @catchError({ accepts: [StartEvent] })
        async badHandler(_ctx: Context, _ev: StartEvent) {
          return new StopEvent();
        }
      }
      return Flow;
    }).toThrow(new WorkflowValidationError("@catchError handler 'badHandler' must accept StepFailedEvent as its event parameter."));
  });
});

describe('runtime routing', () => {
  it('test_catch_error_returning_stop_completes_workflow', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async flaky(_ev: StartEvent): Promise<StopEvent> {
        throw new RuntimeError('transient');
      }
      @catchError({ returns: [StopEvent] })
      async handler(_ctx: Context, ev: StepFailedEvent) {
        return new StopEvent({ result: { recoveredFrom: ev.stepName } });
      }
    }
    const handler = new Flow({ timeout: 5 }).run();
    const events: Event[] = [];
    for await (const ev of handler.streamEvents()) events.push(ev);
    expect(await handler).toEqual({ recoveredFrom: 'flaky' });
    expect(events.map((e) => e.constructor.name)).toEqual(['StopEvent']);
  });

  it('test_catch_error_raising_fails_workflow', async () => {
    const error = await rejectionOf(handlerThatFails('primary', 'handler-failed').run());
    expect(error).toBeInstanceOf(ValueError);
    expect((error as Error).message).toBe('handler-failed');
    expect(stepOfError(error)).toBe('handler');
  });

  it('test_catch_error_not_invoked_on_recoverable_retry', async () => {
    const invoked: boolean[] = [];
    let attempts = 0;
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(3) })
      async flaky(_ev: StartEvent) {
        if (++attempts < 2) throw new ValueError('transient');
        return new StopEvent({ result: 'recovered' });
      }
      @catchError({ returns: [StopEvent] })
      async handler(_ctx: Context, _ev: StepFailedEvent) {
        invoked.push(true);
        return new StopEvent({ result: 'caught' });
      }
    }
    expect(await new Flow({ timeout: 5 }).run()).toBe('recovered');
    expect(invoked).toEqual([]);
  });

  it('test_step_failed_event_fields', async () => {
    let captured: StepFailedEvent | undefined;
    class Flow extends Workflow {
      @step({ accepts: [InputStart], returns: [StopEvent], retryPolicy: retry(2) })
      async flaky(ev: InputStart): Promise<StopEvent> {
        throw new RuntimeError(`bad:${ev.query}`);
      }
      @catchError({ returns: [StopEvent] })
      async handler(_ctx: Context, ev: StepFailedEvent) {
        captured = ev;
        return new StopEvent({ result: 'caught' });
      }
    }
    await new Flow({ timeout: 5 }).run(new InputStart({ query: 'hello' }));
    expect(captured!.stepName).toBe('flaky');
    expect(captured!.inputEvent).toBeInstanceOf(InputStart);
    expect((captured!.inputEvent as InputStart).query).toBe('hello');
    expect(captured!.exception).toBeInstanceOf(RuntimeError);
    expect((captured!.exception as Error).message).toBe('bad:hello');
    expect(captured!.attempts).toBe(2);
    expect(captured!.elapsedSeconds).toBeGreaterThanOrEqual(0);
    expect(typeof captured!.failedAt).toBe('number');
  });

  it('test_catch_error_not_invoked_on_timeout', async () => {
    const invoked: boolean[] = [];
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async slow(_ev: StartEvent) {
        await sleep(5);
        return new StopEvent({ result: 'unreachable' });
      }
      @catchError({ returns: [StopEvent] })
      async handler(_ctx: Context, _ev: StepFailedEvent) {
        invoked.push(true);
        return new StopEvent({ result: 'caught' });
      }
    }
    await expect(new Flow({ timeout: 0.1 }).run({}, { clock: 'virtual' })).rejects.toBeInstanceOf(WorkflowTimeoutError);
    expect(invoked).toEqual([]);
  });

  it('test_baseline_without_catch_error_still_fails', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async flaky(_ev: StartEvent): Promise<StopEvent> {
        throw new ValueError('boom');
      }
    }
    await expect(new Flow({ timeout: 5 }).run()).rejects.toThrow('boom');
  });

  it('test_catch_error_can_read_context_state', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async flaky(ctx: Context, _ev: StartEvent): Promise<StopEvent> {
        await ctx.store.set('progress', 'halfway');
        throw new RuntimeError('boom');
      }
      @catchError({ returns: [StopEvent] })
      async handler(ctx: Context, ev: StepFailedEvent) {
        const progress = await ctx.store.get('progress', 'unset');
        return new StopEvent({ result: { progress, step: ev.stepName } });
      }
    }
    expect(await new Flow({ timeout: 5 }).run()).toEqual({ progress: 'halfway', step: 'flaky' });
  });
});

class BEvent extends Event {}
class AFailedMarker extends Event {}
class RetryEvent extends Event {}

describe('scoping: forSteps and the wildcard', () => {
  it('test_scoped_handler_catches_listed_step', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [BEvent], retryPolicy: retry(1) })
      async a(_ev: StartEvent): Promise<BEvent> {
        throw new RuntimeError('a failed');
      }
      @step({ accepts: [BEvent], returns: [StopEvent] })
      async b(_ev: BEvent) {
        return new StopEvent({ result: 'b-ran' });
      }
      @catchError({ forSteps: ['a'], returns: [StopEvent] })
      async handleA(_ctx: Context, ev: StepFailedEvent) {
        return new StopEvent({ result: { caught: ev.stepName } });
      }
    }
    expect(await new Flow({ timeout: 5 }).run()).toEqual({ caught: 'a' });
  });

  it('test_scoped_handler_does_not_catch_other_step', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [BEvent], retryPolicy: retry(1) })
      async a(_ev: StartEvent) {
        return new BEvent();
      }
      @step({ accepts: [BEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async b(_ev: BEvent): Promise<StopEvent> {
        throw new ValueError('b failed');
      }
      @catchError({ forSteps: ['a'], returns: [StopEvent] })
      async handleA(_ctx: Context, _ev: StepFailedEvent) {
        return new StopEvent({ result: 'caught' });
      }
    }
    await expect(new Flow({ timeout: 5 }).run()).rejects.toThrow('b failed');
  });

  it('test_multiple_scoped_handlers_each_own_step', async () => {
    class Flow extends twoFailingSteps('a', 'b') {
      @catchError({ forSteps: ['a'], returns: [AFailedMarker] })
      async handleA(_ctx: Context, _ev: StepFailedEvent) {
        return new AFailedMarker();
      }
      @catchError({ forSteps: ['b'], returns: [StopEvent] })
      async handleB(_ctx: Context, ev: StepFailedEvent) {
        return new StopEvent({ result: { recovered: ev.stepName } });
      }
      @step({ accepts: [AFailedMarker], returns: [BEvent] })
      async finishA(_ev: AFailedMarker) {
        return new BEvent();
      }
    }
    expect(await new Flow({ timeout: 5 }).run()).toEqual({ recovered: 'b' });
  });

  it('test_scoped_and_wildcard_mix', async () => {
    class Flow extends twoFailingSteps('a-fail', 'b-fail') {
      @catchError({ forSteps: ['a'], returns: [StopEvent] })
      async handleA(_ctx: Context, ev: StepFailedEvent) {
        return new StopEvent({ result: { via: 'scoped', step: ev.stepName } });
      }
      @catchError({ returns: [StopEvent] })
      async wildcard(_ctx: Context, ev: StepFailedEvent) {
        return new StopEvent({ result: { via: 'wildcard', step: ev.stepName } });
      }
    }
    expect(await new Flow({ timeout: 5 }).run()).toEqual({ via: 'scoped', step: 'a' });
  });
});

describe('maxRecoveries budget', () => {
  it('test_max_recoveries_default_fails_on_second_entry', async () => {
    const calls: string[] = [];
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async a(_ev: StartEvent): Promise<StopEvent> {
        calls.push('a');
        throw new RuntimeError('a-fail');
      }
      @catchError({ forSteps: ['a'], returns: [RetryEvent] })
      async handleA(_ctx: Context, _ev: StepFailedEvent) {
        calls.push('handleA');
        return new RetryEvent();
      }
      @step({ accepts: [RetryEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async retryA(_ev: RetryEvent): Promise<StopEvent> {
        calls.push('retryA');
        throw new RuntimeError('retryA-fail');
      }
    }
    await expect(new Flow({ timeout: 5 }).run()).rejects.toThrow(RuntimeError);
    expect(calls.filter((c) => c === 'handleA')).toHaveLength(1);
  });

  it('test_max_recoveries_two_allows_second_entry', async () => {
    const calls: string[] = [];
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async a(_ev: StartEvent): Promise<StopEvent> {
        calls.push('a');
        throw new RuntimeError('a-fail');
      }
      @catchError({ forSteps: ['a', 'retryA'], maxRecoveries: 2, returns: [RetryEvent] })
      async handleA(_ctx: Context, _ev: StepFailedEvent) {
        calls.push('handleA');
        if (calls.filter((c) => c === 'handleA').length >= 2) throw new RuntimeError('giving up');
        return new RetryEvent();
      }
      @step({ accepts: [RetryEvent], returns: [StopEvent], retryPolicy: retry(1) })
      async retryA(_ev: RetryEvent): Promise<StopEvent> {
        calls.push('retryA');
        throw new RuntimeError('retryA-fail');
      }
    }
    await expect(new Flow({ timeout: 5 }).run()).rejects.toThrow('giving up');
    expect(calls.filter((c) => c === 'handleA')).toHaveLength(2);
  });

  it('a chain that loops through its handler stops at the budget (maxRecoveries 3)', async () => {
    const calls: string[] = [];
    class Flow extends Workflow {
      @step({ accepts: [StartEvent, RetryEvent], returns: [StopEvent] })
      async a(_ev: StartEvent | RetryEvent): Promise<StopEvent> {
        calls.push('a');
        throw new RuntimeError(`a-fail ${calls.length}`);
      }
      @catchError({ maxRecoveries: 3, returns: [RetryEvent] })
      async handler(_ctx: Context, _ev: StepFailedEvent) {
        calls.push('handler');
        return new RetryEvent();
      }
    }
    await expect(new Flow({ timeout: 5 }).run()).rejects.toThrow('a-fail 7');
    expect(calls).toEqual(['a', 'handler', 'a', 'handler', 'a', 'handler', 'a']);
  });
});

describe("a handler's own failure", () => {
  it('test_handler_own_failure_falls_through', async () => {
    const error = await rejectionOf(handlerThatFails('a-fail', 'handler-fail').run());
    expect((error as Error).message).toBe('handler-fail');
    expect(stepOfError(error)).toBe('handler');
  });
});

describe('handler set validation (the library checks it with the graph)', () => {
  it('rejects two wildcards, unknown steps, handlers covering handlers and steps claimed twice', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async a(_ev: StartEvent) {
        return new StopEvent();
      }
      @catchError({ returns: [StopEvent] })
      async one(_ctx: Context, _ev: StepFailedEvent) {
        return new StopEvent();
      }
      @catchError({ returns: [StopEvent] })
      async two(_ctx: Context, _ev: StepFailedEvent) {
        return new StopEvent();
      }
      @catchError({ forSteps: ['a', 'nope', 'one'], returns: [StopEvent] })
      async three(_ctx: Context, _ev: StepFailedEvent) {
        return new StopEvent();
      }
      @catchError({ forSteps: ['a'], returns: [StopEvent] })
      async four(_ctx: Context, _ev: StepFailedEvent) {
        return new StopEvent();
      }
    }
    // Checked when the workflow is built.
    expect(() => new Flow()).toThrow(
      new WorkflowValidationError(
        [
          'Only one wildcard @catchError handler is allowed per workflow, found 2: one, two',
          "@catchError handler 'three' lists unknown step 'nope' in forSteps.",
          "@catchError handler 'three' cannot cover another handler step 'one'.",
          "Step 'a' is claimed by two @catchError handlers: 'three' and 'four'.",
        ].join('\n'),
      ),
    );
  });
});
