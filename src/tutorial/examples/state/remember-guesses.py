# Solution: every guess is appended to a list kept in the context, and the result returns it.
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
        # Set a new list rather than appending to the old one, so each change shows in the trace.
        guesses = [*await ctx.get("guesses", default=[]), ev.guess]
        await ctx.set("guesses", guesses)
        if ev.guess == secret:
            return StopEvent(result=guesses)
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
