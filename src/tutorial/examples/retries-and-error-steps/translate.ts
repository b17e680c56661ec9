// The translation service is gone: every attempt fails, and after the third the run fails.
// Add an error step that ends the run with the original text instead.
import { Context, Event, StartEvent, StopEvent, Workflow, retryPolicy, sleep, step, stopAfterAttempt, waitFixed } from "flowplay";

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
}

const w = new TranslateFlow({ timeout: 30, verbose: false });
const result = await w.run({ text: "Bom dia" });
console.log(result);
