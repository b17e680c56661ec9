# Solution: one progress event per section, published as each section is written.
import asyncio
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class ProgressEvent(Event):
    message: str

class OutlineEvent(Event):
    sections: list[str]

class ReportFlow(Workflow):
    @step
    async def research(self, ctx: Context, ev: StartEvent) -> OutlineEvent:
        ctx.write_event_to_stream(ProgressEvent(message="Researching the topic"))
        await asyncio.sleep(2)
        return OutlineEvent(sections=["Events", "Steps", "Context"])

    @step
    async def write(self, ctx: Context, ev: OutlineEvent) -> StopEvent:
        for section in ev.sections:
            ctx.write_event_to_stream(ProgressEvent(message=f"Writing {section}"))
            await asyncio.sleep(1)
        return StopEvent(result=f"A report in {len(ev.sections)} sections")

w = ReportFlow(timeout=30, verbose=False)
handler = w.run(topic="workflows")
async for ev in handler.stream_events():
    if isinstance(ev, ProgressEvent):
        print("progress:", ev.message)
print(await handler)
