/**
 * The browser benchmarks' workload: a fan-out/fan-in run that emits `events` events (plus start and
 * stop): a start step sends half of them, a worker step answers each, a collecting step gathers all.
 * The expected list of the gather is built once, as the engine's docs recommend for a large gather.
 */
export const BROWSER_BENCH_EVENTS = 10_000;

/** The size the page is held to for big runs (issue: runs of 100,000 events that stay smooth). */
export const LARGE_BROWSER_BENCH_EVENTS = 100_000;

export function browserBenchSource(events: number): string {
  const half = Math.round(events / 2);
  return `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Tick extends Event<{ i: number }> {}
class Done extends Event<{ i: number }> {}

const ALL_DONE = Array(${half}).fill(Done);

class ManyEvents extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Tick | null> {
    for (let i = 0; i < ${half}; i++) ctx.sendEvent(new Tick({ i }));
    return null;
  }

  @step({ numWorkers: 8 })
  async work(ctx: Context, ev: Tick): Promise<Done> {
    return new Done({ i: ev.i });
  }

  @step()
  async gather(ctx: Context, ev: Done): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, ALL_DONE);
    return all ? new StopEvent({ result: all.length }) : null;
  }
}
`;
}

export const BROWSER_BENCH_SOURCE = browserBenchSource(BROWSER_BENCH_EVENTS);
