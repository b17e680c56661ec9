# The run below starts over: the slow lookup runs again, though the saved context already holds
# everything it found. Resume the saved run instead.
import asyncio
from workflows import Context, Workflow, step
from workflows.events import Event, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent

# What handler.ctx.to_dict() gave for a run of RefundFlow that was waiting for a manager's answer,
# as json.dumps wrote it: the state, and the ReviewEvent that review was handling.
SAVED = {
    "version": 1,
    "workflow": "RefundFlow",
    "stateType": None,
    "state": {"customer": "Ada", "lookups": 1},
    "running": True,
    "awaitingInput": 1,
    "work": [{"step": "review", "type": "ReviewEvent", "fields": {"order": "A-17", "amount": 40}}],
}

class ReviewEvent(Event):
    order: str
    amount: int

class RefundFlow(Workflow):
    @step
    async def lookup(self, ctx: Context, ev: StartEvent) -> ReviewEvent:
        await asyncio.sleep(3)  # the order system is slow
        await ctx.store.set("customer", "Ada")
        await ctx.store.set("lookups", await ctx.store.get("lookups", default=0) + 1)
        return ReviewEvent(order=ev.order, amount=40)

    @step
    async def review(self, ctx: Context, ev: ReviewEvent) -> StopEvent:
        answer = await ctx.wait_for_event(
            HumanResponseEvent,
            waiter_event=InputRequiredEvent(prefix=f"Refund {ev.amount} EUR for order {ev.order}? (yes/no) "),
        )
        customer = await ctx.store.get("customer")
        verdict = "refunded" if answer.response.strip().lower().startswith("y") else "refused"
        return StopEvent(result=f"{ev.amount} EUR {verdict} to {customer} (order {ev.order})")

w = RefundFlow(timeout=60, verbose=False)
result = await w.run(order="A-17")
print(result)
