# The translation service is gone: every attempt fails, and after the third the run fails.
# Add an error step that ends the run with the original text instead.
import asyncio
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent
from workflows.retry_policy import retry_policy, stop_after_attempt, wait_fixed

class TranslatedEvent(Event):
    text: str

class TranslateFlow(Workflow):
    @step(retry_policy=retry_policy(wait=wait_fixed(1), stop=stop_after_attempt(3)))
    async def translate(self, ctx: Context, ev: StartEvent) -> TranslatedEvent:
        await asyncio.sleep(0.5)
        raise RuntimeError(f'Translation service unavailable for "{ev.text}"')

    @step
    async def publish(self, ctx: Context, ev: TranslatedEvent) -> StopEvent:
        return StopEvent(result=ev.text)

w = TranslateFlow(timeout=30, verbose=False)
result = await w.run(text="Bom dia")
print(result)
