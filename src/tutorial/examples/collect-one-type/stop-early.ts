// Starting point: stepThree stops the run as soon as the first result arrives.
// Make it wait until it has all three (see ctx.collectEvents).
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class StepTwoEvent extends Event<{ query: string }> {}

class StepThreeEvent extends Event<{ result: string }> {}

class ConcurrentFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StepTwoEvent | null> {
    ctx.sendEvent(new StepTwoEvent({ query: "Query 1" }));
    ctx.sendEvent(new StepTwoEvent({ query: "Query 2" }));
    ctx.sendEvent(new StepTwoEvent({ query: "Query 3" }));
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
    console.log(ev);
    return new StopEvent({ result: "Done" });
  }
}

const w = new ConcurrentFlow({ timeout: 10, verbose: false });
const result = await w.run({ message: "Start the workflow." });
console.log(result);
