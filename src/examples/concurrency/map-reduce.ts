// Concurrency, part 4: map-reduce. The number of parallel tasks is decided at run time and kept in
// the context, and the reducing step waits for that many results.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class StepTwoEvent extends Event<{ query: string }> {}

class StepThreeEvent extends Event<{ result: string }> {}

class MapReduceFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StepTwoEvent | null> {
    const queries: string[] = ev.queries ?? ["Query 1", "Query 2", "Query 3", "Query 4"];
    await ctx.set("num_events", queries.length);
    for (const query of queries) {
      ctx.sendEvent(new StepTwoEvent({ query }));
    }
    return null;
  }

  @step({ numWorkers: 4 })
  async stepTwo(ctx: Context, ev: StepTwoEvent): Promise<StepThreeEvent> {
    console.log("Running query ", ev.query);
    await sleep(randint(1, 5));
    return new StepThreeEvent({ result: ev.query });
  }

  @step()
  async stepThree(ctx: Context, ev: StepThreeEvent): Promise<StopEvent | null> {
    const numEvents = await ctx.get<number>("num_events");
    const results = ctx.collectEvents<StepThreeEvent>(ev, Array(numEvents).fill(StepThreeEvent));
    if (results === null) {
      return null;
    }

    console.log(`Reduced ${results.length} results`);
    return new StopEvent({ result: results.map((r) => r.result).join(", ") });
  }
}

const w = new MapReduceFlow({ timeout: 30, verbose: false });
const result = await w.run({ message: "Start the workflow." });
console.log(result);
