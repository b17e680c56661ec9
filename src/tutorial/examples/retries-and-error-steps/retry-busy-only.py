# Solution: only ServiceBusy is retried; an unknown city goes to the error step at once.
import asyncio
from workflows import Context, Workflow, catch_error, step
from workflows.events import Event, StartEvent, StepFailedEvent, StopEvent
from workflows.retry_policy import retry_if_exception_type, retry_policy, stop_after_attempt, wait_fixed

class ServiceBusy(Exception):
    pass

class UnknownCity(Exception):
    pass

class CityEvent(Event):
    city: str

class ForecastEvent(Event):
    city: str
    forecast: str

KNOWN = {"Lisbon": "sunny", "Porto": "rain"}

class WeatherFlow(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> CityEvent:
        for city in ["Lisbon", "Atlantis", "Porto"]:
            ctx.send_event(CityEvent(city=city))

    @step(retry_policy=retry_policy(retry=retry_if_exception_type(ServiceBusy), wait=wait_fixed(2), stop=stop_after_attempt(4)))
    async def lookup(self, ctx: Context, ev: CityEvent) -> ForecastEvent:
        await asyncio.sleep(0.5)
        if ev.city not in KNOWN:
            raise UnknownCity(f"No such city: {ev.city}")
        if ctx.retry_info().retry_number == 0:
            raise ServiceBusy(f"Busy, try {ev.city} again")
        return ForecastEvent(city=ev.city, forecast=KNOWN[ev.city])

    @catch_error
    async def no_forecast(self, ctx: Context, ev: StepFailedEvent) -> ForecastEvent:
        return ForecastEvent(city=ev.input_event.city, forecast=f"unavailable ({ev.exception})")

    @step
    async def report(self, ctx: Context, ev: ForecastEvent) -> StopEvent:
        forecasts = ctx.collect_events(ev, [ForecastEvent] * 3)
        if forecasts is None:
            return None
        return StopEvent(result=[f"{f.city}: {f.forecast}" for f in forecasts])

w = WeatherFlow(timeout=60, verbose=False)
result = await w.run()
print(result)
