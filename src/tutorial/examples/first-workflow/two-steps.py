# Solution: a custom event carries the work from the first step to the second.
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

class GreetingEvent(Event):
    greeting: str

class HelloFlow(Workflow):
    @step
    async def hello(self, ctx: Context, ev: StartEvent) -> GreetingEvent:
        name = ev.get("name", "world")
        return GreetingEvent(greeting=f"Hello, {name}")

    @step
    async def shout(self, ctx: Context, ev: GreetingEvent) -> StopEvent:
        return StopEvent(result=f"{ev.greeting.upper()}!")

w = HelloFlow(timeout=10, verbose=False)
result = await w.run(name="Ada")
print(result)
