# Three counts run at once. Each reads the totals, counts for a while, then writes the totals back,
# so an invocation that finished in between has its update overwritten: the totals come out short.
import asyncio
import random
from pydantic import BaseModel, Field
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

class CountState(BaseModel):
    totals: dict = Field(default_factory=lambda: {"documents": 0, "words": 0})

class DocEvent(Event):
    title: str
    text: str

class CountedEvent(Event):
    title: str
    words: int

DOCS = {
    "events": "An event carries data from one step to the next",
    "steps": "A step accepts events and returns the next ones",
    "context": "The context holds what belongs to the whole run",
    "streams": "Streams publish progress to the caller while the run goes on",
    "retries": "A retry policy runs a failing step again",
}

class WordCount(Workflow):
    @step
    async def start(self, ctx: Context[CountState], ev: StartEvent) -> DocEvent:
        for title, text in DOCS.items():
            ctx.send_event(DocEvent(title=title, text=text))

    @step(num_workers=3)
    async def count(self, ctx: Context[CountState], ev: DocEvent) -> CountedEvent:
        totals = await ctx.store.get("totals")
        await asyncio.sleep(random.randint(1, 3))
        words = len(ev.text.split(" "))
        await ctx.store.set("totals", {"documents": totals["documents"] + 1, "words": totals["words"] + words})
        return CountedEvent(title=ev.title, words=words)

    @step
    async def report(self, ctx: Context[CountState], ev: CountedEvent) -> StopEvent:
        if ctx.collect_events(ev, [CountedEvent] * len(DOCS)) is None:
            return None
        totals = await ctx.store.get("totals")
        return StopEvent(result=f"{totals['documents']} documents, {totals['words']} words")

w = WordCount(timeout=30, verbose=False)
result = await w.run()
print(result)
