import { describe, expect, it } from 'vitest';
import { Context, Event, StartEvent, StepFailedEvent, StopEvent, Workflow, WorkflowValidationError, catchError, planOf, step, type TraceRecord } from 'flowplay';

class Ping extends Event<{ n: number }> {}

describe('steps written as functions', () => {
  it('run with the context and the event, after the methods in routing order', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [Ping] })
      async begin(ev: StartEvent) {
        return new Ping({ n: ev.n });
      }
    }
    const seen: string[] = [];
    step({ workflow: Flow, accepts: [Ping], returns: [] })(async function watch(ev: Ping) {
      seen.push(`watch ${ev.n}`);
    });
    step({ workflow: Flow, accepts: [Ping], returns: [StopEvent] })(async function finish(ctx: Context, ev: Ping) {
      await ctx.store.set('n', ev.n);
      return new StopEvent({ result: ev.n * 2 });
    });
    const trace: TraceRecord[] = [];
    expect(await new Flow().run({ n: 21 }, { clock: 'virtual', onTrace: (r) => trace.push(r) })).toBe(42);
    expect(seen).toEqual(['watch 21']);
    expect(planOf(Flow).steps.map((s) => [s.name, s.withContext])).toEqual([['begin', false], ['watch', false], ['finish', true]]);
    const emitted = trace.find((r) => r.kind === 'event.emitted' && r.type === 'Ping');
    expect(emitted?.kind === 'event.emitted' && emitted.to.map((d) => d.step)).toEqual(['watch', 'finish']);
  });

  it('belong to their class, not to its subclasses (as in the library)', () => {
    class Base extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(_ev: StartEvent) {
        return new StopEvent();
      }
    }
    class Sub extends Base {}
    step({ workflow: Base, accepts: [StartEvent], returns: [StopEvent] })(async function extra(_ev: StartEvent) {
      return new StopEvent();
    });
    expect(planOf(Base).steps.map((s) => s.name)).toEqual(['only', 'extra']);
    expect(planOf(Sub).steps.map((s) => s.name)).toEqual(['only']);
  });

  it('a catchError handler written as a function joins with addStep and recovers', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async fetch(_ev: StartEvent): Promise<StopEvent> {
        throw new Error('down');
      }
    }
    const recover = catchError({ forSteps: ['fetch'] })(async function recover(ev: StepFailedEvent) {
      return new StopEvent({ result: `recovered from ${ev.stepName}: ${String(ev.exception)}` });
    });
    Flow.addStep(recover);
    expect(await new Flow().run({}, { clock: 'virtual' })).toBe('recovered from fetch: Error: down');
    expect(planOf(Flow).catchFor.get('fetch')?.name).toBe('recover');
  });

  it('a step marked for one workflow can be added to another', async () => {
    class A extends Workflow {}
    class B extends Workflow {}
    const done = step({ workflow: A, accepts: [StartEvent], returns: [StopEvent] })(function done(_ev: StartEvent) {
      return new StopEvent({ result: 'ok' });
    });
    B.addStep(done);
    expect(await new A().run()).toBe('ok');
    expect(await new B().run()).toBe('ok');
    expect(() => B.addStep(done)).toThrow('A step done is already part of this workflow');
  });

  it('refuse a function without a name, and a workflow option that is not a workflow class', () => {
    class Flow extends Workflow {}
    expect(() => step({ workflow: Flow })(async (_ev: StartEvent) => new StopEvent())).toThrow(WorkflowValidationError);
    expect(() => step({ workflow: Flow })(async (_ev: StartEvent) => new StopEvent())).toThrow('needs a name');
    expect(() => step({ workflow: {} as never })(function s(_ev: StartEvent) {})).toThrow('needs a Workflow class');
  });
});
