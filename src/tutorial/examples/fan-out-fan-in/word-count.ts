// Typed fan-out and fan-in: a step that returns an array of events starts one branch per element,
// and a step whose parameter is an array is called once, with every result of that batch.
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
  async total(ctx: Context, evs: Done[]): Promise<StopEvent> {
    // Called once, after every branch finished, with the results in completion order.
    console.log(`Gathered ${evs.length} counts`);
    return new StopEvent({ result: evs.reduce((sum, ev) => sum + ev.words, 0) });
  }
}

const w = new WordCountFlow({ timeout: 30, verbose: false });
const result = await w.run();
console.log(result);
