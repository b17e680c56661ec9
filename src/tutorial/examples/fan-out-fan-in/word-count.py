# Fan-out and fan-in: split sends one Task per sentence with ctx.send_event, and total gathers
# every Done of that batch with ctx.collect_events, waiting for as many as were sent.
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
        # The size of the batch, stored before any branch can finish.
        await ctx.store.set("chunks", len(chunks))
        for chunk in chunks:
            ctx.send_event(Task(chunk=chunk))

    @step(num_workers=2)
    async def count(self, ctx: Context, ev: Task) -> Done:
        await asyncio.sleep(random.randint(1, 3))
        return Done(chunk=ev.chunk, words=len(ev.chunk.split(" ")))

    @step
    async def total(self, ctx: Context, ev: Done) -> StopEvent:
        chunks = await ctx.store.get("chunks")
        # None until every branch has finished; then all the Done events, in the order they came.
        done = ctx.collect_events(ev, [Done] * chunks)
        if done is None:
            return None
        print(f"Gathered {len(done)} counts")
        return StopEvent(result=sum(d.words for d in done))

w = WordCountFlow(timeout=30, verbose=False)
result = await w.run()
print(result)
