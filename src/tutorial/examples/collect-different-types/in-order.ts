// Solution: ask for A, B, C and the results come back in that order, whatever order they arrived in.
import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class StepAEvent extends Event<{ query: string }> {}

class StepACompleteEvent extends Event<{ result: string }> {}

class StepBEvent extends Event<{ query: string }> {}

class StepBCompleteEvent extends Event<{ result: string }> {}

class StepCEvent extends Event<{ query: string }> {}

class StepCCompleteEvent extends Event<{ result: string }> {}

class ConcurrentFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StepAEvent | StepBEvent | StepCEvent | null> {
    ctx.sendEvent(new StepAEvent({ query: "Query 1" }));
    ctx.sendEvent(new StepBEvent({ query: "Query 2" }));
    ctx.sendEvent(new StepCEvent({ query: "Query 3" }));
    return null;
  }

  @step()
  async stepA(ctx: Context, ev: StepAEvent): Promise<StepACompleteEvent> {
    console.log("Doing something A-ish");
    return new StepACompleteEvent({ result: ev.query });
  }

  @step()
  async stepB(ctx: Context, ev: StepBEvent): Promise<StepBCompleteEvent> {
    console.log("Doing something B-ish");
    return new StepBCompleteEvent({ result: ev.query });
  }

  @step()
  async stepC(ctx: Context, ev: StepCEvent): Promise<StepCCompleteEvent> {
    console.log("Doing something C-ish");
    return new StepCCompleteEvent({ result: ev.query });
  }

  @step()
  async stepThree(
    ctx: Context,
    ev: StepACompleteEvent | StepBCompleteEvent | StepCCompleteEvent,
  ): Promise<StopEvent | null> {
    console.log("Received event ", ev.result);

    // Wait until we receive 3 events
    const events = ctx.collectEvents<StepACompleteEvent | StepBCompleteEvent | StepCCompleteEvent>(ev, [
      StepACompleteEvent,
      StepBCompleteEvent,
      StepCCompleteEvent,
    ]);
    if (events === null) {
      return null;
    }

    // Do something with all 3 results together
    console.log("All events received: ", events);
    return new StopEvent({ result: events.map((e) => e.result) });
  }
}

const w = new ConcurrentFlow({ timeout: 10, verbose: false });
const result = await w.run({ message: "Start the workflow." });
console.log(result);
