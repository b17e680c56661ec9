// A first workflow: one step receives the StartEvent and returns the StopEvent that ends the run.
import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";

class HelloFlow extends Workflow {
  @step()
  async hello(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    // StartEvent carries whatever was passed to w.run().
    const name: string = ev.name ?? "world";
    return new StopEvent({ result: `Hello, ${name}!` });
  }
}

const w = new HelloFlow({ timeout: 10, verbose: false });
const result = await w.run({ name: "Ada" });
console.log(result);
