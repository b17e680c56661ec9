/**
 * `asyncio.wait_for` and `asyncio.timeout` inside steps, on the run's virtual clock. In LlamaIndex a
 * step is an asyncio task, so these behave as asyncio's own: the timeout fires at its time, cancels
 * what it waited on and raises TimeoutError there; a wait that finishes first leaves no timer behind
 * that would move the clock. Here the loop's timers are the run's clock, so the times are exact.
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './runPython.ts';

const HEADER = 'import asyncio\nfrom workflows import Context, Workflow, step\nfrom workflows.events import Event, StartEvent, StopEvent\n';

/** A workflow with one step whose body is `body` (indented for the step); prints what the step prints. */
const oneStep = (body: string) => `${HEADER}
def now():
    return round(asyncio.get_running_loop().time(), 3)

class Timed(Workflow):
    @step
    async def timed(self, ev: StartEvent) -> StopEvent:
${body.replace(/^/gm, '        ')}
        return StopEvent(result=str(now()))

print("finished at", await Timed(timeout=600).run())
`;

const finishedAt = (run: Awaited<ReturnType<typeof runPython>>) => run.trace.find((r) => r.kind === 'run.finished')?.t;

describe('timeouts inside steps on the run’s clock', { timeout: 180_000 }, () => {
  it('wait_for: the timeout fires at its time, raises TimeoutError in the step, and the step goes on from there', async () => {
    const run = await runPython(
      oneStep(`try:
    await asyncio.wait_for(asyncio.sleep(5), timeout=1)
    print("no timeout", now())
except TimeoutError:
    print("timed out at", now())
await asyncio.sleep(0.5)
print("slept after at", now())`),
    );
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['timed out at 1.0', 'slept after at 1.5', 'finished at 1.5']);
    expect(finishedAt(run)).toBe(1_500);
  });

  it('wait_for: a wait that finishes first returns its value, and its unused timeout does not move the clock', async () => {
    const run = await runPython(
      oneStep(`value = await asyncio.wait_for(asyncio.sleep(1, result="early"), timeout=30)
print(value, now())
await asyncio.sleep(2)
print("then", now())`),
    );
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['early 1.0', 'then 3.0', 'finished at 3.0']);
    expect(finishedAt(run)).toBe(3_000);
  });

  it('asyncio.timeout: the block is cancelled at its deadline and TimeoutError is raised where it ends', async () => {
    const run = await runPython(
      oneStep(`try:
    async with asyncio.timeout(2):
        await asyncio.sleep(1)
        print("inside at", now())
        await asyncio.sleep(10)
        print("never")
except TimeoutError:
    print("timed out at", now())`),
    );
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['inside at 1.0', 'timed out at 2.0', 'finished at 2.0']);
  });

  it('asyncio.timeout that is not reached: nothing raised, and leaving the block early keeps the clock', async () => {
    const run = await runPython(
      oneStep(`async with asyncio.timeout(100):
    await asyncio.sleep(1)
print("left at", now())
await asyncio.sleep(1)`),
    );
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['left at 1.0', 'finished at 2.0']);
  });

  it('nested: the outer deadline wins over an inner wait_for with a later one', async () => {
    const run = await runPython(
      oneStep(`try:
    async with asyncio.timeout(2):
        await asyncio.wait_for(asyncio.sleep(10), timeout=5)
except TimeoutError:
    print("outer at", now())`),
    );
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['outer at 2.0', 'finished at 2.0']);
  });

  it('wait_for around gather: the sleeps that finished before the deadline ran, the rest were cancelled', async () => {
    const run = await runPython(
      oneStep(`done = []
async def after(seconds):
    await asyncio.sleep(seconds)
    done.append(seconds)
try:
    await asyncio.wait_for(asyncio.gather(after(1), after(2), after(4)), timeout=3)
except TimeoutError:
    print("done", done, "at", now())
await asyncio.sleep(5)
print("still", done, "at", now())`),
    );
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['done [1, 2] at 3.0', 'still [1, 2] at 8.0', 'finished at 8.0']);
  });

  it('two steps each with a timeout of their own: each fires at its own time, in time order', async () => {
    const run = await runPython(`${HEADER}
def now():
    return round(asyncio.get_running_loop().time(), 3)

class Slow(Event):
    seconds: float
    limit: float

class Done(Event):
    label: str

class Two(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> Slow | None:
        ctx.send_event(Slow(seconds=10, limit=3))
        ctx.send_event(Slow(seconds=2, limit=4))

    @step(num_workers=2)
    async def slow(self, ev: Slow) -> Done:
        try:
            await asyncio.wait_for(asyncio.sleep(ev.seconds), timeout=ev.limit)
            label = f"finished {ev.seconds} at {now()}"
        except TimeoutError:
            label = f"timed out {ev.seconds} at {now()}"
        print(label)
        return Done(label=label)

    @step
    async def join(self, ctx: Context, ev: Done) -> StopEvent | None:
        if ctx.collect_events(ev, [Done, Done]) is None:
            return None
        return StopEvent(result=str(now()))

print("finished at", await Two(timeout=600).run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['finished 2 at 2.0', 'timed out 10 at 3.0', 'finished at 3.0']);
    expect(finishedAt(run)).toBe(3_000);
  });

  it('a step timed out by wait_for lets the run’s own timeout stand: a run that outlives it times out', async () => {
    const run = await runPython(`${HEADER}
class Late(Workflow):
    @step
    async def late(self, ev: StartEvent) -> StopEvent:
        try:
            await asyncio.wait_for(asyncio.sleep(100), timeout=3)
        except TimeoutError:
            pass
        await asyncio.sleep(100)
        return StopEvent(result="never")

try:
    await Late(timeout=10).run()
except Exception as error:
    print(type(error).__name__)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["WorkflowTimeoutError"]);
    expect(finishedAt(run)).toBe(10_000);
  });
});
