// Branches and loops: a step may return one of several events, and an event may lead back to an
// earlier step. The reviewer sends the draft back for another round until it has had enough.
import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class DraftEvent extends Event<{ topic: string; round: number }> {}

class ReviewEvent extends Event<{ topic: string; text: string; round: number }> {}

class QuickAnswerEvent extends Event<{ topic: string }> {}

const ROUNDS = 2;

class EssayFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<DraftEvent | QuickAnswerEvent> {
    const topic: string = ev.topic ?? "workflows";
    // A branch: which event we return decides which step runs next.
    if (ev.quick) {
      return new QuickAnswerEvent({ topic });
    }
    return new DraftEvent({ topic, round: 1 });
  }

  @step()
  async quick(ctx: Context, ev: QuickAnswerEvent): Promise<StopEvent> {
    return new StopEvent({ result: `${ev.topic}: short answer` });
  }

  @step()
  async write(ctx: Context, ev: DraftEvent): Promise<ReviewEvent> {
    console.log(`Writing draft ${ev.round} about ${ev.topic}`);
    return new ReviewEvent({ topic: ev.topic, text: `${ev.topic} (draft ${ev.round})`, round: ev.round });
  }

  @step()
  async review(ctx: Context, ev: ReviewEvent): Promise<DraftEvent | StopEvent> {
    // A loop: returning a DraftEvent runs `write` again.
    if (ev.round < ROUNDS) {
      return new DraftEvent({ topic: ev.topic, round: ev.round + 1 });
    }
    return new StopEvent({ result: ev.text });
  }
}

const w = new EssayFlow({ timeout: 10, verbose: false });
const result = await w.run({ topic: "workflows" });
console.log(result);
