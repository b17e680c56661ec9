// A retrieval pipeline: one question fans out to three sources searched side by side, a merge step
// waits for every source, ranks the passages, and an answer step writes the reply from the best ones.
// Search latency and relevance scores are simulated, so it runs offline and the seed replays it.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, random, sleep, step } from "flowplay";

class SearchEvent extends Event<{ question: string }> {}

class HitsEvent extends Event<{ source: string; hits: { text: string; score: number }[] }> {}

class RankedEvent extends Event<{ question: string; passages: string[] }> {}

const CORPUS: Record<string, string[]> = {
  docs: ["Steps accept events by type", "numWorkers limits parallel invocations", "A StopEvent ends the run"],
  wiki: ["Fan-out sends many events at once", "collectEvents waits for a set of events"],
  tickets: ["Timeout hit while a collect waited", "Retry fixed a flaky fetch step", "Workers were all busy"],
};

/** A pretend search: waits like a network call and scores each passage. */
async function search(source: string, question: string): Promise<{ text: string; score: number }[]> {
  await sleep(randint(1, 4));
  const words = question.toLowerCase().split(" ");
  return CORPUS[source]!.map((text) => ({
    text,
    score: words.filter((w) => text.toLowerCase().includes(w)).length + random(),
  }));
}

class RetrievalFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<SearchEvent> {
    const question: string = ev.question ?? "why did the collect wait until the timeout";
    await ctx.set("question", question);
    // One event, three steps accept it: each source is searched in parallel.
    return new SearchEvent({ question });
  }

  @step()
  async searchDocs(ctx: Context, ev: SearchEvent): Promise<HitsEvent> {
    return new HitsEvent({ source: "docs", hits: await search("docs", ev.question) });
  }

  @step()
  async searchWiki(ctx: Context, ev: SearchEvent): Promise<HitsEvent> {
    return new HitsEvent({ source: "wiki", hits: await search("wiki", ev.question) });
  }

  @step()
  async searchTickets(ctx: Context, ev: SearchEvent): Promise<HitsEvent> {
    return new HitsEvent({ source: "tickets", hits: await search("tickets", ev.question) });
  }

  @step()
  async merge(ctx: Context, ev: HitsEvent): Promise<RankedEvent | null> {
    const all = ctx.collectEvents<HitsEvent>(ev, [HitsEvent, HitsEvent, HitsEvent]);
    if (all === null) {
      return null;
    }
    const ranked = all
      .flatMap((h) => h.hits.map((hit) => ({ ...hit, source: h.source })))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
    console.log("Top passages:", ranked.map((r) => `${r.source}: ${r.text}`));
    return new RankedEvent({ question: await ctx.get<string>("question"), passages: ranked.map((r) => r.text) });
  }

  @step()
  async answer(ctx: Context, ev: RankedEvent): Promise<StopEvent> {
    await sleep(2); // the "model" writing the answer
    return new StopEvent({ result: `Q: ${ev.question}\nA: ${ev.passages.join("; ")}.` });
  }
}

const w = new RetrievalFlow({ timeout: 30, verbose: false });
const result = await w.run({ question: "why did the collect wait until the timeout" });
console.log(result);
