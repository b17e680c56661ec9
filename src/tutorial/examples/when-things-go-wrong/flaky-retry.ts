// Solution: a retry policy runs the step again after a delay; three attempts in all are enough here.
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class PageEvent extends Event<{ html: string }> {}

class FetchFlow extends Workflow {
  @step({ retry: { maxAttempts: 3, delay: 1 } })
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
