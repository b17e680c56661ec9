// Solution: with cache: false the engine calls getNotes for each invocation of draft, so every
// draft keeps its own two notes.
import { Context, Event, Resource, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class Notes {
  readonly lines: string[] = [];
}

class TopicEvent extends Event<{ topic: string }> {}

class DraftEvent extends Event<{ topic: string; notes: string[] }> {}

const TOPICS = ["events", "steps", "resources"];

function getNotes(): Notes {
  return new Notes();
}

class DraftFlow extends Workflow {
  @step()
  async plan(ctx: Context, ev: StartEvent): Promise<TopicEvent | null> {
    for (const topic of TOPICS) {
      ctx.sendEvent(new TopicEvent({ topic }));
    }
    return null;
  }

  @step({ numWorkers: 3 })
  async draft(ctx: Context, ev: TopicEvent, notes = Resource(getNotes, { cache: false })): Promise<DraftEvent> {
    notes.lines.push(`outline of ${ev.topic}`);
    await sleep(randint(1, 3));
    notes.lines.push(`draft of ${ev.topic}`);
    return new DraftEvent({ topic: ev.topic, notes: [...notes.lines] });
  }

  @step()
  async publish(ctx: Context, ev: DraftEvent): Promise<StopEvent | null> {
    const drafts = ctx.collectEvents(ev, [DraftEvent, DraftEvent, DraftEvent]);
    if (drafts === null) {
      return null;
    }
    return new StopEvent({ result: drafts.map((d) => `${d.topic}: ${d.notes.length} notes`) });
  }
}

const w = new DraftFlow({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
