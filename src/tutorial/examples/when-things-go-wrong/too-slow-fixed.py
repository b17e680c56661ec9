# Solution: more workers write chapters side by side, so the book is done well within the timeout.
import asyncio
import random
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class ChapterEvent(Event):
    title: str

class ChapterDoneEvent(Event):
    title: str

class BookFlow(Workflow):
    @step
    async def plan(self, ctx: Context, ev: StartEvent) -> ChapterEvent:
        for title in ["Events", "Steps", "Context", "Streams"]:
            ctx.send_event(ChapterEvent(title=title))

    @step(num_workers=4)
    async def write_chapter(self, ctx: Context, ev: ChapterEvent) -> ChapterDoneEvent:
        await asyncio.sleep(random.randint(2, 4))
        return ChapterDoneEvent(title=ev.title)

    @step
    async def bind(self, ctx: Context, ev: ChapterDoneEvent) -> StopEvent:
        chapters = ctx.collect_events(ev, [ChapterDoneEvent] * 4)
        if chapters is None:
            return None
        return StopEvent(result=", ".join(c.title for c in chapters))

w = BookFlow(timeout=6, verbose=False)
result = await w.run()
print(result)
