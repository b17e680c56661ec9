// Human in the loop: a step returns an InputRequiredEvent, the run pauses until the caller answers
// with a HumanResponseEvent, and the step that accepts the answer carries on.
// There is no w.run() here: the playground starts the run and asks you the question.
import { Context, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, step } from "flowplay";

class GreetFlow extends Workflow {
  @step()
  async ask(ctx: Context, ev: StartEvent): Promise<InputRequiredEvent> {
    return new InputRequiredEvent({ prefix: "What is your name? " });
  }

  @step()
  async greet(ctx: Context, ev: HumanResponseEvent): Promise<StopEvent> {
    return new StopEvent({ result: `Hello, ${ev.response}!` });
  }
}
