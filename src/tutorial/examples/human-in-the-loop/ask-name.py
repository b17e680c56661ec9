# Human in the loop: a step returns an InputRequiredEvent, the run pauses until the caller answers
# with a HumanResponseEvent, and the step that accepts the answer carries on.
# There is no w.run() here: the playground starts the run and asks you the question.
from llama_index.core.workflow import (
    Context,
    HumanResponseEvent,
    InputRequiredEvent,
    StartEvent,
    StopEvent,
    Workflow,
    step,
)

class GreetFlow(Workflow):
    @step
    async def ask(self, ctx: Context, ev: StartEvent) -> InputRequiredEvent:
        return InputRequiredEvent(prefix="What is your name? ")

    @step
    async def greet(self, ctx: Context, ev: HumanResponseEvent) -> StopEvent:
        return StopEvent(result=f"Hello, {ev.response}!")
