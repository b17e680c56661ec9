# The service is busy for its first 6 seconds. Four attempts one second apart all come too early,
# so the last error fails the run. Make each wait longer than the one before.
import asyncio
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent
from workflows.retry_policy import retry_policy, stop_after_attempt, wait_fixed

class ServiceBusy(Exception):
    pass

class ForecastEvent(Event):
    city: str
    forecast: str

BUSY_FOR = 6

class WeatherFlow(Workflow):
    @step(retry_policy=retry_policy(wait=wait_fixed(1), stop=stop_after_attempt(4)))
    async def fetch_forecast(self, ctx: Context, ev: StartEvent) -> ForecastEvent:
        info = ctx.retry_info()
        await asyncio.sleep(0.5)
        if info.elapsed_seconds < BUSY_FOR:
            raise ServiceBusy(f"Busy (attempt {info.retry_number + 1}, {info.elapsed_seconds:g}s in)")
        return ForecastEvent(city=ev.city, forecast="sunny")

    @step
    async def report(self, ctx: Context, ev: ForecastEvent) -> StopEvent:
        return StopEvent(result=f"{ev.city}: {ev.forecast}")

w = WeatherFlow(timeout=60, verbose=False)
result = await w.run(city="Lisbon")
print(result)
