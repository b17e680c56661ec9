// Resources: a step declares what it needs as a parameter after the event, `memory = Resource(getMemory)`,
// and the engine calls the factory and passes the value in. Cached resources are made once per workflow.
import { Context, Event, Resource, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class Memory {
  private lines: string[] = [];

  put(line: string): void {
    this.lines.push(line);
  }

  get transcript(): string[] {
    return [...this.lines];
  }
}

class ChatModel {
  constructor(readonly name: string) {}

  async complete(transcript: string[]): Promise<string> {
    await sleep(1);
    return `(${this.name}) I read ${transcript.length} line(s), the last from ${transcript.at(-1)?.split(":")[0] ?? "nobody"}`;
  }
}

class QuestionEvent extends Event<{ question: string }> {}

function getMemory(): Memory {
  return new Memory();
}

function getSettings(): { model: string } {
  return { model: "tiny-chat" };
}

// An async factory that asks for another resource through a default of its own parameter.
async function getModel(settings = Resource(getSettings)): Promise<ChatModel> {
  await sleep(0.5); // connecting takes a moment, once
  return new ChatModel(settings.model);
}

class ChatFlow extends Workflow {
  @step()
  async listen(ctx: Context, ev: StartEvent, memory = Resource(getMemory)): Promise<QuestionEvent> {
    memory.put(`user: ${ev.question}`);
    return new QuestionEvent({ question: ev.question });
  }

  @step()
  async reply(ctx: Context, ev: QuestionEvent, memory = Resource(getMemory), model = Resource(getModel)): Promise<StopEvent> {
    const answer = await model.complete(memory.transcript);
    memory.put(`assistant: ${answer}`);
    return new StopEvent({ result: memory.transcript });
  }
}

const w = new ChatFlow({ timeout: 30, verbose: false });
const result = await w.run({ question: "What is a resource?" });
console.log(result);
