// Solution: every guess is appended to a list kept in the context, and the result returns it.
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
    // Set a new array rather than pushing onto the old one, so each change shows in the trace.
    const guesses = [...(await ctx.get<number[]>("guesses", [])), ev.guess];
    await ctx.set("guesses", guesses);
    if (ev.guess === secret) {
      return new StopEvent({ result: guesses });
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
