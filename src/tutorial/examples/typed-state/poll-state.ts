// Solution: PollState declares the fields and their defaults; the run starts with them in place,
// and ctx.store checks every path and value against the class.
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class PollState {
  yes = 0;
  no = 0;
  voters: string[] = [];
}

class VoteEvent extends Event<{ voter: string; vote: "yes" | "no" }> {}

class CountedEvent extends Event<{ voter: string }> {}

const VOTES: [string, "yes" | "no"][] = [["Ada", "yes"], ["Grace", "no"], ["Alan", "yes"], ["Edsger", "yes"]];

class PollFlow extends Workflow {
  @step()
  async start(ctx: Context<PollState>, ev: StartEvent): Promise<VoteEvent | null> {
    for (const [voter, vote] of VOTES) {
      ctx.sendEvent(new VoteEvent({ voter, vote }));
    }
    return null;
  }

  @step({ numWorkers: 1 })
  async tally(ctx: Context<PollState>, ev: VoteEvent): Promise<CountedEvent> {
    await sleep(1);
    await ctx.store.set(ev.vote, (await ctx.store.get(ev.vote)) + 1);
    await ctx.store.set("voters", [...(await ctx.store.get("voters")), ev.voter]);
    return new CountedEvent({ voter: ev.voter });
  }

  @step()
  async close(ctx: Context<PollState>, ev: CountedEvent): Promise<StopEvent | null> {
    if (ctx.collectEvents(ev, Array(VOTES.length).fill(CountedEvent)) === null) {
      return null;
    }
    const state = await ctx.store.getState();
    return new StopEvent({ result: `${state.yes} yes, ${state.no} no` });
  }
}

const w = new PollFlow({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
