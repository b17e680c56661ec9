# Solution: the input decides the branch; `quick=True` skips the drafting loop.
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class DraftEvent(Event):
    topic: str
    round: int

class ReviewEvent(Event):
    topic: str
    text: str
    round: int

class QuickAnswerEvent(Event):
    topic: str

ROUNDS = 2

class EssayFlow(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> DraftEvent | QuickAnswerEvent:
        topic = ev.get("topic", "workflows")
        # A branch: which event we return decides which step runs next.
        if ev.get("quick"):
            return QuickAnswerEvent(topic=topic)
        return DraftEvent(topic=topic, round=1)

    @step
    async def quick(self, ctx: Context, ev: QuickAnswerEvent) -> StopEvent:
        return StopEvent(result=f"{ev.topic}: short answer")

    @step
    async def write(self, ctx: Context, ev: DraftEvent) -> ReviewEvent:
        print(f"Writing draft {ev.round} about {ev.topic}")
        return ReviewEvent(topic=ev.topic, text=f"{ev.topic} (draft {ev.round})", round=ev.round)

    @step
    async def review(self, ctx: Context, ev: ReviewEvent) -> DraftEvent | StopEvent:
        # A loop: returning a DraftEvent runs `write` again.
        if ev.round < ROUNDS:
            return DraftEvent(topic=ev.topic, round=ev.round + 1)
        return StopEvent(result=ev.text)

w = EssayFlow(timeout=10, verbose=False)
result = await w.run(topic="workflows", quick=True)
print(result)
