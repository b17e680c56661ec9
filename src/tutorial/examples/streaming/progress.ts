// Streaming: steps publish events to the caller with ctx.writeEventToStream while the run goes on;
// the caller reads them with handler.streamEvents(). Streamed events are not routed to steps.
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class ProgressEvent extends Event<{ message: string }> {}

class OutlineEvent extends Event<{ sections: string[] }> {}

class ReportFlow extends Workflow {
  @step()
  async research(ctx: Context, ev: StartEvent): Promise<OutlineEvent> {
    ctx.writeEventToStream(new ProgressEvent({ message: "Researching the topic" }));
    await sleep(2);
    return new OutlineEvent({ sections: ["Events", "Steps", "Context"] });
  }

  @step()
  async write(ctx: Context, ev: OutlineEvent): Promise<StopEvent> {
    ctx.writeEventToStream(new ProgressEvent({ message: `Writing ${ev.sections.length} sections` }));
    for (const section of ev.sections) {
      await sleep(1);
    }
    return new StopEvent({ result: `A report in ${ev.sections.length} sections` });
  }
}

const w = new ReportFlow({ timeout: 30, verbose: false });
// Start the run without awaiting it, so we can read its stream while it works.
const handler = w.run({ topic: "workflows" });
for await (const ev of handler.streamEvents()) {
  if (ev instanceof ProgressEvent) {
    console.log("progress:", ev.message);
  }
}
console.log(await handler);
