# When a step raises, the run fails with that exception and every other step is cancelled.
# This service fails twice before it answers; the attempt count is kept in the context.
import asyncio
import re
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class PageEvent(Event):
    html: str

class FetchFlow(Workflow):
    @step
    async def fetch_page(self, ctx: Context, ev: StartEvent) -> PageEvent:
        attempt = await ctx.store.get("attempt", default=0) + 1
        await ctx.store.set("attempt", attempt)
        await asyncio.sleep(1)
        if attempt < 3:
            raise ConnectionError(f"Service unavailable (attempt {attempt})")
        return PageEvent(html="<h1>Workflows</h1>")

    @step
    async def parse(self, ctx: Context, ev: PageEvent) -> StopEvent:
        return StopEvent(result=re.sub(r"<[^>]+>", "", ev.html))

w = FetchFlow(timeout=30, verbose=False)
result = await w.run()
print(result)
