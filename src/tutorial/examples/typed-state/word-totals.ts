// Typed state: the class declares every field with its default, ctx: Context<CountState> types
// ctx.store, and editState changes several fields at once while other invocations wait.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class CountState {
  totals = { documents: 0, words: 0 };
  longest = { title: "", words: 0 };
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
    await sleep(randint(1, 3));
    const words = ev.text.split(" ").length;
    // One atomic change: no other invocation reads or writes the state until it returns.
    await ctx.store.editState((state) => {
      state.totals.documents += 1;
      state.totals.words += words;
      if (words > state.longest.words) {
        state.longest = { title: ev.title, words };
      }
    });
    return new CountedEvent({ title: ev.title, words });
  }

  @step()
  async report(ctx: Context<CountState>, ev: CountedEvent): Promise<StopEvent | null> {
    // A dotted path reads one field; its type, number, comes from CountState.
    const documents = await ctx.store.get("totals.documents");
    if (documents < Object.keys(DOCS).length) {
      return null;
    }
    const longest = await ctx.store.get("longest.title");
    const words = await ctx.store.get("totals.words");
    return new StopEvent({ result: `${documents} documents, ${words} words; the longest is "${longest}"` });
  }
}

const w = new WordCount({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
