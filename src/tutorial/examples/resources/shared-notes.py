# Three drafts are written at once, each keeping notes as it goes. The notes are a cached resource,
# so all three write into the same Notes and each draft ends up with the others' notes too.
import asyncio
import random
from typing import Annotated
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step
from llama_index.core.workflow.resource import Resource

class Notes:
    def __init__(self):
        self.lines = []

class TopicEvent(Event):
    topic: str

class DraftEvent(Event):
    topic: str
    notes: list[str]

TOPICS = ["events", "steps", "resources"]

def get_notes() -> Notes:
    return Notes()

class DraftFlow(Workflow):
    @step
    async def plan(self, ctx: Context, ev: StartEvent) -> TopicEvent:
        for topic in TOPICS:
            ctx.send_event(TopicEvent(topic=topic))

    @step(num_workers=3)
    async def draft(self, ctx: Context, ev: TopicEvent, notes: Annotated[Notes, Resource(get_notes)]) -> DraftEvent:
        notes.lines.append(f"outline of {ev.topic}")
        await asyncio.sleep(random.randint(1, 3))
        notes.lines.append(f"draft of {ev.topic}")
        return DraftEvent(topic=ev.topic, notes=list(notes.lines))

    @step
    async def publish(self, ctx: Context, ev: DraftEvent) -> StopEvent:
        drafts = ctx.collect_events(ev, [DraftEvent] * 3)
        if drafts is None:
            return None
        return StopEvent(result=[f"{d.topic}: {len(d.notes)} notes" for d in drafts])

w = DraftFlow(timeout=30, verbose=False)
result = await w.run()
print(result)
