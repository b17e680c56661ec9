/** The browser benchmark's workload: a fan-out/fan-in run that emits 10,000 events (plus start and stop). */
export const BROWSER_BENCH_EVENTS = 10_000;

const HALF = BROWSER_BENCH_EVENTS / 2;

export const BROWSER_BENCH_SOURCE = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Tick extends Event<{ i: number }> {}
class Done extends Event<{ i: number }> {}

class ManyEvents extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Tick | null> {
    for (let i = 0; i < ${HALF}; i++) ctx.sendEvent(new Tick({ i }));
    return null;
  }

  @step({ numWorkers: 8 })
  async work(ctx: Context, ev: Tick): Promise<Done> {
    return new Done({ i: ev.i });
  }

  @step()
  async gather(ctx: Context, ev: Done): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, Array(${HALF}).fill(Done));
    return all ? new StopEvent({ result: all.length }) : null;
  }
}
`;
