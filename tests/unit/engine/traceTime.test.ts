/**
 * When a real clock is read for the trace: once per turn of the engine (a delivery pass, an
 * invocation's end), shared by the records that turn writes, and again after step code has run, so
 * the time a step's code takes always shows in what follows it.
 */
import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, step } from 'flowplay';
import { ofKind, record } from './recorder.ts';

class Job extends Event<{ n: number }> {}
class Done extends Event<{ n: number }> {}

const BUSY_MS = 15;

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

class Busy extends Workflow {
  @step({ accepts: [StartEvent], returns: [Job] })
  async start(ctx: Context, _ev: StartEvent) {
    ctx.sendEvent(new Job({ n: 1 }));
    ctx.sendEvent(new Job({ n: 2 }));
    return null;
  }

  /** Synchronous work: both invocations start in one delivery pass, one after the other's code. */
  @step({ accepts: [Job], returns: [Done], numWorkers: 2 })
  async work(_ctx: Context, ev: Job) {
    busy(BUSY_MS);
    return new Done({ n: ev.n });
  }

  @step({ accepts: [Done], returns: [StopEvent] })
  async gather(ctx: Context, ev: Done) {
    const all = ctx.collectEvents(ev, [Done, Done]);
    return all ? new StopEvent({ result: all.length }) : null;
  }
}

describe('trace time on the real clock', () => {
  test("step code's time shows in the records after it, even within one turn", async () => {
    const run = await record(new Busy(), {}, { clock: 'real' });
    expect(run.result).toBe(2);
    const started = ofKind(run.records, 'step.started').filter((r) => r.step === 'work');
    const finished = ofKind(run.records, 'step.finished').filter((r) => r.step === 'work');
    expect(started).toHaveLength(2);
    // The second start follows the first invocation's synchronous code in the same pass.
    expect(started[1]!.t - started[0]!.t).toBeGreaterThanOrEqual(BUSY_MS - 0.5);
    for (let i = 0; i < 2; i++) {
      expect(finished[i]!.t - started[i]!.t).toBeGreaterThanOrEqual(BUSY_MS - 0.5);
    }
  });

  test("an invocation's end and the events it returned are one turn: one reading", async () => {
    const run = await record(new Busy(), {}, { clock: 'real' });
    const emitted = ofKind(run.records, 'event.emitted');
    for (const end of ofKind(run.records, 'step.finished').filter((r) => r.outputs.length > 0)) {
      const returned = emitted.find((r) => r.event === end.outputs[0]);
      expect(returned?.t).toBe(end.t);
    }
    const times = run.records.map((r) => r.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
