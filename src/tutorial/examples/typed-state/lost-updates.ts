// Three counts run at once. Each reads the totals, counts for a while, then writes the totals back,
// so an invocation that finished in between has its update overwritten: the totals come out short.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class CountState {
  totals = { documents: 0, words: 0 };
}

class DocEvent extends Event<{ title: string; text: string }> {}

class CountedEvent extends Event<{ title: string; words: number }> {}

const DOCS: Record<string, string> = {
  events: "An event carries data from one step to the next",
  steps: "A step accepts events and returns the next ones",
  context: "The context holds what belongs to the whole run",
  streams: "Streams publish progress to the caller while the run goes on",
  retries: "A retry policy runs a failing step again",
};

class WordCount extends Workflow {
  @step()
  async start(ctx: Context<CountState>, ev: StartEvent): Promise<DocEvent | null> {
    for (const [title, text] of Object.entries(DOCS)) {
      ctx.sendEvent(new DocEvent({ title, text }));
    }
    return null;
  }

  @step({ numWorkers: 3 })
  async count(ctx: Context<CountState>, ev: DocEvent): Promise<CountedEvent> {
    const totals = await ctx.store.get("totals");
    await sleep(randint(1, 3));
    const words = ev.text.split(" ").length;
    await ctx.store.set("totals", { documents: totals.documents + 1, words: totals.words + words });
    return new CountedEvent({ title: ev.title, words });
  }

  @step()
  async report(ctx: Context<CountState>, ev: CountedEvent): Promise<StopEvent | null> {
    if (ctx.collectEvents(ev, Array(Object.keys(DOCS).length).fill(CountedEvent)) === null) {
      return null;
    }
    const totals = await ctx.store.get("totals");
    return new StopEvent({ result: `${totals.documents} documents, ${totals.words} words` });
  }
}

const w = new WordCount({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
