// Solution: numWorkers: 2 lets two queries run at once; the third waits for a free worker.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class StepTwoEvent extends Event<{ query: string }> {}

class ParallelFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StepTwoEvent | null> {
    ctx.sendEvent(new StepTwoEvent({ query: "Query 1" }));
    ctx.sendEvent(new StepTwoEvent({ query: "Query 2" }));
    ctx.sendEvent(new StepTwoEvent({ query: "Query 3" }));
    return null;
  }

  @step({ numWorkers: 2 })
  async stepTwo(ctx: Context, ev: StepTwoEvent): Promise<StopEvent> {
    console.log("Running slow query ", ev.query);
    await sleep(randint(1, 5));

    return new StopEvent({ result: ev.query });
  }
}

const w = new ParallelFlow({ timeout: 10, verbose: false });
const result = await w.run({ message: "Start the workflow." });
console.log(result);
