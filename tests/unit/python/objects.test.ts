/**
 * Python objects through the engine: the engine holds a model or any other object as data (what the
 * trace and the inspector show), and Python gets the object itself back, as the library's in-memory
 * store and `await handler` give it. Also the handler's `exception()`.
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './runPython.ts';

const HEADER = `import asyncio
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent
from workflows.errors import WorkflowCancelledByUser, WorkflowTimeoutError
from pydantic import BaseModel, Field


class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Point({self.x})"


class Inner(BaseModel):
    n: int = 0


class Outer(BaseModel):
    inner: Inner = Field(default_factory=Inner)
    tags: list[str] = []
`;

describe('Python objects through the engine', { timeout: 180_000 }, () => {
  it('await handler gives the StopEvent result itself: an object, a model, a list holding models', async () => {
    const run = await runPython(`${HEADER}
class Results(Workflow):
    @step
    async def finish(self, ev: StartEvent) -> StopEvent:
        return StopEvent(result=ev.get("kind") and [Point(1), Inner(n=2), {"k": Outer()}])

result = await Results().run(kind="all")
print(type(result[0]).__name__, result[0].x, repr(result[1]), type(result[2]["k"]).__name__)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['Point 1 Inner(n=2) Outer']);
    // The trace keeps data: the model's fields, the object's repr.
    const finished = run.trace.find((r) => r.kind === 'run.finished');
    expect(JSON.stringify(finished && 'result' in finished ? finished.result : null)).toBe('[{"repr":"Point(1)"},{"n":2},{"k":{"inner":{"n":0},"tags":[]}}]');
  });

  it('test_in_memory_state_store_smoke, with objects: get gives back what set was given, the same object', async () => {
    const run = await runPython(`${HEADER}
class Store(Workflow):
    @step
    async def keep(self, ctx: Context, ev: StartEvent) -> StopEvent:
        point, outer = Point(1), Outer(inner=Inner(n=3))
        await ctx.store.set("point", point)
        await ctx.store.set("outer", outer)
        await ctx.store.set("name", "test")
        await ctx.store.set("nested", {"key": "value"})
        print((await ctx.store.get("point")) is point, (await ctx.store.get("outer")) is outer)
        print(await ctx.store.get("name"), await ctx.store.get("nested.key"), await ctx.store.get("missing", default=None))
        # A change made to the object after set shows, as the library's store holds the object.
        outer.tags.append("seen")
        print(await ctx.store.get("outer"))
        return StopEvent(result=None)

await Store().run()
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['True True', 'test value None', "Outer(inner=Inner(n=3), tags=['seen'])"]);
  });

  it('a model changed through a dotted path comes back as a model of its class with the change', async () => {
    const run = await runPython(`${HEADER}
class Dotted(Workflow):
    @step
    async def change(self, ctx: Context, ev: StartEvent) -> StopEvent:
        await ctx.store.set("outer", Outer(inner=Inner(n=3)))
        await ctx.store.set("outer.inner.n", 7)
        got = await ctx.store.get("outer")
        print(type(got).__name__, type(got.inner).__name__, got, await ctx.store.get("outer.inner.n"))
        return StopEvent(result=None)

await Dotted().run()
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['Outer Inner Outer(inner=Inner(n=7), tags=[]) 7']);
  });

  it("typed state: a nested model field is a model in get_state() and get()", async () => {
    const run = await runPython(`${HEADER}
class State(BaseModel):
    count: int = 0
    inner: Inner = Field(default_factory=Inner)

class Typed(Workflow):
    @step
    async def edit(self, ctx: Context[State], ev: StartEvent) -> StopEvent:
        async with ctx.store.edit_state() as state:
            state.count += 1
            state.inner = Inner(n=5)
        state = await ctx.store.get_state()
        print(type(state.inner).__name__, type(await ctx.store.get("inner")).__name__, state)
        return StopEvent(result=state)

result = await Typed().run()
print(type(result).__name__, result.inner.n)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['Inner Inner State(count=1, inner=Inner(n=5))', 'State 5']);
  });

  it('handler.send_event is a coroutine, as in the library; handler.ctx.send_event is the plain call the docs use', async () => {
    const run = await runPython(`${HEADER}
from workflows.events import InputRequiredEvent, HumanResponseEvent

class Ask(Workflow):
    @step
    async def ask(self, ev: StartEvent) -> InputRequiredEvent:
        return InputRequiredEvent(prefix="Name? ")

    @step
    async def greet(self, ev: HumanResponseEvent) -> StopEvent:
        return StopEvent(result="Hello " + ev.response)

for how in ("await handler.send_event", "handler.ctx.send_event"):
    handler = Ask(timeout=10).run()
    async for ev in handler.stream_events():
        if isinstance(ev, InputRequiredEvent):
            if how == "await handler.send_event":
                await handler.send_event(HumanResponseEvent(response="Ada"))
            else:
                handler.ctx.send_event(HumanResponseEvent(response="Grace"))
    print(how, await handler)
`, { answers: null });
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['await handler.send_event Hello Ada', 'handler.ctx.send_event Hello Grace']);
  });

  it('handler.exception(): InvalidStateError while running, None once stopped, the error of a cancelled or timed-out run', async () => {
    const run = await runPython(`${HEADER}
class Quick(Workflow):
    @step
    async def go(self, ev: StartEvent) -> StopEvent:
        return StopEvent(result=1)

class Slow(Workflow):
    @step
    async def go(self, ev: StartEvent) -> StopEvent:
        await asyncio.sleep(10)
        return StopEvent(result=1)

handler = Quick().run()
try:
    handler.exception()
except asyncio.InvalidStateError:
    print("running: InvalidStateError")
await handler
print("stopped:", handler.exception())

handler = Slow(timeout=100).run()
await asyncio.sleep(1)
await handler.cancel_run()
try:
    await handler
except WorkflowCancelledByUser:
    print("cancelled: await raises WorkflowCancelledByUser;", type(handler.exception()).__name__)

handler = Slow(timeout=2).run()
try:
    await handler
except WorkflowTimeoutError:
    print("timed out:", type(handler.exception()).__name__)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['running: InvalidStateError', 'stopped: None', 'cancelled: await raises WorkflowCancelledByUser; WorkflowCancelledByUser', 'timed out: WorkflowTimeoutError']);
  });
});
