# Starting point: total takes one Done at a time, so the first count to finish stops the run.
# Make it gather the whole batch.
import asyncio
import random
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class Task(Event):
    chunk: str

class Done(Event):
    chunk: str
    words: int

TEXT = "Events carry data. Steps react to events. The context keeps state. A stop event ends the run."

class WordCountFlow(Workflow):
    @step
    async def split(self, ctx: Context, ev: StartEvent) -> Task:
        chunks = ev.get("text", TEXT).split(". ")
        for chunk in chunks:
            ctx.send_event(Task(chunk=chunk))

    @step(num_workers=2)
    async def count(self, ctx: Context, ev: Task) -> Done:
        await asyncio.sleep(random.randint(1, 3))
        return Done(chunk=ev.chunk, words=len(ev.chunk.split(" ")))

    @step
    async def total(self, ctx: Context, ev: Done) -> StopEvent:
        return StopEvent(result=ev.words)

w = WordCountFlow(timeout=30, verbose=False)
result = await w.run()
print(result)
