// Ported from the library's tests/test_resources.py: each `it` is named after the test it comes from.
// A resource parameter is written `name = Resource(factory)`; Flowplay's compiler turns those defaults
// into the step's `resources` option, which code loaded directly (as here) writes itself.
import { describe, expect, it, vi } from 'vitest';
import { Event, Resource, ResourceManager, StartEvent, StopEvent, Workflow, WorkflowValidationError, retryPolicy, retryAlways, stopAfterAttempt, waitNone, step, type TraceRecord } from 'flowplay';

class SecondEvent extends Event<{ msg: string }> {}
class StepEvent extends Event {}

class Memory {
  readonly put = vi.fn();
}

describe('Resource()', () => {
  it('test_function_resource_init', async () => {
    function getString() {
      return 'string';
    }
    const descriptor = Resource(getString) as unknown as { name: string; cache: boolean };
    expect(descriptor.name).toContain('getString');
    expect(descriptor.cache).toBe(true);
    expect(await new ResourceManager().get(descriptor)).toBe('string');
  });

  it('test_resource_manager', async () => {
    const m = new ResourceManager();
    await m.set('test_resource', 42);
    expect(m.getAll()).toEqual({ test_resource: 42 });
  });
});

describe('resources in steps', () => {
  // test_resource and test_resource_async differ only in the factory: one returns the memory, one a promise of it.
  it.each([
    ['test_resource', (m: Memory) => () => m],
    ['test_resource_async', (m: Memory) => async () => m],
  ])('%s', async (_name, factoryFor) => {
    const m = new Memory();
    const getMemory = factoryFor(m);
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [SecondEvent] })
      async startStep(_ev: StartEvent) {
        return new SecondEvent({ msg: 'Hello' });
      }
      @step({ accepts: [SecondEvent], returns: [StopEvent], resources: { memory: Resource(getMemory) } })
      async f1(ev: SecondEvent, memory = Resource(getMemory)) {
        memory.put(ev.msg);
        return new StopEvent();
      }
    }
    await new TestWorkflow({ validate: false }).run();
    expect(m.put).toHaveBeenCalledOnce();
  });

  /** The library's two counter workflows: both steps take a counter; the second asks for it cached or not. */
  const counterWorkflow = (secondCached: boolean) => {
    class CounterThing {
      counter = 0;
      incr() {
        this.counter++;
      }
    }
    const provideCounterThing = () => new CounterThing();
    const seen: number[] = [];
    const second = Resource(provideCounterThing, { cache: secondCached });
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StepEvent], resources: { counterThing: Resource(provideCounterThing) } })
      async testStep(_ev: StartEvent, counterThing = Resource(provideCounterThing)) {
        counterThing.incr();
        seen.push(counterThing.counter);
        return new StepEvent();
      }
      @step({ accepts: [StepEvent], returns: [StopEvent], resources: { counterThing: second } })
      async testStep2(_ev: StepEvent, counterThing = second) {
        counterThing.incr();
        seen.push(counterThing.counter);
        return new StopEvent();
      }
    }
    return { TestWorkflow, seen };
  };

  it('test_caching_behavior', async () => {
    const { TestWorkflow, seen } = counterWorkflow(true);
    await new TestWorkflow({ validate: false }).run();
    // One cached value shared by both steps: 0 -> 1 -> 2.
    expect(seen).toEqual([1, 2]);
    // The cache belongs to the workflow: a second one starts from a new value.
    await new TestWorkflow({ validate: false }).run();
    expect(seen).toEqual([1, 2, 1, 2]);
  });

  it('test_non_caching_behavior', async () => {
    const { TestWorkflow, seen } = counterWorkflow(false);
    await new TestWorkflow({ validate: false }).run();
    expect(seen).toEqual([1, 1]);
  });

  it('test_recursive_resource_injection', async () => {
    class DBConnection {
      constructor(readonly host: string) {}
    }
    class Repository {
      constructor(readonly db: DBConnection) {}
    }
    const getDbConnection = () => new DBConnection('localhost');
    const getRepository = (db = Resource(getDbConnection)) => new Repository(db);
    let host = '';
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [SecondEvent] })
      async startStep(_ev: StartEvent) {
        return new SecondEvent({ msg: 'Hello' });
      }
      @step({ accepts: [SecondEvent], returns: [StopEvent], resources: { repo: Resource(getRepository) } })
      async useRepo(_ev: SecondEvent, repo = Resource(getRepository)) {
        host = repo.db.host;
        return new StopEvent();
      }
    }
    await new TestWorkflow({ validate: false }).run();
    expect(host).toBe('localhost');
  });

  it('test_recursive_resource_caching', async () => {
    const callCounts = { db: 0, repo: 0 };
    class DBConnection {}
    class Repository {
      constructor(readonly db: DBConnection) {}
    }
    // An async dependency: the factory's default asks for it before the body runs.
    const getDbConnection = async () => {
      callCounts.db++;
      return new DBConnection();
    };
    const getRepository = (db = Resource(getDbConnection)) => {
      callCounts.repo++;
      return new Repository(db);
    };
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StepEvent], resources: { repo: Resource(getRepository) } })
      async step1(_ev: StartEvent, _repo = Resource(getRepository)) {
        return new StepEvent();
      }
      @step({ accepts: [StepEvent], returns: [StopEvent], resources: { repo: Resource(getRepository) } })
      async step2(_ev: StepEvent, _repo = Resource(getRepository)) {
        return new StopEvent();
      }
    }
    await new TestWorkflow({ validate: false }).run();
    expect(callCounts).toEqual({ db: 1, repo: 1 });
  });

  it('test_circular_resource_dependency_detection', async () => {
    class A {}
    class B {}
    // Each factory's default names the other, as the library builds its cycle by editing annotations.
    function cyclicFactoryA(_b: B = Resource(cyclicFactoryB)): A {
      return new A();
    }
    function cyclicFactoryB(_a: A = Resource(cyclicFactoryA)): B {
      return new B();
    }
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], resources: { a: Resource(cyclicFactoryA) } })
      async startStep(_ev: StartEvent, _a = Resource(cyclicFactoryA)) {
        return new StopEvent();
      }
    }
    await expect(new TestWorkflow({ validate: false }).run()).rejects.toThrow('cyclicFactoryA -> cyclicFactoryB -> cyclicFactoryA');
  });

  it('test_non_cached_resource_single_resolution_cycle', async () => {
    const callCounts = { d: 0 };
    class D {}
    const getD = () => {
      callCounts.d++;
      return new D();
    };
    const getB = (_d = Resource(getD, { cache: false })) => 'b';
    const getC = (_d = Resource(getD, { cache: false })) => 'c';
    let seen: string[] = [];
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], resources: { b: Resource(getB), c: Resource(getC) } })
      async startStep(_ev: StartEvent, b = Resource(getB), c = Resource(getC)) {
        seen = [b, c];
        return new StopEvent();
      }
    }
    await new TestWorkflow({ validate: false }).run();
    expect(seen).toEqual(['b', 'c']);
    expect(callCounts.d).toBe(1);
  });
});

