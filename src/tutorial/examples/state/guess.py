# State: ctx.set and ctx.get keep values for the whole run, shared by every step and every loop.
# The game keeps its secret and the search bounds in the context, not in events.
import random
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class GuessEvent(Event):
    guess: int

class GuessingGame(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> GuessEvent:
        await ctx.set("secret", random.randint(1, 100))
        await ctx.set("low", 1)
        await ctx.set("high", 100)
        return GuessEvent(guess=50)

    @step
    async def check(self, ctx: Context, ev: GuessEvent) -> GuessEvent | StopEvent:
        secret = await ctx.get("secret")
        # A default for a key that was never set: 0 attempts so far.
        attempts = await ctx.get("attempts", default=0) + 1
        await ctx.set("attempts", attempts)
        if ev.guess == secret:
            return StopEvent(result=f"Found {secret} in {attempts} guesses")
        if ev.guess < secret:
            await ctx.set("low", ev.guess + 1)
        else:
            await ctx.set("high", ev.guess - 1)
        low = await ctx.get("low")
        high = await ctx.get("high")
        return GuessEvent(guess=(low + high) // 2)

w = GuessingGame(timeout=10, verbose=False)
result = await w.run()
print(result)
