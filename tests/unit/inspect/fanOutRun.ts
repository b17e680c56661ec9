/** A real run to compare: a start step that sends some Pings and then some tasks, one after another. */
import { expect } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step, type TraceRecord } from 'flowplay';
import { record } from '../engine/recorder.ts';

class Task extends Event<{ n: number }> {}
class Ping extends Event<{ note: string }> {}

/** How many Pings `start` sends before its tasks (one more shifts every later event and invocation id), and how many tasks. */
let pings = 0;
let tasks = 3;

class FanOut extends Workflow {
  @step({ accepts: [StartEvent], returns: [Task, Ping] })
  async start(ctx: Context, _ev: StartEvent) {
    for (let i = 0; i < pings; i++) ctx.sendEvent(new Ping({ note: `ping ${i}` }));
    for (let n = 1; n <= tasks; n++) ctx.sendEvent(new Task({ n }));
    return null;
  }
  @step({ accepts: [Ping], returns: [] })
  async ping(_ctx: Context, _ev: Ping) {
    return null;
  }
  @step({ accepts: [Task], returns: [StopEvent] })
  async work(ctx: Context, ev: Task) {
    // Each task ends at its own moment, so the total in the state has no lost update.
    await sleep(ev.n);
    const total = ((await ctx.get('total', 0)) as number) + ev.n * 10;
    await ctx.set('total', total);
    return total === (10 * tasks * (tasks + 1)) / 2 ? new StopEvent({ result: total }) : null;
  }
}

/** The records of one run with `withPings` Pings and `withTasks` tasks (the result is checked). */
export async function fanOut(withPings: number, withTasks = 3): Promise<TraceRecord[]> {
  pings = withPings;
  tasks = withTasks;
  const run = await record(new FanOut({ timeout: 100_000 }));
  expect(run.result).toBe((10 * withTasks * (withTasks + 1)) / 2);
  return run.records;
}
