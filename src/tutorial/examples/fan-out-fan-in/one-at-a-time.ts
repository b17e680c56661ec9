// Starting point: total takes one Done at a time, so the first count to finish stops the run.
// Make it gather the whole batch.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class Task extends Event<{ chunk: string }> {}

class Done extends Event<{ chunk: string; words: number }> {}

const TEXT = "Events carry data. Steps react to events. The context keeps state. A stop event ends the run.";

class WordCountFlow extends Workflow {
  @step()
  async split(ctx: Context, ev: StartEvent): Promise<Task[]> {
    const text: string = ev.text ?? TEXT;
    return text.split(". ").map((chunk) => new Task({ chunk }));
  }

  @step({ numWorkers: 2 })
  async count(ctx: Context, ev: Task): Promise<Done> {
    await sleep(randint(1, 3));
    return new Done({ chunk: ev.chunk, words: ev.chunk.split(" ").length });
  }

  @step()
  async total(ctx: Context, ev: Done): Promise<StopEvent> {
    return new StopEvent({ result: ev.words });
  }
}

const w = new WordCountFlow({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
