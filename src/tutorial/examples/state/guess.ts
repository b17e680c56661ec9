// State: ctx.set and ctx.get keep values for the whole run, shared by every step and every loop.
// The game keeps its secret and the search bounds in the context, not in events.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, step } from "flowplay";

class GuessEvent extends Event<{ guess: number }> {}

class GuessingGame extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<GuessEvent> {
    await ctx.set("secret", randint(1, 100));
    await ctx.set("low", 1);
    await ctx.set("high", 100);
    return new GuessEvent({ guess: 50 });
  }

  @step()
  async check(ctx: Context, ev: GuessEvent): Promise<GuessEvent | StopEvent> {
    const secret = await ctx.get<number>("secret");
    // A default for a key that was never set: 0 attempts so far.
    const attempts = (await ctx.get<number>("attempts", 0)) + 1;
    await ctx.set("attempts", attempts);
    if (ev.guess === secret) {
      return new StopEvent({ result: `Found ${secret} in ${attempts} guesses` });
    }
    if (ev.guess < secret) {
      await ctx.set("low", ev.guess + 1);
    } else {
      await ctx.set("high", ev.guess - 1);
    }
    const low = await ctx.get<number>("low");
    const high = await ctx.get<number>("high");
    return new GuessEvent({ guess: Math.floor((low + high) / 2) });
  }
}

const w = new GuessingGame({ timeout: 10, verbose: false });
const result = await w.run();
console.log(result);