describe('validate() with resources', () => {
  /** The library's one-step workflow whose step takes one resource, built with validation off. */
  const oneResourceWorkflow = (factory: () => unknown, param: string) => {
    const resource = Resource(factory);
    class TestWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], resources: { [param]: resource } })
      async startStep(_ev: StartEvent, _value = resource) {
        return new StopEvent();
      }
    }
    return new TestWorkflow({ validate: false });
  };
  const counted = () => {
    const callCount = { count: 0 };
    const getString = () => {
      callCount.count++;
      return 'test';
    };
    return { callCount, getString };
  };

  it('test_validate_detects_circular_resource_dependency', async () => {
    function cyclicFactoryA(_b: unknown = Resource(cyclicFactoryB)): string {
      return 'a';
    }
    function cyclicFactoryB(_a: unknown = Resource(cyclicFactoryA)): string {
      return 'b';
    }
    const wf = oneResourceWorkflow(cyclicFactoryA, 'a');
    await expect(wf.validate({ validateResources: true })).rejects.toThrow(/Circular resource dependency detected/);
  });

  it('test_validate_resources_enabled', async () => {
    const { callCount, getString } = counted();
    await oneResourceWorkflow(getString, 'value').validate({ validateResources: true });
    expect(callCount.count).toBe(1);
  });

  it('test_validate_resources_disabled_by_default', () => {
    const { callCount, getString } = counted();
    oneResourceWorkflow(getString, 'value').validate();
    expect(callCount.count).toBe(0);
  });

  it('test_validate_resource_factory_failure', async () => {
    function failingFactory(): string {
      throw new Error('Factory failed!');
    }
    const wf = oneResourceWorkflow(failingFactory, 'value');
    await expect(wf.validate({ validateResources: true })).rejects.toThrow(WorkflowValidationError);
    await expect(wf.validate({ validateResources: true })).rejects.toThrow(/step 'startStep', parameter 'value'.*Factory failed/);
  });
});

describe('beyond the library: what a Flowplay user sees', () => {
  it('the trace says which instance each invocation got, and whether its factory ran for it', async () => {
    const makeClient = () => ({ id: Math.random() });
    const makeScratch = () => ({ notes: [] as string[] });
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StepEvent], resources: { client: Resource(makeClient), scratch: Resource(makeScratch, { cache: false }) } })
      async first(_ev: StartEvent, _client = Resource(makeClient), _scratch = Resource(makeScratch, { cache: false })) {
        return new StepEvent();
      }
      @step({ accepts: [StepEvent], returns: [StopEvent], resources: { client: Resource(makeClient), scratch: Resource(makeScratch, { cache: false }) } })
      async second(_ev: StepEvent, _client = Resource(makeClient), _scratch = Resource(makeScratch, { cache: false })) {
        return new StopEvent();
      }
    }
    const records: TraceRecord[] = [];
    await new Flow().run({}, { onTrace: (r) => records.push(r), clock: 'virtual', seed: 1 });
    const injected = records.flatMap((r) => (r.kind === 'resource.injected' ? [[r.step, r.param, r.resource, r.instance, r.created]] : []));
    expect(injected).toEqual([
      ['first', 'client', 'makeClient', 1, true],
      ['first', 'scratch', 'makeScratch', 1, true],
      ['second', 'client', 'makeClient', 1, false],
      ['second', 'scratch', 'makeScratch', 2, true],
    ]);
  });

  it('a factory that throws fails its step like an error of the step, so a retry policy applies', async () => {
    let calls = 0;
    const flaky = () => {
      if (++calls < 3) throw new Error(`not yet (${calls})`);
      return 'ready';
    };
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], resources: { conn: Resource(flaky) }, retryPolicy: retryPolicy({ retry: retryAlways(), wait: waitNone(), stop: stopAfterAttempt(3) }) })
      async only(_ev: StartEvent, conn = Resource(flaky)) {
        return new StopEvent({ result: conn });
      }
    }
    expect(await new Flow().run({}, { clock: 'virtual' })).toBe('ready');
    expect(calls).toBe(3);
  });

  it('a resource parameter must be declared with Resource()', () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], resources: { conn: 42 } })
      async only(_ev: StartEvent) {
        return new StopEvent();
      }
    }
    expect(() => new Flow()).toThrow("Step 'only': resource 'conn' must be declared with Resource(factory).");
  });
});
