/**
 * Port of llama-index-workflows/tests/test_decorator.py: `@step` on methods and on free functions.
 * A free function is marked with `step({ workflow: W })(fn)`, the call Python's `@step(workflow=W)`
 * makes; the signature the library reads from annotations is given as `accepts`/`returns`, as the
 * compiler writes them.
 */
import { describe, expect, it } from 'vitest';
import { Event, StartEvent, StopEvent, Workflow, WorkflowValidationError, planOf, step } from 'flowplay';

describe('test_decorator.py', () => {
  it('test_decorated_config', () => {
    class LocalWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async entry(_ev: StartEvent) {
        return new StopEvent({ result: 'done' });
      }
    }
    function f(_ev: Event): Event {
      return new Event();
    }
    const res = step({ workflow: LocalWorkflow, accepts: [Event], returns: [Event] })(f);
    expect(res).toBe(f);
    const config = planOf(LocalWorkflow).byName.get('f')!;
    expect(config.accepts).toEqual([Event]);
    expect(config.withContext).toBe(false);
    expect(config.returns).toEqual([Event]);
  });

  it('test_decorate_method', () => {
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [Event] })
      f1(ev: StartEvent) {
        return ev;
      }
      @step({ accepts: [Event], returns: [StopEvent] })
      f2(_ev: Event) {
        return new StopEvent();
      }
    }
    const wf = new TestWorkflow();
    expect(planOf(wf.constructor).byName.get('f1')?.fn).toBe(wf.f1);
    expect(planOf(wf.constructor).byName.get('f2')?.fn).toBe(wf.f2);
  });

  it('test_decorate_wrong_signature', () => {
    // Python refuses a function without an event parameter when it is decorated; a TypeScript
    // signature is read by the compiler, so here the function that joins a workflow without
    // accepting an event fails the workflow's check.
    class TestWorkflow extends Workflow {}
    step({ workflow: TestWorkflow, accepts: [], returns: [StopEvent] })(function f() {
      return new StopEvent();
    });
    expect(() => new TestWorkflow()).toThrow(WorkflowValidationError);
  });

  it('test_decorate_free_function', () => {
    class TestWorkflow extends Workflow {}
    const f = step({ workflow: TestWorkflow, accepts: [Event], returns: [Event] })(function f(_ev: Event) {
      return new Event();
    });
    expect([...planOf(TestWorkflow).byName].map(([name, def]) => [name, def.fn])).toEqual([['f', f]]);
  });

  it('test_decorate_free_function_wrong_decorator', () => {
    expect(() =>
      step(function f(_ev: Event) {
        return new Event();
      }),
    ).toThrow('To decorate f please pass a workflow class to the @step decorator.');
    expect(() =>
      step({ accepts: [Event] })(function g(_ev: Event) {
        return new Event();
      }),
    ).toThrow(WorkflowValidationError);
  });

  it('test_decorate_free_function_wrong_num_workers', () => {
    class TestWorkflow extends Workflow {}
    expect(() =>
      step({ workflow: TestWorkflow, numWorkers: 0 })(function f1(_ev: Event) {
        return new Event();
      }),
    ).toThrow('numWorkers must be an integer greater than 0');
    expect(() =>
      step({ workflow: TestWorkflow, numWorkers: 0.5 })(function f2(_ev: Event) {
        return new Event();
      }),
    ).toThrow('numWorkers must be an integer greater than 0');
    // Neither joined the workflow.
    expect(planOf(TestWorkflow).steps).toEqual([]);
  });
});
