// A saved run of SummaryFlow had two of its three summaries in combine's collect buffer and the third
// still being written. Copying its state into a new context starts over: every summary is written again.
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

const SAVED = {
  version: 1,
  workflow: "SummaryFlow",
  stateType: null,
  state: { planned: ["events", "steps", "context"] },
  running: true,
  awaitingInput: 0,
  work: [
    { step: "summarise", type: "DocEvent", fields: { title: "context", words: 900 } },
    { step: "combine", type: "SummaryEvent", fields: { title: "events", summary: "events in 2 lines" } },
    { step: "combine", type: "SummaryEvent", fields: { title: "steps", summary: "steps in 4 lines" } },
  ],
};

class DocEvent extends Event<{ title: string; words: number }> {}

class SummaryEvent extends Event<{ title: string; summary: string }> {}

const DOCS = [{ title: "events", words: 120 }, { title: "steps", words: 340 }, { title: "context", words: 900 }];

class SummaryFlow extends Workflow {
  @step()
  async plan(ctx: Context, ev: StartEvent): Promise<DocEvent | null> {
    await ctx.store.set("planned", DOCS.map((d) => d.title));
    for (const doc of DOCS) {
      ctx.sendEvent(new DocEvent(doc));
    }
    return null;
  }

  @step({ numWorkers: 3 })
  async summarise(ctx: Context, ev: DocEvent): Promise<SummaryEvent> {
    await sleep(ev.words / 100);
    return new SummaryEvent({ title: ev.title, summary: `${ev.title} in ${Math.ceil(ev.words / 100)} lines` });
  }

  @step()
  async combine(ctx: Context, ev: SummaryEvent): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, [SummaryEvent, SummaryEvent, SummaryEvent]);
    if (all === null) {
      return null;
    }
    return new StopEvent({ result: all.map((s) => s.summary) });
  }
}

const w = new SummaryFlow({ timeout: 60, verbose: false });
const ctx = new Context(w);
for (const [key, value] of Object.entries(SAVED.state)) {
  await ctx.store.set(key, value);
}
const result = await w.run({ ctx });
console.log(result);
