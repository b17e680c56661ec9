# Solution: a retry policy runs the step again after a delay; three attempts in all are enough here.
import asyncio
import re
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step
from llama_index.core.workflow.retry_policy import ConstantDelayRetryPolicy

class PageEvent(Event):
    html: str

class FetchFlow(Workflow):
    @step(retry_policy=ConstantDelayRetryPolicy(maximum_attempts=3, delay=1))
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
