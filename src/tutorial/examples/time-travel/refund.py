# Time travel: a refund goes to a manager above 100, and is approved otherwise. Run it, then fork
# the run at the RefundRequest's delivery with other fields and see where the new run goes.
import asyncio
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class RefundRequest(Event):
    order: str
    amount: int

class Escalated(Event):
    order: str
    amount: int

LIMIT = 100

class RefundFlow(Workflow):
    @step
    async def receive(self, ctx: Context, ev: StartEvent) -> RefundRequest:
        print(f"Refund asked for order {ev.order}")
        return RefundRequest(order=ev.order, amount=ev.amount)

    @step
    async def decide(self, ctx: Context, ev: RefundRequest) -> Escalated | StopEvent:
        await asyncio.sleep(1)
        if ev.amount > LIMIT:
            return Escalated(order=ev.order, amount=ev.amount)
        return StopEvent(result=f"approved {ev.amount} for {ev.order}")

    @step
    async def manager(self, ctx: Context, ev: Escalated) -> StopEvent:
        await asyncio.sleep(2)
        return StopEvent(result=f"a manager approved {ev.amount} for {ev.order}")

w = RefundFlow(timeout=10, verbose=False)
result = await w.run(order="A-17", amount=40)
print(result)
