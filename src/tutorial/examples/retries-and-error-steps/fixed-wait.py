# The service is busy for its first 6 seconds. Four attempts one second apart all come too early,
# so the last error fails the run. Make each wait longer than the one before.
import asyncio
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step
from llama_index.core.workflow.retry_policy import retry_policy, stop_after_attempt, wait_fixed

class ServiceBusy(Exception):
    pass

class ForecastEvent(Event):
    city: str
    forecast: str

BUSY_FOR = 6

class WeatherFlow(Workflow):
    @step(retry_policy=retry_policy(wait=wait_fixed(1), stop=stop_after_attempt(4)))
    async def fetch_forecast(self, ctx: Context, ev: StartEvent) -> ForecastEvent:
        now = asyncio.get_running_loop().time()
        first = await ctx.store.get("first_call", default=None)
        if first is None:
            first = now
            await ctx.store.set("first_call", now)
        await asyncio.sleep(0.5)
        if now - first < BUSY_FOR:
            raise ServiceBusy(f"Busy ({now - first:g}s in)")
        return ForecastEvent(city=ev.city, forecast="sunny")

    @step
    async def report(self, ctx: Context, ev: ForecastEvent) -> StopEvent:
        return StopEvent(result=f"{ev.city}: {ev.forecast}")

w = WeatherFlow(timeout=60, verbose=False)
result = await w.run(city="Lisbon")
print(result)
