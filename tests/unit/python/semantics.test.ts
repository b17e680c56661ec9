/**
 * Where Python's own semantics hold on the engine: an `await` that never suspends gives no other step
 * a turn; the loop's timers keep the run's clock; the library's retry policies decide on the Python
 * exception; printed lines are held to the console limits the page gives a run.
 */
import { describe, expect, it } from 'vitest';
import { runHosted } from '../../../src/cli/runFile.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { loadNodePython } from '../../../src/node/loadNodePython.ts';
import { ConsoleCap } from '../../../src/worker/consoleCap.ts';
import { runPython } from './runPython.ts';

const HEADER = 'import asyncio\nfrom workflows import Context, Workflow, step\nfrom workflows.events import Event, StartEvent, StopEvent\n';

/** Two steps started by the same delivery; `first` runs `between` between its two prints. */
const TWO_STEPS = (between: string) => `${HEADER}
class Left(Event):
    pass

class Right(Event):
    pass

class LeftDone(Event):
    pass

class RightDone(Event):
    pass

class Turns(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> Left | Right | None:
        await ctx.store.set("seen", 1)
        ctx.send_event(Left())
        ctx.send_event(Right())

    @step
    async def first(self, ctx: Context, ev: Left) -> LeftDone:
        print("first before")
        ${between}
        print("first after")
        return LeftDone()

    @step
    async def second(self, ctx: Context, ev: Right) -> RightDone:
        print("second")
        return RightDone()

    @step
    async def join(self, ctx: Context, ev: LeftDone | RightDone) -> StopEvent | None:
        if ctx.collect_events(ev, [LeftDone, RightDone]) is None:
            return None
        return StopEvent(result="done")

await Turns(timeout=10).run()
`;

describe('Python semantics on the engine', { timeout: 180_000 }, () => {
  it('an uncontended await ctx.store.get(...) or set(...) does not let another step in', async () => {
    const run = await runPython(TWO_STEPS('await ctx.store.get("seen")\n        await ctx.store.set("seen", 2)\n        await ctx.get("missing", default=None)'));
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['first before', 'first after', 'second']);
    // The control: an await that does suspend lets the other step in, as asyncio would.
    const yielding = await runPython(TWO_STEPS('await asyncio.sleep(0)'));
    expect(yielding.error).toBeUndefined();
    expect(yielding.lines).toEqual(['first before', 'second', 'first after']);
  });

  it('loop.call_later, call_at and loop.time() keep the run’s clock (virtual time jumps)', async () => {
    const started = performance.now();
    const run = await runPython(`${HEADER}
class Clocked(Workflow):
    @step
    async def timed(self, ctx: Context, ev: StartEvent) -> StopEvent:
        loop = asyncio.get_running_loop()
        begin = loop.time()
        later = loop.create_future()
        loop.call_later(30, later.set_result, "called")
        print(await later, round(loop.time() - begin))
        at = loop.create_future()
        loop.call_at(begin + 50, at.set_result, "at")
        print(await at, round(loop.time() - begin))
        return StopEvent(result=round(loop.time() - begin))

print(await Clocked(timeout=120).run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['called 30', 'at 50', '50']);
    // Fifty seconds of workflow time, in far less real time.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(run.trace.find((r) => r.kind === 'run.finished')!.t).toBe(50_000);
  });

  it('retry_policy=: a policy class of the user’s own decides on the Python exception itself', async () => {
    const run = await runPython(`${HEADER}
from workflows.retry_policy import RetryPolicy

class Quota(Exception):
    def __init__(self, wait):
        super().__init__(f"retry in {wait}s")
        self.wait = wait

class HonourRetryAfter(RetryPolicy):
    def next(self, elapsed_time, attempts, error):
        print("asked after", type(error).__name__, attempts)
        return error.wait if isinstance(error, Quota) and attempts < 3 else None

class Limited(Workflow):
    @step(retry_policy=HonourRetryAfter())
    async def call(self, ctx: Context, ev: StartEvent) -> StopEvent:
        tries = await ctx.store.get("tries", default=0) + 1
        await ctx.store.set("tries", tries)
        if tries < 3:
            raise Quota(wait=tries * 10)
        return StopEvent(result=f"done after {tries}")

print(await Limited(timeout=120).run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['asked after Quota 1', 'asked after Quota 2', 'done after 3']);
    const starts = run.trace.filter((r): r is Extract<TraceRecord, { kind: 'step.started' }> => r.kind === 'step.started');
    expect(starts.map((r) => r.t)).toEqual([0, 10_000, 30_000]);
  });

  it('the library’s policy names and pieces compose with | and +, and a step error reaches the caller as itself', async () => {
    const run = await runPython(`${HEADER}
from llama_index.core.workflow.retry_policy import retry_policy, retry_if_exception_type, retry_if_exception_message, wait_fixed, stop_after_attempt, stop_after_delay

class Flaky(Workflow):
    @step(retry_policy=retry_policy(
        retry=retry_if_exception_type(KeyError) | retry_if_exception_message(match="try again"),
        wait=wait_fixed(1) + wait_fixed(2),
        stop=stop_after_attempt(4) | stop_after_delay(100),
    ))
    async def flaky(self, ctx: Context, ev: StartEvent) -> StopEvent:
        n = await ctx.store.get("n", default=0)
        await ctx.store.set("n", n + 1)
        raise ValueError("please try again") if n < 3 else LookupError("gave up")

try:
    await Flaky(timeout=60).run()
except LookupError as error:
    print("caught", type(error).__name__, error)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['caught LookupError gave up']);
    const starts = run.trace.filter((r): r is Extract<TraceRecord, { kind: 'step.started' }> => r.kind === 'step.started');
    expect(starts.map((r) => r.t)).toEqual([0, 3_000, 6_000, 9_000]);
  });

  it('printed lines are held to the run’s console limits, as TypeScript’s are', async () => {
    const runtime = await loadNodePython();
    const cap = new ConsoleCap({ lines: 3, chars: 1_000, lineChars: 20 });
    const shown: string[] = [];
    const trace: TraceRecord[] = [];
    await runHosted({ input: {}, seed: 0, clock: 'virtual', write: () => {}, onTrace: (r) => trace.push(r) }, () =>
      runtime.runSource(
        `${HEADER}
class Chatty(Workflow):
    @step
    async def talk(self, ctx: Context, ev: StartEvent) -> StopEvent:
        print("x" * 50)
        for n in range(10):
            print("line", n)
        return StopEvent(result="ok")

await Chatty().run()
`,
        'workflow.py',
        {
          input: {},
          print: (line) => shown.push(line),
          shape: (line) => {
            const taken = cap.take(line);
            return taken && { text: taken.text, level: taken.notice ? 'warn' : 'log', notice: taken.notice };
          },
        },
      ),
    );
    expect(shown).toEqual([
      `${'x'.repeat(20)}… (30 more characters cut)`,
      'line 0',
      'line 1',
      'Console limit reached (3 lines or 1,000 characters per run): later output is not shown.',
    ]);
    const logs = trace.filter((r): r is Extract<TraceRecord, { kind: 'log' }> => r.kind === 'log');
    // The limit's notice is the page's, at the moment output stopped, not a line of the step's.
    expect(logs.map((r) => [r.level, r.step, r.invocation])).toEqual([['log', 'talk', 1], ['log', 'talk', 1], ['log', 'talk', 1], ['warn', null, null]]);
    expect(cap.summary()).toBe('Console output cut: 8 lines, 78 characters not shown.');
  });
});
