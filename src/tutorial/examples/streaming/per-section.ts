// Solution: one progress event per section, published as each section is written.
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
    for (const section of ev.sections) {
      ctx.writeEventToStream(new ProgressEvent({ message: `Writing ${section}` }));
      await sleep(1);
    }
    return new StopEvent({ result: `A report in ${ev.sections.length} sections` });
  }
}

const w = new ReportFlow({ timeout: 30, verbose: false });
const handler = w.run({ topic: "workflows" });
for await (const ev of handler.streamEvents()) {
  if (ev instanceof ProgressEvent) {
    console.log("progress:", ev.message);
  }
}
console.log(await handler);
