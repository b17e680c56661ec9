// Starting point: the reducer waits for a fixed three results, but start sends one query per item
// of its list. Keep the count in the context and wait for that many.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class StepTwoEvent extends Event<{ query: string }> {}

class StepThreeEvent extends Event<{ result: string }> {}

class MapReduceFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StepTwoEvent | null> {
    const queries: string[] = ev.queries ?? ["Query 1", "Query 2", "Query 3", "Query 4"];
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
    const results = ctx.collectEvents<StepThreeEvent>(ev, [StepThreeEvent, StepThreeEvent, StepThreeEvent]);
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
