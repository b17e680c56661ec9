# A first workflow: one step receives the StartEvent and returns the StopEvent that ends the run.
from llama_index.core.workflow import Context, StartEvent, StopEvent, Workflow, step

class HelloFlow(Workflow):
    @step
    async def hello(self, ctx: Context, ev: StartEvent) -> StopEvent:
        # StartEvent carries whatever was passed to w.run().
        name = ev.get("name", "world")
        return StopEvent(result=f"Hello, {name}!")

w = HelloFlow(timeout=10, verbose=False)
result = await w.run(name="Ada")
print(result)
