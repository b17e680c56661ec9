# Solution: the step that receives answers remembers the name in the context and asks again to
# confirm it; "no" starts over, anything starting with "y" ends the run.
from llama_index.core.workflow import (
    Context,
    HumanResponseEvent,
    InputRequiredEvent,
    StartEvent,
    StopEvent,
    Workflow,
    step,
)

class ConfirmFlow(Workflow):
    @step
    async def ask(self, ctx: Context, ev: StartEvent) -> InputRequiredEvent:
        return InputRequiredEvent(prefix="What is your name? ")

    @step
    async def answer(self, ctx: Context, ev: HumanResponseEvent) -> InputRequiredEvent | StopEvent:
        name = await ctx.store.get("name", default=None)
        if name is None:
            await ctx.store.set("name", ev.response)
            return InputRequiredEvent(prefix=f"Shall I greet {ev.response}? (yes/no) ")
        if ev.response.strip().lower().startswith("y"):
            return StopEvent(result=f"Hello, {name}!")
        await ctx.store.set("name", None)
        return InputRequiredEvent(prefix="What is your name, then? ")
