# Streaming: steps publish events to the caller with ctx.write_event_to_stream while the run goes on;
# the caller reads them with handler.stream_events(). Streamed events are not routed to steps.
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
        ctx.write_event_to_stream(ProgressEvent(message=f"Writing {len(ev.sections)} sections"))
        for section in ev.sections:
            await asyncio.sleep(1)
        return StopEvent(result=f"A report in {len(ev.sections)} sections")

w = ReportFlow(timeout=30, verbose=False)
# Start the run without awaiting it, so we can read its stream while it works.
handler = w.run(topic="workflows")
async for ev in handler.stream_events():
    if isinstance(ev, ProgressEvent):
        print("progress:", ev.message)
print(await handler)
