// An untyped tally: every key is a string, every value needs a default, and nothing says which keys
// the run has. Declare the state as a class instead.
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class VoteEvent extends Event<{ voter: string; vote: "yes" | "no" }> {}

class CountedEvent extends Event<{ voter: string }> {}

const VOTES: [string, "yes" | "no"][] = [["Ada", "yes"], ["Grace", "no"], ["Alan", "yes"], ["Edsger", "yes"]];

class PollFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<VoteEvent | null> {
    for (const [voter, vote] of VOTES) {
      ctx.sendEvent(new VoteEvent({ voter, vote }));
    }
    return null;
  }

  @step({ numWorkers: 1 })
  async tally(ctx: Context, ev: VoteEvent): Promise<CountedEvent> {
    await sleep(1);
    await ctx.set(ev.vote, (await ctx.get<number>(ev.vote, 0)) + 1);
    await ctx.set("voters", [...(await ctx.get<string[]>("voters", [])), ev.voter]);
    return new CountedEvent({ voter: ev.voter });
  }

  @step()
  async close(ctx: Context, ev: CountedEvent): Promise<StopEvent | null> {
    if (ctx.collectEvents(ev, Array(VOTES.length).fill(CountedEvent)) === null) {
      return null;
    }
    return new StopEvent({ result: `${await ctx.get("yes", 0)} yes, ${await ctx.get("no", 0)} no` });
  }
}

const w = new PollFlow({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
