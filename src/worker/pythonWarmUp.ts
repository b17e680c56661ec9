import * as flowplay from '../engine/index.ts';
import type { PythonRuntime } from '../python/pythonRuntime.ts';

/**
 * A workflow of Flowplay's own that a Python runner runs once, before it says hello and long before
 * any user code: the first run in a new interpreter is several times slower than the next, because
 * the WebAssembly functions Python runs are compiled on their first call and the engine's code is not
 * yet optimised. It walks the paths a tutorial program takes (event classes, `@step`, `send_event`,
 * `collect_events`, the store, `asyncio.sleep` on the run's clock, `random`, `print`, top-level
 * `await`), so the user's first run finds them compiled.
 */
export const WARM_UP_SOURCE = `import asyncio
import random
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent


class Query(Event):
    query: str
    tries: int = 0


class Answer(Event):
    result: str


class WarmUp(Workflow):
    @step
    async def fan_out(self, ctx: Context, ev: StartEvent) -> Query | None:
        await ctx.store.set("count", 3)
        for i in range(3):
            ctx.send_event(Query(query=f"Query {i}"))
        return None

    @step(num_workers=3)
    async def answer(self, ev: Query) -> Answer:
        await asyncio.sleep(random.randint(1, 3))
        return Answer(result=repr(ev))

    @step
    async def gather(self, ctx: Context, ev: Answer) -> StopEvent | None:
        answers = ctx.collect_events(ev, [Answer] * await ctx.store.get("count"))
        if answers is None:
            return None
        print(f"{len(answers)} answers", answers[0].model_dump())
        return StopEvent(result=[a.result for a in answers])


result = await WarmUp(timeout=60).run()
`;

/**
 * Runs the warm-up on the virtual clock under a run id of its own (the user's first run is still
 * `run-1`), with its trace and output going nowhere. A failure only costs the speed-up.
 */
export async function warmUpPython(runtime: PythonRuntime): Promise<void> {
  const previous = flowplay.setRunDefaults({ clock: 'virtual', seed: 1, runId: 'warm-up', log: () => {}, onTrace: () => {} });
  try {
    await runtime.runSource(WARM_UP_SOURCE, 'warm_up.py', { input: {}, print: () => {} });
  } catch {
    // The runner works without it.
  } finally {
    flowplay.setRunDefaults(previous);
  }
}
