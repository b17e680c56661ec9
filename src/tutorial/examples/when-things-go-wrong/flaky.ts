// When a step throws, the run fails with that error and every other step is cancelled.
// This service fails twice before it answers; the attempt count is kept in the context.
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class PageEvent extends Event<{ html: string }> {}

class FetchFlow extends Workflow {
  @step()
  async fetchPage(ctx: Context, ev: StartEvent): Promise<PageEvent> {
    const attempt = (await ctx.get<number>("attempt", 0)) + 1;
    await ctx.set("attempt", attempt);
    await sleep(1);
    if (attempt < 3) {
      throw new Error(`Service unavailable (attempt ${attempt})`);
    }
    return new PageEvent({ html: "<h1>Workflows</h1>" });
  }

  @step()
  async parse(ctx: Context, ev: PageEvent): Promise<StopEvent> {
    return new StopEvent({ result: ev.html.replace(/<[^>]+>/g, "") });
  }
}

const w = new FetchFlow({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
