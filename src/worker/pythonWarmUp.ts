import type { RunRequest } from './protocol.ts';
import type { RunnerPython } from './runnerPython.ts';
import { warmUp } from './runnerWarmUp.ts';

/**
 * A workflow of Flowplay's own that a Python runner runs before it says hello and long before any
 * user code: the first run in a new runner is several times slower than the next, because the
 * WebAssembly functions Python runs are compiled on their first call and the engine's and the
 * runner's code is not yet optimised. It walks the paths a tutorial program takes (event classes,
 * `@step`, `send_event`, `collect_events`, the store, `asyncio.sleep` on the run's clock, `random`,
 * `print`, top-level `await`, and a step still sleeping when the first StopEvent ends the run, which
 * is then cancelled), so the user's first run finds them compiled.
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
        await ctx.store.set("count", 2)
        for i in range(3):
            ctx.send_event(Query(query=f"Query {i}", tries=i))
        return None

    @step(num_workers=3)
    async def answer(self, ev: Query) -> Answer:
        # The third query is still asleep when two answers end the run, and is cancelled.
        await asyncio.sleep(10 * ev.tries + random.randint(1, 3))
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

/** How many times: the second run still finds code to compile that the first left cold. */
export const WARM_UP_ROUNDS = 2;

const WARM_UP_REQUEST: RunRequest = {
  js: '',
  workflow: null,
  input: {},
  seed: 1,
  clock: 'virtual',
  speed: 1,
  python: { source: WARM_UP_SOURCE, fileName: 'warm_up.py' },
};

/**
 * Runs the warm-up (see `warmUp`) once Python has started. `hurried` says a run is already waiting
 * (the first run of a page pressed before Python started): a round costs more than it saves that run,
 * so the rounds not yet begun are skipped. Resolves with how many rounds ran without an error.
 */
export async function warmUpRunner(python: RunnerPython, hurried: () => boolean = () => false, rounds: number = WARM_UP_ROUNDS): Promise<number> {
  try {
    await python.ready;
  } catch {
    // The run that needs Python says why it could not start.
    return 0;
  }
  return warmUp(WARM_UP_REQUEST, python, rounds, hurried);
}
