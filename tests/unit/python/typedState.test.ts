/**
 * Typed state in Python: `Context[MyState]` with a model class of defaults, `get_state`, `set_state`
 * and `edit_state`. Tests named after the LlamaIndex tests they port (tests/test_workflow_typed_state.py).
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './runPython.ts';

const HEADER = `import asyncio
from pydantic import BaseModel, Field
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent
`;

const stateRecords = (trace: { kind: string }[]) => trace.filter((r) => r.kind === 'state.changed') as unknown as { key: string; value: unknown }[];

describe('Python typed state', { timeout: 180_000 }, () => {
  it('test_typed_state: ctx.store.set on fields, get_state gives a model copy, set_state writes it back', async () => {
    const run = await runPython(`${HEADER}
class MyState(BaseModel):
    name: str = Field(default="Jane")
    age: int = Field(default=25)

class MyWorkflow(Workflow):
    @step
    async def step(self, ctx: Context[MyState], ev: StartEvent) -> StopEvent:
        print(await ctx.store.get_state())
        await ctx.store.set("name", "John")
        await ctx.store.set("age", 30)
        state = await ctx.store.get_state()
        state.age += 1
        print(type(state).__name__, (await ctx.store.get_state()).age)
        await ctx.store.set_state(state)
        return StopEvent(result=(await ctx.store.get_state()).model_dump())

print(await MyWorkflow().run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["MyState(name='Jane', age=25)", 'MyState 30', "{'name': 'John', 'age': 31}"]);
    // The run starts from the state's defaults, recorded as the whole state.
    expect(stateRecords(run.trace)[0]).toMatchObject({ key: '', value: { name: 'Jane', age: 25 } });
    expect(stateRecords(run.trace).at(-1)).toMatchObject({ key: '', value: { name: 'John', age: 31 } });
  });

  it('test_typed_state_with_context_manager: edit_state holds the store, so concurrent workers lose no update', async () => {
    const source = `${HEADER}
class SomeState(BaseModel):
    val: int = Field(default=0)

class WorkerEvent(Event):
    pass

class ResultEvent(Event):
    pass

class GatherEvent(Event):
    pass

class ParallelWorkflow(Workflow):
    @step
    async def init(self, ctx: Context[SomeState], ev: StartEvent) -> WorkerEvent | GatherEvent:
        for _ in range(10):
            ctx.send_event(WorkerEvent())
        return GatherEvent()

    @step
    async def worker(self, ctx: Context[SomeState], ev: WorkerEvent) -> ResultEvent:
        async with ctx.store.edit_state() as state:
            state.val += 1
            await asyncio.sleep(0.01)
            if state.val % 2 == 0:
                state.val -= 1
        return ResultEvent()

    @step
    async def gather(self, ctx: Context[SomeState], ev: GatherEvent | ResultEvent) -> StopEvent | None:
        results = ctx.collect_events(ev, [ResultEvent] * 10)
        if not results:
            return None
        state = await ctx.store.get_state()
        return StopEvent(result=state.val)

print(await ParallelWorkflow().run())
`;
    const run = await runPython(source);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['1']);
    // Each worker adds one across a sleep: inside edit_state none is lost. Read, sleep and write back
    // without it, and the four workers running at once (num_workers' default) each write the value
    // they all read: ten workers in three rounds count 3.
    const adding = source.replace('            if state.val % 2 == 0:\n                state.val -= 1\n', '');
    expect((await runPython(adding)).lines).toEqual(['10']);
    const racy = await runPython(
      adding.replace('async with ctx.store.edit_state() as state:\n            state.val += 1\n            await asyncio.sleep(0.01)\n', 'state = await ctx.store.get_state()\n        state.val += 1\n        await asyncio.sleep(0.01)\n        await ctx.store.set_state(state)\n'),
    );
    expect(racy.error).toBeUndefined();
    expect(racy.lines).toEqual(['3']);
  });

  it('a model without a default for a field cannot be the state; clear() goes back to the defaults', async () => {
    const run = await runPython(`${HEADER}
class Tally(BaseModel):
    seen: list = Field(default_factory=list)
    total: int = 0

class Count(Workflow):
    @step
    async def count(self, ctx: Context[Tally], ev: StartEvent) -> StopEvent:
        async with ctx.store.edit_state() as state:
            state.seen.append("a")
            state.total += 2
        print(await ctx.store.get_state())
        await ctx.store.clear()
        print(await ctx.store.get_state())
        return StopEvent(result=await ctx.store.get_state())

print(await Count().run())

class NoDefault(BaseModel):
    name: str

class Broken(Workflow):
    @step
    async def go(self, ctx: Context[NoDefault], ev: StartEvent) -> StopEvent:
        return StopEvent()

try:
    await Broken().run()
except Exception as error:
    print(type(error).__name__, error)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["Tally(seen=['a'], total=2)", 'Tally(seen=[], total=0)', 'Tally(seen=[], total=0)', 'WorkflowValidationError State must have defaults for all fields: NoDefault has a field without one.']);
  });
});
