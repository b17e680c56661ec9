# An untyped tally: every key is a string, every value needs a default, and nothing says which keys
# the run has. Declare the state as a class instead.
import asyncio
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

class VoteEvent(Event):
    voter: str
    vote: str

class CountedEvent(Event):
    voter: str

VOTES = [("Ada", "yes"), ("Grace", "no"), ("Alan", "yes"), ("Edsger", "yes")]

class PollFlow(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> VoteEvent:
        for voter, vote in VOTES:
            ctx.send_event(VoteEvent(voter=voter, vote=vote))

    @step(num_workers=1)
    async def tally(self, ctx: Context, ev: VoteEvent) -> CountedEvent:
        await asyncio.sleep(1)
        await ctx.store.set(ev.vote, await ctx.store.get(ev.vote, default=0) + 1)
        await ctx.store.set("voters", [*await ctx.store.get("voters", default=[]), ev.voter])
        return CountedEvent(voter=ev.voter)

    @step
    async def close(self, ctx: Context, ev: CountedEvent) -> StopEvent:
        if ctx.collect_events(ev, [CountedEvent] * len(VOTES)) is None:
            return None
        yes = await ctx.store.get("yes", default=0)
        no = await ctx.store.get("no", default=0)
        return StopEvent(result=f"{yes} yes, {no} no")

w = PollFlow(timeout=30, verbose=False)
result = await w.run()
print(result)
