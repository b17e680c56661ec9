# Solution: PollState declares the fields and their defaults; the run starts with them in place,
# so no read needs a default.
import asyncio
from pydantic import BaseModel, Field
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

class PollState(BaseModel):
    yes: int = 0
    no: int = 0
    voters: list[str] = Field(default_factory=list)

class VoteEvent(Event):
    voter: str
    vote: str

class CountedEvent(Event):
    voter: str

VOTES = [("Ada", "yes"), ("Grace", "no"), ("Alan", "yes"), ("Edsger", "yes")]

class PollFlow(Workflow):
    @step
    async def start(self, ctx: Context[PollState], ev: StartEvent) -> VoteEvent:
        for voter, vote in VOTES:
            ctx.send_event(VoteEvent(voter=voter, vote=vote))

    @step(num_workers=1)
    async def tally(self, ctx: Context[PollState], ev: VoteEvent) -> CountedEvent:
        await asyncio.sleep(1)
        await ctx.store.set(ev.vote, await ctx.store.get(ev.vote) + 1)
        await ctx.store.set("voters", [*await ctx.store.get("voters"), ev.voter])
        return CountedEvent(voter=ev.voter)

    @step
    async def close(self, ctx: Context[PollState], ev: CountedEvent) -> StopEvent:
        if ctx.collect_events(ev, [CountedEvent] * len(VOTES)) is None:
            return None
        state = await ctx.store.get_state()
        return StopEvent(result=f"{state.yes} yes, {state.no} no")

w = PollFlow(timeout=30, verbose=False)
result = await w.run()
print(result)
