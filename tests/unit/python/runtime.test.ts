/** The Python face's own behaviour: the event model, imports, scripts, streams and errors. */
import { describe, expect, it } from 'vitest';
import { runPython } from './runPython.ts';

const HEADER = 'import asyncio\nfrom workflows import Context, Workflow, step\nfrom workflows.events import Event, StartEvent, StopEvent\n';

describe('Python on the engine', { timeout: 180_000 }, () => {
  it('events: keyword construction, defaults, required fields, repr and model_dump', async () => {
    const run = await runPython(`${HEADER}
class Ping(Event):
    text: str
    count: int = 2
    tags: list = []

p = Ping(text="hi")
print(p)
print(p.model_dump())
print(Ping(text="a", count=5, extra=1).extra)
try:
    Ping()
except Exception as error:
    print(type(error).__name__, str(error).splitlines()[0])
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual([
      "Ping(text='hi', count=2, tags=[])",
      "{'text': 'hi', 'count': 2, 'tags': []}",
      '1',
      'ValidationError 1 validation error for Ping',
    ]);
  });

  it('an import the playground cannot serve names the module and what is there', async () => {
    const run = await runPython('import requests\n');
    expect(String(run.error)).toContain("ModuleNotFoundError: No module named 'requests' here: the playground provides llama_index.core.workflow, workflows");
  });

  it('runs asyncio.run(main()) scripts, streams events and keeps state in ctx.store', async () => {
    const run = await runPython(`${HEADER}
class Progress(Event):
    n: int

class Counter(Workflow):
    @step
    async def count(self, ctx: Context, ev: StartEvent) -> StopEvent:
        for n in range(ev.get("upto", 3)):
            await ctx.store.set("seen", n)
            ctx.write_event_to_stream(Progress(n=n))
            await asyncio.sleep(5)
        return StopEvent(result=await ctx.store.get("seen"))

async def main():
    handler = Counter(timeout=60).run(upto=3)
    async for ev in handler.stream_events():
        if isinstance(ev, Progress):
            print("progress", ev.n)
    print("result", await handler)

if __name__ == "__main__":
    asyncio.run(main())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['progress 0', 'progress 1', 'progress 2', 'result 2']);
    expect(run.trace.at(-1)).toMatchObject({ kind: 'run.finished', status: 'stopped', t: 15000 });
  });

  it("a step's exception fails the run with a traceback at the user's line", async () => {
    const run = await runPython(`${HEADER}
class Boom(Workflow):
    @step
    async def explode(self, ev: StartEvent) -> StopEvent:
        raise ValueError("no luck")

await Boom().run()
`, { fileName: 'boom.py' });
    expect(String(run.error)).toContain('File "boom.py", line 8, in explode');
    expect(String(run.error)).toContain('ValueError: no luck');
    expect(String(run.error)).not.toContain('flowplay_runtime.py');
    expect(run.trace.find((r) => r.kind === 'step.failed')).toMatchObject({ step: 'explode' });
  });

  it('asks for human input: a returned InputRequiredEvent, and wait_for_event inside a step', async () => {
    const run = await runPython(`from llama_index.core.workflow import Context, Workflow, step, StartEvent, StopEvent, InputRequiredEvent, HumanResponseEvent

class AskName(Workflow):
    @step
    async def ask(self, ev: StartEvent) -> InputRequiredEvent:
        return InputRequiredEvent(prefix="Your name? ")

    @step
    async def greet(self, ev: HumanResponseEvent) -> StopEvent:
        return StopEvent(result=f"Hello, {ev.response}!")

class Wait(Workflow):
    @step
    async def ask(self, ctx: Context, ev: StartEvent) -> StopEvent:
        answer = await ctx.wait_for_event(HumanResponseEvent, waiter_event=InputRequiredEvent(prefix="Colour? "), timeout=60)
        return StopEvent(result=answer.response)

print(await AskName().run())
print(await Wait().run())
`, { answers: ['Ada', 'blue'] });
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['Hello, Ada!', 'blue']);
  });
});
