# A collect_events that never completes: step_three waits for four results but only three are sent,
# so the run can only end by timing out. Read the timeout message, then fix the expected list.
import asyncio
import random
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class StepTwoEvent(Event):
    query: str

class StepThreeEvent(Event):
    result: str

class ConcurrentFlow(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> StepTwoEvent:
        ctx.send_event(StepTwoEvent(query="Query 1"))
        ctx.send_event(StepTwoEvent(query="Query 2"))
        ctx.send_event(StepTwoEvent(query="Query 3"))

    @step(num_workers=4)
    async def step_two(self, ctx: Context, ev: StepTwoEvent) -> StepThreeEvent:
        await asyncio.sleep(random.randint(1, 5))
        return StepThreeEvent(result=ev.query)

    @step
    async def step_three(self, ctx: Context, ev: StepThreeEvent) -> StopEvent:
        results = ctx.collect_events(ev, [StepThreeEvent] * 4)
        if results is None:
            return None
        return StopEvent(result=[r.result for r in results])

w = ConcurrentFlow(timeout=10, verbose=False)
result = await w.run()
print(result)
