# A retry policy says which errors to retry, how long to wait between attempts and when to give up.
# The forecast service is busy for its first few calls; a @catch_error step answers if it never recovers.
import asyncio
from workflows import Context, Workflow, catch_error, step
from workflows.events import Event, StartEvent, StepFailedEvent, StopEvent
from workflows.retry_policy import (
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

# Busy for the first 6 seconds after the first call, then it answers.
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
        info = ctx.retry_info()
        if info.retry_number > 0:
            print(f"retry {info.retry_number} after {info.elapsed_seconds:g}s: {info.last_exception}")
        await asyncio.sleep(0.5)
        if info.elapsed_seconds < BUSY_FOR:
            raise ServiceBusy("The forecast service is busy, try again later")
        return ForecastEvent(city=ev.city, forecast="sunny")

    @step
    async def report(self, ctx: Context, ev: ForecastEvent) -> StopEvent:
        return StopEvent(result=f"{ev.city}: {ev.forecast}")

    # Runs only when fetch_forecast has failed for good: its retries are used up, or the error is not retried.
    @catch_error(for_steps=["fetch_forecast"])
    async def no_forecast(self, ctx: Context, ev: StepFailedEvent) -> StopEvent:
        return StopEvent(result=f"No forecast after {ev.attempts} attempts: {ev.exception}")

w = WeatherFlow(timeout=60, verbose=False)
result = await w.run(city="Lisbon")
print(result)
