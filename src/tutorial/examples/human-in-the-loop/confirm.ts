// Solution: the step that receives answers remembers the name in the context and asks again to
// confirm it; "no" starts over, anything starting with "y" ends the run.
import { Context, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, step } from "flowplay";

class ConfirmFlow extends Workflow {
  @step()
  async ask(ctx: Context, ev: StartEvent): Promise<InputRequiredEvent> {
    return new InputRequiredEvent({ prefix: "What is your name? " });
  }

  @step()
  async answer(ctx: Context, ev: HumanResponseEvent): Promise<InputRequiredEvent | StopEvent> {
    const name = await ctx.get<string | null>("name", null);
    if (name === null) {
      await ctx.set("name", ev.response);
      return new InputRequiredEvent({ prefix: `Shall I greet ${ev.response}? (yes/no) ` });
    }
    if (ev.response.trim().toLowerCase().startsWith("y")) {
      return new StopEvent({ result: `Hello, ${name}!` });
    }
    await ctx.set("name", null);
    return new InputRequiredEvent({ prefix: "What is your name, then? " });
  }
}
