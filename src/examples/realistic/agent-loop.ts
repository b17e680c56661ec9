// An agent loop: the agent step looks at the conversation so far and either calls a tool or answers.
// The tool step runs the call (with simulated latency) and hands the observation back to the agent,
// which loops until it has what it needs. The "model" is a small scripted planner, so it runs offline.
import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";

class ThinkEvent extends Event<{ question: string }> {}

class ToolCallEvent extends Event<{ tool: string; argument: string }> {}

class ObservationEvent extends Event<{ tool: string; output: string }> {}

const TOOLS: Record<string, (argument: string) => string> = {
  search: (query) => `Paris has about ${2_100_000} inhabitants (search for "${query}")`,
  calculator: (expression) => {
    const [a, op, b] = expression.split(" ");
    const x = Number(a);
    const y = Number(b);
    return String(op === "*" ? x * y : op === "/" ? x / y : op === "+" ? x + y : x - y);
  },
};

/** Decides the next move from what the agent has seen; a real agent would ask a model here. */
function plan(observations: string[]): { tool: string; argument: string } | null {
  if (observations.length === 0) return { tool: "search", argument: "population of Paris" };
  if (observations.length === 1) return { tool: "calculator", argument: "2100000 / 1000" };
  return null;
}

class AgentFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<ThinkEvent> {
    await ctx.set("observations", []);
    return new ThinkEvent({ question: ev.question ?? "How many thousand people live in Paris?" });
  }

  @step()
  async agent(ctx: Context, ev: ThinkEvent | ObservationEvent): Promise<ToolCallEvent | StopEvent> {
    let observations = await ctx.get<string[]>("observations");
    if (ev instanceof ObservationEvent) {
      observations = [...observations, `${ev.tool}: ${ev.output}`];
      await ctx.set("observations", observations);
    } else {
      await ctx.set("question", ev.question);
    }
    await sleep(1); // thinking
    const next = plan(observations);
    if (next === null || observations.length >= 5) {
      const question = await ctx.get<string>("question");
      return new StopEvent({ result: `${question} About ${observations.at(-1)?.split(": ")[1] ?? "?"} thousand.` });
    }
    console.log(`Calling ${next.tool}(${next.argument})`);
    return new ToolCallEvent(next);
  }

  @step()
  async tool(ctx: Context, ev: ToolCallEvent): Promise<ObservationEvent> {
    await sleep(randint(1, 3));
    const run = TOOLS[ev.tool];
    const output = run ? run(ev.argument) : `unknown tool ${ev.tool}`;
    return new ObservationEvent({ tool: ev.tool, output });
  }
}

const w = new AgentFlow({ timeout: 60, verbose: false });
const result = await w.run({ question: "How many thousand people live in Paris?" });
console.log(result);
