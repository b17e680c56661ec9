/**
 * Resources in Python: `Annotated[T, Resource(factory)]` step parameters resolved by the engine.
 * Each test is named after the LlamaIndex test it ports (tests/test_resources.py).
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './runPython.ts';

const HEADER = `from typing import Annotated
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent
from workflows.resource import Resource

class SecondEvent(Event):
    msg: str
`;

/** The library's caching tests' counter, its factory and the event between their two steps. */
const COUNTER = `${HEADER}
class CounterThing:
    def __init__(self):
        self.counter = 0
    def incr(self):
        self.counter += 1

class StepEvent(Event):
    pass

def provide_counter_thing() -> CounterThing:
    return CounterThing()
`;

const injected = (trace: { kind: string }[]) => trace.filter((r) => r.kind === 'resource.injected').map((r) => { const i = r as unknown as { step: string; param: string; resource: string; instance: number; created: boolean }; return `${i.step}.${i.param} ${i.resource} #${i.instance}${i.created ? ' made' : ''}`; });

describe('Python resources', { timeout: 180_000 }, () => {
  it('test_function_resource_init: Resource() keeps the factory name and caches by default', async () => {
    const run = await runPython(`${HEADER}
def get_string() -> str:
    return "string"

async def make_async() -> str:
    return "async"

r = Resource(get_string)
print("get_string" in r.name, r.cache, r._is_async, Resource(make_async)._is_async, Resource(get_string, cache=False).cache)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['True True False True False']);
  });

  it("test_resource: a step receives the factory's object and can use it", async () => {
    const run = await runPython(`${HEADER}
class Memory:
    def __init__(self):
        self.messages = []
    def put(self, message):
        self.messages.append(message)

m = Memory()

def get_memory(*args, **kwargs) -> Memory:
    return m

class TestWorkflow(Workflow):
    @step
    def start_step(self, ev: StartEvent) -> SecondEvent:
        return SecondEvent(msg="Hello")

    @step
    def f1(self, ev: SecondEvent, memory: Annotated[Memory, Resource(get_memory)]) -> StopEvent:
        memory.put(ev.msg)
        return StopEvent()

await TestWorkflow(disable_validation=True).run()
print(m.messages)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["['Hello']"]);
    expect(injected(run.trace)).toEqual(['f1.memory get_memory #1 made']);
  });

  it('test_resource_async: an async factory is awaited before the step runs', async () => {
    const run = await runPython(`${HEADER}
import asyncio

async def get_greeting() -> str:
    await asyncio.sleep(2)
    return "hi"

class TestWorkflow(Workflow):
    @step
    async def start_step(self, ev: StartEvent, greeting: Annotated[str, Resource(get_greeting)]) -> StopEvent:
        return StopEvent(result=greeting + "!")

print(await TestWorkflow().run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['hi!']);
    expect(run.trace.at(-1)).toMatchObject({ kind: 'run.finished', status: 'stopped', t: 2000 });
  });

  it('test_caching_behavior: a cached resource is shared by the steps and runs of one workflow, not by another workflow', async () => {
    const run = await runPython(`${COUNTER}
class TestWorkflow(Workflow):
    @step
    async def test_step(self, ev: StartEvent, counter_thing: Annotated[CounterThing, Resource(provide_counter_thing)]) -> StepEvent:
        counter_thing.incr()
        return StepEvent()

    @step
    async def test_step_2(self, ev: StepEvent, counter_thing: Annotated[CounterThing, Resource(provide_counter_thing)]) -> StopEvent:
        counter_thing.incr()
        return StopEvent(result=counter_thing.counter)

wf_1 = TestWorkflow(disable_validation=True)
print(await wf_1.run())
print(await TestWorkflow(disable_validation=True).run())
print(await wf_1.run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['2', '2', '4']);
  });

  it('test_non_caching_behavior: cache=False makes a new value for the step', async () => {
    const run = await runPython(`${COUNTER}
class TestWorkflow(Workflow):
    @step
    async def test_step(self, ev: StartEvent, counter_thing: Annotated[CounterThing, Resource(provide_counter_thing)]) -> StepEvent:
        counter_thing.incr()
        print("cc1", counter_thing.counter)
        return StepEvent()

    @step
    async def test_step_2(self, ev: StepEvent, counter_thing: Annotated[CounterThing, Resource(provide_counter_thing, cache=False)]) -> StopEvent:
        counter_thing.incr()
        print("cc2", counter_thing.counter)
        return StopEvent()

await TestWorkflow(disable_validation=True).run()
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['cc1 1', 'cc2 1']);
    expect(injected(run.trace)).toEqual(['test_step.counter_thing provide_counter_thing #1 made', 'test_step_2.counter_thing provide_counter_thing #2 made']);
  });

  it('test_recursive_resource_caching: a factory takes another resource; each is made once', async () => {
    const run = await runPython(`${HEADER}
call_counts = {"db": 0, "repo": 0}

class DBConnection:
    host = "localhost"

class Repository:
    def __init__(self, db):
        self.db = db

def get_db_connection() -> DBConnection:
    call_counts["db"] += 1
    return DBConnection()

def get_repository(db: Annotated[DBConnection, Resource(get_db_connection)]) -> Repository:
    call_counts["repo"] += 1
    return Repository(db)

class StepEvent(Event):
    pass

class TestWorkflow(Workflow):
    @step
    def step1(self, ev: StartEvent, repo: Annotated[Repository, Resource(get_repository)]) -> StepEvent:
        return StepEvent()

    @step
    def step2(self, ev: StepEvent, repo: Annotated[Repository, Resource(get_repository)]) -> StopEvent:
        return StopEvent(result=repo.db.host)

print(await TestWorkflow(disable_validation=True).run(), call_counts)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["localhost {'db': 1, 'repo': 1}"]);
  });

  it('test_non_cached_resource_single_resolution_cycle: a non-cached resource is made once per step resolution', async () => {
    const run = await runPython(`${HEADER}
call_counts = {"d": 0}

class D:
    pass

def get_d() -> D:
    call_counts["d"] += 1
    return D()

def get_b(d: Annotated[D, Resource(get_d, cache=False)]) -> str:
    return "b"

def get_c(d: Annotated[D, Resource(get_d, cache=False)]) -> str:
    return "c"

class TestWorkflow(Workflow):
    @step
    def start_step(self, ev: StartEvent, b: Annotated[str, Resource(get_b)], c: Annotated[str, Resource(get_c)]) -> StopEvent:
        return StopEvent(result=b + c)

print(await TestWorkflow(disable_validation=True).run(), call_counts["d"])
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['bc 1']);
  });

  it('test_circular_resource_dependency_detection: a circle of factories fails the run, naming the chain', async () => {
    const run = await runPython(`${HEADER}
class A:
    pass

class B:
    pass

def cyclic_factory_a(b: Annotated[B, "placeholder"]) -> A:
    return A()

def cyclic_factory_b(a: Annotated[A, "placeholder"]) -> B:
    return B()

cyclic_res_a = Resource(cyclic_factory_a)
cyclic_res_b = Resource(cyclic_factory_b)
cyclic_factory_a.__annotations__["b"] = Annotated[B, cyclic_res_b]
cyclic_factory_b.__annotations__["a"] = Annotated[A, cyclic_res_a]

class TestWorkflow(Workflow):
    @step
    def start_step(self, ev: StartEvent, a: Annotated[A, cyclic_res_a]) -> StopEvent:
        return StopEvent()

try:
    await TestWorkflow(disable_validation=True).run()
except ValueError as error:
    print("ValueError", error)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['ValueError Circular resource dependency detected: cyclic_factory_a -> cyclic_factory_b -> cyclic_factory_a']);
  });
});
