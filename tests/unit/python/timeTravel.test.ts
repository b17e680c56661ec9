/** Time travel in Python: a fork of a recorded run changes what the Python steps see. */
import { describe, expect, it } from 'vitest';
import { forkInputs } from '../../../src/engine/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { runPython } from './runPython.ts';

const SUM = `import asyncio
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

class Task(Event):
    n: int

class Done(Event):
    value: int

class Sum(Workflow):
    @step
    async def fan_out(self, ctx: Context, ev: StartEvent) -> Task:
        await ctx.store.set("bonus", 0)
        for n in (1, 2, 3):
            ctx.send_event(Task(n=n))

    @step(num_workers=1)
    async def work(self, ev: Task) -> Done:
        await asyncio.sleep(ev.n)
        return Done(value=ev.n * 10)

    @step
    async def total(self, ctx: Context, ev: Done) -> StopEvent | None:
        done = ctx.collect_events(ev, [Done] * 3)
        if done is None:
            return None
        bonus = await ctx.store.get("bonus")
        print("values", [d.value for d in done], "bonus", bonus)
        return StopEvent(result=sum(d.value for d in done) + bonus)
`;

const ofKind = <K extends TraceRecord['kind']>(trace: TraceRecord[], kind: K) => trace.filter((r): r is Extract<TraceRecord, { kind: K }> => r.kind === kind);

describe('time travel in Python', { timeout: 180_000 }, () => {
  it('a fork with new fields for an event: the Python step receives the edited fields', async () => {
    const original = await runPython(SUM);
    expect(original.error).toBeUndefined();
    expect(original.lines).toContain('60');
    const second = ofKind(original.trace, 'event.emitted').filter((r) => r.type === 'Task')[1]!;
    const fork = await runPython(SUM, { replay: forkInputs(original.trace, { change: 'fields', event: second.event, fields: { n: 7 } }) });
    expect(fork.error).toBeUndefined();
    expect(fork.lines).toContain('values [10, 70, 30] bonus 0');
    expect(fork.lines).toContain('110');
  });

  it('a fork with a state value set at a moment: the Python step after it reads the value', async () => {
    const original = await runPython(SUM);
    const firstDone = ofKind(original.trace, 'step.finished').find((r) => r.step === 'work')!;
    const fork = await runPython(SUM, { replay: forkInputs(original.trace, { change: 'state', at: firstDone.seq, key: 'bonus', value: 5 }) });
    expect(fork.error).toBeUndefined();
    expect(fork.lines).toContain('values [10, 20, 30] bonus 5');
    expect(fork.lines).toContain('65');
  });
});
