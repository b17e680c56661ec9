# Starting point: the reducer waits for a fixed three results, but start sends one query per item
# of its list. Keep the count in the context and wait for that many.
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
        for query in queries:
            ctx.send_event(StepTwoEvent(query=query))

    @step(num_workers=4)
    async def step_two(self, ctx: Context, ev: StepTwoEvent) -> StepThreeEvent:
        print("Running query ", ev.query)
        await asyncio.sleep(random.randint(1, 5))
        return StepThreeEvent(result=ev.query)

    @step
    async def step_three(self, ctx: Context, ev: StepThreeEvent) -> StopEvent:
        results = ctx.collect_events(ev, [StepThreeEvent] * 3)
        if results is None:
            return None

        print(f"Reduced {len(results)} results")
        return StopEvent(result=", ".join(r.result for r in results))

w = MapReduceFlow(timeout=30, verbose=False)
result = await w.run(message="Start the workflow.")
print(result)
