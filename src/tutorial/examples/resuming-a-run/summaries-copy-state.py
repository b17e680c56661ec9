# A saved run of SummaryFlow had two of its three summaries in combine's collect buffer and the third
# still being written. Copying its state into a new context starts over: every summary is written again.
import asyncio
import math
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

SAVED = {
    "version": 1,
    "workflow": "SummaryFlow",
    "stateType": None,
    "state": {"planned": ["events", "steps", "context"]},
    "running": True,
    "awaitingInput": 0,
    "work": [
        {"step": "summarise", "type": "DocEvent", "fields": {"title": "context", "words": 900}},
        {"step": "combine", "type": "SummaryEvent", "fields": {"title": "events", "summary": "events in 2 lines"}},
        {"step": "combine", "type": "SummaryEvent", "fields": {"title": "steps", "summary": "steps in 4 lines"}},
    ],
}

class DocEvent(Event):
    title: str
    words: int

class SummaryEvent(Event):
    title: str
    summary: str

DOCS = [{"title": "events", "words": 120}, {"title": "steps", "words": 340}, {"title": "context", "words": 900}]

class SummaryFlow(Workflow):
    @step
    async def plan(self, ctx: Context, ev: StartEvent) -> DocEvent:
        await ctx.store.set("planned", [d["title"] for d in DOCS])
        for doc in DOCS:
            ctx.send_event(DocEvent(**doc))

    @step(num_workers=3)
    async def summarise(self, ctx: Context, ev: DocEvent) -> SummaryEvent:
        await asyncio.sleep(ev.words / 100)
        return SummaryEvent(title=ev.title, summary=f"{ev.title} in {math.ceil(ev.words / 100)} lines")

    @step
    async def combine(self, ctx: Context, ev: SummaryEvent) -> StopEvent:
        summaries = ctx.collect_events(ev, [SummaryEvent] * 3)
        if summaries is None:
            return None
        return StopEvent(result=[s.summary for s in summaries])

w = SummaryFlow(timeout=60, verbose=False)
ctx = Context(w)
for key, value in SAVED["state"].items():
    await ctx.store.set(key, value)
result = await w.run(ctx=ctx)
print(result)
