# Map-reduce, as the concurrency chapter describes it: the number of parallel tasks is decided at run
# time, stored with ctx.set("num_events", n), and the reducing step waits for that many results.
import asyncio
import random
from llama_index.core.workflow import (
    Context,
    Event,
    StartEvent,
    StopEvent,
    Workflow,
    step,
)

class StepTwoEvent(Event):
    query: str

class StepThreeEvent(Event):
    result: str

class MapReduceFlow(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> StepTwoEvent:
        queries = ev.get("queries", ["Query 1", "Query 2", "Query 3", "Query 4"])
        await ctx.set("num_events", len(queries))
        for query in queries:
            ctx.send_event(StepTwoEvent(query=query))

    @step(num_workers=4)
    async def step_two(self, ctx: Context, ev: StepTwoEvent) -> StepThreeEvent:
        print("Running query ", ev.query)
        await asyncio.sleep(random.randint(1, 5))
        return StepThreeEvent(result=ev.query)

    @step
    async def step_three(self, ctx: Context, ev: StepThreeEvent) -> StopEvent:
        num_events = await ctx.get("num_events")
        results = ctx.collect_events(ev, [StepThreeEvent] * num_events)
        if results is None:
            return None

        print(f"Reduced {len(results)} results")
        return StopEvent(result=", ".join(r.result for r in results))

w = MapReduceFlow(timeout=30, verbose=False)
result = await w.run(message="Start the workflow.")
print(result)
