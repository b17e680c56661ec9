// Solution: a custom event carries the work from the first step to the second.
import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class GreetingEvent extends Event<{ greeting: string }> {}

class HelloFlow extends Workflow {
  @step()
  async hello(ctx: Context, ev: StartEvent): Promise<GreetingEvent> {
    const name: string = ev.name ?? "world";
    return new GreetingEvent({ greeting: `Hello, ${name}` });
  }

  @step()
  async shout(ctx: Context, ev: GreetingEvent): Promise<StopEvent> {
    return new StopEvent({ result: `${ev.greeting.toUpperCase()}!` });
  }
}

const w = new HelloFlow({ timeout: 10, verbose: false });
const result = await w.run({ name: "Ada" });
console.log(result);
