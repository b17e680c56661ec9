// A timeout: the whole run must end within `timeout` seconds, and this report takes longer.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class ChapterEvent extends Event<{ title: string }> {}

class ChapterDoneEvent extends Event<{ title: string }> {}

class BookFlow extends Workflow {
  @step()
  async plan(ctx: Context, ev: StartEvent): Promise<ChapterEvent | null> {
    for (const title of ["Events", "Steps", "Context", "Streams"]) {
      ctx.sendEvent(new ChapterEvent({ title }));
    }
    return null;
  }

  @step({ numWorkers: 1 })
  async writeChapter(ctx: Context, ev: ChapterEvent): Promise<ChapterDoneEvent> {
    await sleep(randint(2, 4));
    return new ChapterDoneEvent({ title: ev.title });
  }

  @step()
  async bind(ctx: Context, ev: ChapterDoneEvent): Promise<StopEvent | null> {
    const chapters = ctx.collectEvents<ChapterDoneEvent>(ev, Array(4).fill(ChapterDoneEvent));
    if (chapters === null) {
      return null;
    }
    return new StopEvent({ result: chapters.map((c) => c.title).join(", ") });
  }
}

const w = new BookFlow({ timeout: 6, verbose: false });
const result = await w.run();
console.log(result);
