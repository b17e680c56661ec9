/** Runs shared by the inspect tests: each example is compiled and run once per file. */
import type { GraphModel } from '../../../src/compiler/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { exampleSource, runSource, sharedCompiler } from '../runSource.ts';

export interface Recorded {
  source: string;
  graph: GraphModel;
  trace: TraceRecord[];
}

const cache = new Map<string, Promise<Recorded>>();

export function recordSource(source: string, input?: Record<string, unknown>): Promise<Recorded> {
  const key = `${source}\u0000${JSON.stringify(input ?? null)}`;
  let run = cache.get(key);
  if (!run) {
    run = runSource(source, input ? { input } : {}).then((r) => ({ source, graph: sharedCompiler().compile(source).graph, trace: r.trace }));
    cache.set(key, run);
  }
  return run;
}

/** map-reduce.ts with `n` queries instead of its four (the file runs itself, so input cannot set them). */
export function recordMapReduce(n: number, numWorkers = 4): Promise<Recorded> {
  const queries = JSON.stringify(Array.from({ length: n }, (_, i) => `q${i + 1}`));
  const source = exampleSource('concurrency/map-reduce.ts')
    .replace('["Query 1", "Query 2", "Query 3", "Query 4"]', queries)
    .replace('numWorkers: 4', `numWorkers: ${numWorkers}`)
    .replace('timeout: 30', 'timeout: null');
  return recordSource(source);
}

export function recordExample(name: string, input?: Record<string, unknown>): Promise<Recorded> {
  return recordSource(exampleSource(`concurrency/${name}`), input);
}

/** A step that logs, then throws on line 12; it is retried once. */
export const THROWING = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class A extends Event<{ n: number }> {}
class F extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<A> {
    await ctx.store.set("a.b.c", 1);
    return new A({ n: 1 });
  }
  @step({ retry: { maxAttempts: 2, delay: 1 } })
  async boom(ctx: Context, ev: A): Promise<StopEvent> {
    console.log("about to throw");
    throw new Error("kaput " + ev.n);
  }
}
`;

/** Sends an event it does not declare (a dashed edge), to a named step, and writes state by dot path. */
export const TARGETED = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Ping extends Event<{ to: string }> {}
class Targeted extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<null> {
    await ctx.store.set("config.retries", 3);
    await ctx.set("config", { mode: "fast" });
    await ctx.store.set("config.limits.max", 10);
    ctx.sendEvent(new Ping({ to: "second" }), "second");
    return null;
  }
  @step()
  async first(ctx: Context, ev: Ping): Promise<StopEvent> {
    return new StopEvent({ result: "first" });
  }
  @step()
  async second(ctx: Context, ev: Ping): Promise<StopEvent> {
    return new StopEvent({ result: "second" });
  }
}
// Ping is sent but not declared, which validation would refuse.
await new Targeted({ validate: false }).run({});
`;

export function ofKind<K extends TraceRecord['kind']>(trace: readonly TraceRecord[], kind: K): Extract<TraceRecord, { kind: K }>[] {
  return trace.filter((r): r is Extract<TraceRecord, { kind: K }> => r.kind === kind);
}

/** A step that waits for a human's answer (run with `answers`): it ends waiting, then runs again once the answer comes. */
export const ASKS = `import { Context, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Ask extends Workflow {
  @step()
  async ask(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    const answer = await ctx.waitForEvent(HumanResponseEvent, { waiterEvent: new InputRequiredEvent({ prefix: "Name? " }) });
    return new StopEvent({ result: answer.response });
  }
}
`;
