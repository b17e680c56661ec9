# Solution: once translate has used up its retries, the error step gets a StepFailedEvent. Its
# input_event is the StartEvent that translate was handling, so the original text is at hand.
import asyncio
from workflows import Context, Workflow, catch_error, step
from workflows.events import Event, StartEvent, StepFailedEvent, StopEvent
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

    @catch_error(for_steps=["translate"])
    async def untranslated(self, ctx: Context, ev: StepFailedEvent) -> StopEvent:
        print(f"translate gave up after {ev.attempts} attempts: {ev.exception}")
        return StopEvent(result=ev.input_event.text)

w = TranslateFlow(timeout=30, verbose=False)
result = await w.run(text="Bom dia")
print(result)
