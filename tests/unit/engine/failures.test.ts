import { describe, expect, test } from 'vitest';
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
  WorkflowValidationError,
  sleep,
  step,
  stepOfError,
  planOf,
  validationProblem,
  type EventClass,
} from 'flowplay';
import { finished, ofKind, record } from './recorder.ts';

class A extends Event {}
class B extends Event {}
class C extends Event {}

describe('a step that throws', () => {
  test('fails the run with the original error; the others are cancelled', async () => {
    const boom = new Error('boom');
    class Throws extends Workflow {
      @step({ accepts: [StartEvent], returns: [A, B] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new A());
        ctx.sendEvent(new B());
        return null;
      }
      @step({ accepts: [A], returns: [StopEvent] })
      async explode(_ctx: Context, _ev: A) {
        await sleep(1);
        throw boom;
      }
      @step({ accepts: [B], returns: [StopEvent] })
      async slow(_ctx: Context, _ev: B) {
        await sleep(5);
        return new StopEvent();
      }
    }
    const run = await record(new Throws());
    expect(run.error).toBe(boom);
    expect(stepOfError(run.error)).toBe('explode');
    expect(finished(run.records)).toMatchObject({ status: 'failed', t: 1000, error: { message: 'boom', step: 'explode' } });
    expect(ofKind(run.records, 'step.failed')).toMatchObject([{ step: 'explode', attempt: 1, willRetry: false }]);
    expect(ofKind(run.records, 'step.finished').filter((r) => r.status === 'cancelled').map((r) => r.step)).toEqual(['slow']);
  });

  test('with retry, makes exactly maxAttempts attempts with backoff on the run clock', async () => {
    let attempts = 0;
    class Flaky extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retry: { maxAttempts: 3, delay: 2, backoff: 3 } })
      async flaky(_ctx: Context, _ev: StartEvent) {
        attempts++;
        throw new Error(`attempt ${attempts}`);
      }
    }
    const run = await record(new Flaky());
    expect(attempts).toBe(3);
    expect((run.error as Error).message).toBe('attempt 3');
    expect(ofKind(run.records, 'step.failed').map((r) => [r.t, r.attempt, r.willRetry, r.retryDelay])).toEqual([
      [0, 1, true, 2],
      [2000, 2, true, 6],
      [8000, 3, false, undefined],
    ]);
  });

  test('a retry that succeeds ends the run normally', async () => {
    let attempts = 0;
    class Recovers extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retry: { maxAttempts: 5, delay: 1 } })
      async flaky(_ctx: Context, _ev: StartEvent) {
        if (++attempts < 3) throw new Error('not yet');
        return new StopEvent({ result: attempts });
      }
    }
    const run = await record(new Recovers());
    expect(run.result).toBe(3);
    expect(ofKind(run.records, 'step.started').map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  test.each([
    ['a string', 'hello', 'Step function bad returned string instead of an Event instance.'],
    ['a number', 42, 'Step function bad returned number instead of an Event instance.'],
    ['a plain object', { result: 1 }, 'Step function bad returned Object instead of an Event instance.'],
    ['a mixed array', [new A(), 'x'], 'Step function bad returned Array instead of an Event instance.'],
  ])('returning %s fails the step with the library\'s message, and its retry policy applies', async (_label, value, message) => {
    class Bad extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retry: { maxAttempts: 3, delay: 1 } })
      async bad(_ctx: Context, _ev: StartEvent) {
        return value as unknown as StopEvent;
      }
    }
    const run = await record(new Bad());
    expect(run.error).toBeInstanceOf(WorkflowRuntimeError);
    expect((run.error as Error).message).toBe(message);
    expect(ofKind(run.records, 'step.started')).toHaveLength(3);
  });

  test('a step that throws synchronously is reported like any other failure', async () => {
    class Sync extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      sync(_ctx: Context, _ev: StartEvent): StopEvent {
        throw new TypeError('sync failure');
      }
    }
    const run = await record(new Sync());
    expect((run.error as Error).message).toBe('sync failure');
  });
});

