// Solution: the expected list asks for exactly as many results as were sent.
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
    await sleep(randint(1, 5));
    return new StepThreeEvent({ result: ev.query });
  }

  @step()
  async stepThree(ctx: Context, ev: StepThreeEvent): Promise<StopEvent | null> {
    const results = ctx.collectEvents<StepThreeEvent>(ev, [StepThreeEvent, StepThreeEvent, StepThreeEvent]);
    if (results === null) {
      return null;
    }
    return new StopEvent({ result: results.map((r) => r.result) });
  }
}

const w = new ConcurrentFlow({ timeout: 10, verbose: false });
const result = await w.run();
console.log(result);
