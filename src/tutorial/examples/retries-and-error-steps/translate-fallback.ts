// Solution: once translate has used up its retries, the error step gets a StepFailedEvent. Its
// inputEvent is the StartEvent that translate was handling, so the original text is at hand.
import {
  Context, Event, StartEvent, StepFailedEvent, StopEvent, Workflow,
  catchError, retryPolicy, sleep, step, stopAfterAttempt, waitFixed,
} from "flowplay";

class TranslatedEvent extends Event<{ text: string }> {}

class TranslateFlow extends Workflow {
  @step({ retryPolicy: retryPolicy({ wait: waitFixed(1), stop: stopAfterAttempt(3) }) })
  async translate(ctx: Context, ev: StartEvent): Promise<TranslatedEvent> {
    await sleep(0.5);
    throw new Error(`Translation service unavailable for "${ev.text}"`);
  }

  @step()
  async publish(ctx: Context, ev: TranslatedEvent): Promise<StopEvent> {
    return new StopEvent({ result: ev.text });
  }

  @catchError({ forSteps: ["translate"] })
  async untranslated(ctx: Context, ev: StepFailedEvent): Promise<StopEvent> {
    console.log(`translate gave up after ${ev.attempts} attempts: ${String(ev.exception)}`);
    const original = ev.inputEvent as StartEvent;
    return new StopEvent({ result: original.text });
  }
}

const w = new TranslateFlow({ timeout: 30, verbose: false });
const result = await w.run({ text: "Bom dia" });
console.log(result);
