# A retry policy says which errors to retry, how long to wait between attempts and when to give up.
# The forecast service is busy for the first 6 seconds after the first call, then it answers.
import asyncio
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step
from llama_index.core.workflow.retry_policy import (
    retry_if_exception_type,
    retry_policy,
    stop_after_attempt,
    wait_exponential,
)

class ServiceBusy(Exception):
    pass

class ForecastEvent(Event):
    city: str
    forecast: str

BUSY_FOR = 6

class WeatherFlow(Workflow):
    @step(
        retry_policy=retry_policy(
            retry=retry_if_exception_type(ServiceBusy),
            wait=wait_exponential(multiplier=1, max=10),
            stop=stop_after_attempt(5),
        )
    )
    async def fetch_forecast(self, ctx: Context, ev: StartEvent) -> ForecastEvent:
        # The loop's clock is the run's: on the virtual clock the waits take no real time.
        now = asyncio.get_running_loop().time()
        first = await ctx.store.get("first_call", default=None)
        if first is None:
            first = now
            await ctx.store.set("first_call", now)
        print(f"attempt at {now - first:g}s")
        await asyncio.sleep(0.5)
        if now - first < BUSY_FOR:
            raise ServiceBusy("The forecast service is busy, try again later")
        return ForecastEvent(city=ev.city, forecast="sunny")

    @step
    async def report(self, ctx: Context, ev: ForecastEvent) -> StopEvent:
        return StopEvent(result=f"{ev.city}: {ev.forecast}")

w = WeatherFlow(timeout=60, verbose=False)
result = await w.run(city="Lisbon")
print(result)