describe('cancel', () => {
  test('handler.cancel() rejects the run with WorkflowCancelledError and cancels running steps', async () => {
    class Forever extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async wait(_ctx: Context, _ev: StartEvent) {
        await sleep(1000);
        return new StopEvent();
      }
    }
    const records: unknown[] = [];
    const handler = new Forever({ timeout: null }).run({}, { clock: 'real', onTrace: (r) => records.push(r) });
    setTimeout(() => handler.cancel(), 5);
    await expect(handler).rejects.toBeInstanceOf(WorkflowCancelledError);
    expect(handler.status).toBe('cancelled');
    expect(records.map((r) => (r as { kind: string }).kind).slice(-2)).toEqual(['step.finished', 'run.finished']);
  });
});

describe('validation', () => {
  function flow(name: string, steps: [string, EventClass[], EventClass[]][]) {
    const W = { [name]: class extends Workflow {} }[name]!;
    for (const [stepName, accepts, returns] of steps) {
      const fn = async () => null;
      Object.defineProperty(W.prototype, stepName, { value: fn, configurable: true, writable: true });
      step({ accepts, returns })(W.prototype, stepName, { value: fn });
    }
    return W;
  }

  test.each([
    ['W', [], "Workflow 'W' has no configured steps. Did you forget to annotate methods with @step or to register free-function steps via @step({ workflow })?"],
    ['W', [['s', [StartEvent], [StopEvent]], ['t', [], [StopEvent]]], "Step signature must have at least one parameter annotated as type Event (step 't')"],
    ['W', [['s', [StartEvent, StopEvent], [StopEvent]]], "Step 's' cannot accept StopEvent. StopEvent signals the end of the workflow. Use a different Event type instead."],
    ['W', [['s', [A], [StopEvent]]], "At least one Event of type StartEvent must be received by any step. (Workflow 'W' has no @step that accepts StartEvent.)"],
    ['W', [['s', [StartEvent], [A]], ['t', [A], []]], "At least one Event of type StopEvent must be returned by any step. (Workflow 'W' has no @step that returns StopEvent.)"],
    ['W', [['s', [StartEvent], [StopEvent]], ['t', [A], []], ['u', [B], []]], 'The following events are consumed but never produced: A, B'],
    ['W', [['s', [StartEvent], [StopEvent, C]]], 'The following events are produced but never consumed: C'],
  ] as [string, [string, EventClass[], EventClass[]][], string][])('%#: new W() throws: %s', (name, steps, message) => {
    const W = flow(name, steps);
    expect(() => new W()).toThrow(new WorkflowValidationError(message));
  });

  test('InputRequiredEvent may go unconsumed and HumanResponseEvent unproduced, subclasses too', () => {
    class Ask extends InputRequiredEvent {}
    class Answer extends HumanResponseEvent {}
    const W = flow('W', [['ask', [StartEvent], [InputRequiredEvent, Ask]], ['answer', [HumanResponseEvent, Answer], [StopEvent]]]);
    expect(validationProblem(planOf(W))).toBeNull();
    expect(new W().validate()).toBe(true);
  });

  test('validate: false skips the checks, except one StartEvent and one StopEvent type', async () => {
    const W = flow('W', [['s', [StartEvent], [StopEvent, C]]]);
    const run = await record(new W({ validate: false }));
    expect(run.error).not.toBeInstanceOf(WorkflowValidationError);
    expect(ofKind(run.records, 'step.started').map((r) => r.step)).toEqual(['s']);
    const NoStop = flow('NoStop', [['s', [StartEvent], []]]);
    expect(() => new NoStop({ validate: false })).toThrow(WorkflowValidationError);
  });
});

describe('verbose', () => {
  test('prints each step and what it produced, in the library\'s format', async () => {
    class Loud extends Workflow {
      @step({ accepts: [StartEvent], returns: [A] })
      async start(_ctx: Context, _ev: StartEvent) {
        return new A();
      }
      @step({ accepts: [A], returns: [StopEvent] })
      async middle(_ctx: Context, _ev: A) {
        return null;
      }
    }
    const run = await record(new Loud({ verbose: true, timeout: 1 }));
    expect(run.logs).toEqual([
      '[tick] add: StartEvent()',
      '[start:0] started from StartEvent',
      '[start:0] complete with A',
      '[middle:0] started from A',
      '[middle:0] complete with no result',
      '[tick] timeout: 1s',
    ]);
  });
});
