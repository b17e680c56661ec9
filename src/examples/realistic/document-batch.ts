// A document batch, map-reduce style: split the batch into one event per document, summarise up to
// three at a time, and reduce once every summary is in. The batch size is kept in the context, so
// the reducer waits for exactly as many summaries as there were documents.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class DocumentEvent extends Event<{ name: string; text: string }> {}

class SummaryEvent extends Event<{ name: string; summary: string; words: number }> {}

const BATCH = [
  { name: "q1-report.txt", text: "Revenue grew in every region while costs stayed flat through the quarter" },
  { name: "incident-42.txt", text: "The nightly import timed out because one worker waited on a lock" },
  { name: "meeting-notes.txt", text: "We agreed to ship the tutorial first and the share links next" },
  { name: "design.txt", text: "Layers stay pure and the shell owns timers promises and storage" },
  { name: "feedback.txt", text: "Users loved the animation but wanted a way to replay a run slowly" },
];

class DocumentBatchFlow extends Workflow {
  @step()
  async split(ctx: Context, ev: StartEvent): Promise<DocumentEvent | null> {
    const documents: { name: string; text: string }[] = ev.documents ?? BATCH;
    await ctx.set("batch_size", documents.length);
    for (const doc of documents) {
      ctx.sendEvent(new DocumentEvent(doc));
    }
    return null;
  }

  @step({ numWorkers: 3 })
  async summarise(ctx: Context, ev: DocumentEvent): Promise<SummaryEvent> {
    const words = ev.text.split(" ");
    await sleep(randint(1, 4) + Math.ceil(words.length / 10)); // longer documents take longer
    return new SummaryEvent({ name: ev.name, summary: words.slice(0, 5).join(" ") + "…", words: words.length });
  }

  @step()
  async reduce(ctx: Context, ev: SummaryEvent): Promise<StopEvent | null> {
    const size = await ctx.get<number>("batch_size");
    const summaries = ctx.collectEvents<SummaryEvent>(ev, Array(size).fill(SummaryEvent));
    if (summaries === null) {
      return null;
    }
    const total = summaries.reduce((sum, s) => sum + s.words, 0);
    for (const s of summaries) console.log(`${s.name}: ${s.summary}`);
    return new StopEvent({ result: `${summaries.length} documents, ${total} words summarised` });
  }
}

const w = new DocumentBatchFlow({ timeout: 60, verbose: false });
const result = await w.run();
console.log(result);
