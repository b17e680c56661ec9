/**
 * The engine's behaviour, one case per rule, each written as a TypeScript program and as the Python
 * a LlamaIndex user would write, with what a run must show in either language. Both run on the same
 * engine; a rule that holds in one language and not in the other is a bug of that language's face.
 * Step names are spelled alike in both, so the facts compare as they are.
 */
import type { Observed } from './observe.ts';

export interface EngineCase {
  name: string;
  typescript: string;
  python: string;
  seed?: number;
  /** Answers to the run's questions, in order. */
  answers?: readonly string[];
  /** Facts the run must show; each given key is compared whole. */
  expect: Partial<Omit<Observed, 'error'>>;
  /** Text the run's error must contain (either language's spelling of the same error). */
  errorContains?: string;
  /** Facts that must come out the same in both languages (values no case can write down, like draws). */
  agree?: (keyof Observed)[];
}

const TS = `import { Context, Event, StartEvent, StopEvent, Workflow, step, sleep, random, randint, InputRequiredEvent, HumanResponseEvent, retryPolicy, retryIfExceptionType, waitFixed, stopAfterAttempt } from "flowplay";\n`;
const PY = `import asyncio
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent, InputRequiredEvent, HumanResponseEvent
from workflows.retry_policy import retry_policy, retry_if_exception_type, wait_fixed, stop_after_attempt
`;

export const ENGINE_CASES: EngineCase[] = [
  {
    name: 'routing: the returned event’s type picks the step that runs',
    typescript: `${TS}
class Small extends Event<{ n: number }> {}
class Large extends Event<{ n: number }> {}
class Route extends Workflow {
  @step()
  async classify(ctx: Context, ev: StartEvent): Promise<Small | Large> {
    return ev.n > 10 ? new Large({ n: ev.n }) : new Small({ n: ev.n });
  }
  @step()
  async small(ctx: Context, ev: Small): Promise<StopEvent> {
    return new StopEvent({ result: \`small \${ev.n}\` });
  }
  @step()
  async large(ctx: Context, ev: Large): Promise<StopEvent> {
    return new StopEvent({ result: \`large \${ev.n}\` });
  }
}
console.log(await new Route({ timeout: 10 }).run({ n: 42 }));
`,
    python: `${PY}
class Small(Event):
    n: int

class Large(Event):
    n: int

class Route(Workflow):
    @step
    async def classify(self, ctx: Context, ev: StartEvent) -> Small | Large:
        return Large(n=ev.n) if ev.n > 10 else Small(n=ev.n)

    @step
    async def small(self, ctx: Context, ev: Small) -> StopEvent:
        return StopEvent(result=f"small {ev.n}")

    @step
    async def large(self, ctx: Context, ev: Large) -> StopEvent:
        return StopEvent(result=f"large {ev.n}")

print(await Route(timeout=10).run(n=42))
`,
    expect: { status: 'stopped', result: 'large 42', lines: ['large 42'], started: { classify: 1, large: 1 } },
  },
  {
    name: 'num_workers: at most that many invocations of a step at once, the rest queue',
    typescript: `${TS}
class Job extends Event<{ n: number }> {}
class Done extends Event<{ n: number }> {}
class Pool extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Job | null> {
    for (let n = 0; n < 5; n++) ctx.sendEvent(new Job({ n }));
    return null;
  }
  @step({ numWorkers: 2 })
  async work(ctx: Context, ev: Job): Promise<Done> {
    await sleep(1);
    return new Done({ n: ev.n });
  }
  @step()
  async finish(ctx: Context, ev: Done): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, [Done, Done, Done, Done, Done]);
    if (all === null) return null;
    return new StopEvent({ result: all.length });
  }
}
console.log(await new Pool({ timeout: 30 }).run());
`,
    python: `${PY}
class Job(Event):
    n: int

class Done(Event):
    n: int

class Pool(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> Job | None:
        for n in range(5):
            ctx.send_event(Job(n=n))
        return None

    @step(num_workers=2)
    async def work(self, ctx: Context, ev: Job) -> Done:
        await asyncio.sleep(1)
        return Done(n=ev.n)

    @step
    async def finish(self, ctx: Context, ev: Done) -> StopEvent | None:
        done = ctx.collect_events(ev, [Done] * 5)
        if done is None:
            return None
        return StopEvent(result=len(done))

print(await Pool(timeout=30).run())
`,
    expect: { status: 'stopped', result: 5, lines: ['5'], started: { start: 1, work: 5, finish: 5 }, maxRunning: { start: 1, work: 2 }, collect: { finish: ['1/5', '2/5', '3/5', '4/5', '5/5'] } },
  },
  {
    name: 'collect: different types come back in the order of the expected list, whatever order they arrived in',
    typescript: `${TS}
class A extends Event<{ v: string }> {}
class B extends Event<{ v: string }> {}
class C extends Event<{ v: string }> {}
class Gather extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<A | B | C | null> {
    ctx.sendEvent(new C({ v: "c" }));
    ctx.sendEvent(new B({ v: "b" }));
    ctx.sendEvent(new A({ v: "a" }));
    return null;
  }
  @step()
  async join(ctx: Context, ev: A | B | C): Promise<StopEvent | null> {
    const got = ctx.collectEvents(ev, [A, B, C]);
    if (got === null) {
      console.log("waiting");
      return null;
    }
    return new StopEvent({ result: got.map((e) => e.v).join("") });
  }
}
console.log(await new Gather({ timeout: 10 }).run());
`,
    python: `${PY}
class A(Event):
    v: str

class B(Event):
    v: str

class C(Event):
    v: str

class Gather(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> A | B | C | None:
        ctx.send_event(C(v="c"))
        ctx.send_event(B(v="b"))
        ctx.send_event(A(v="a"))

    @step
    async def join(self, ctx: Context, ev: A | B | C) -> StopEvent | None:
        got = ctx.collect_events(ev, [A, B, C])
        if got is None:
            print("waiting")
            return None
        return StopEvent(result="".join(e.v for e in got))

print(await Gather(timeout=10).run())
`,
    expect: { status: 'stopped', result: 'abc', lines: ['waiting', 'waiting', 'abc'], collect: { join: ['1/3', '2/3', '3/3'] } },
  },
  {
    name: 'the first StopEvent wins and the invocations still running are cancelled',
    typescript: `${TS}
class Go extends Event<{ name: string; secs: number }> {}
class Race extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Go | null> {
    ctx.sendEvent(new Go({ name: "slow", secs: 3 }));
    ctx.sendEvent(new Go({ name: "fast", secs: 1 }));
    ctx.sendEvent(new Go({ name: "middle", secs: 2 }));
    return null;
  }
  @step({ numWorkers: 3 })
  async run_one(ctx: Context, ev: Go): Promise<StopEvent> {
    await sleep(ev.secs);
    return new StopEvent({ result: ev.name });
  }
}
console.log(await new Race({ timeout: 10 }).run());
`,
    python: `${PY}
class Go(Event):
    name: str
    secs: int

class Race(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> Go | None:
        ctx.send_event(Go(name="slow", secs=3))
        ctx.send_event(Go(name="fast", secs=1))
        ctx.send_event(Go(name="middle", secs=2))

    @step(num_workers=3)
    async def run_one(self, ctx: Context, ev: Go) -> StopEvent:
        await asyncio.sleep(ev.secs)
        return StopEvent(result=ev.name)

print(await Race(timeout=10).run())
`,
    expect: { status: 'stopped', result: 'fast', lines: ['fast'], maxRunning: { start: 1, run_one: 3 }, finished: { start: { done: 1 }, run_one: { done: 1, cancelled: 2 } } },
  },
  {
    name: 'timeout: a run that outlasts its timeout ends as timed out, and the caller can catch it',
    typescript: `${TS}
class Slow extends Workflow {
  @step()
  async crawl(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    await sleep(10);
    return new StopEvent({ result: "late" });
  }
}
try {
  await new Slow({ timeout: 2 }).run();
} catch (error) {
  console.log((error as Error).name);
}
`,
    python: `${PY}
from workflows.errors import WorkflowTimeoutError

class Slow(Workflow):
    @step
    async def crawl(self, ctx: Context, ev: StartEvent) -> StopEvent:
        await asyncio.sleep(10)
        return StopEvent(result="late")

try:
    await Slow(timeout=2).run()
except WorkflowTimeoutError as error:
    print(type(error).__name__)
`,
    expect: { status: 'timeout', lines: ['WorkflowTimeoutError'], finished: { crawl: { cancelled: 1 } } },
    errorContains: 'timed out',
  },
  {
    name: 'retries: a failing step runs again after the policy’s delay until it succeeds',
    typescript: `${TS}
class Flaky extends Workflow {
  @step({ retryPolicy: retryPolicy({ wait: waitFixed(1), stop: stopAfterAttempt(3) }) })
  async flaky(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    const n = await ctx.store.get("n", 0);
    await ctx.store.set("n", n + 1);
    if (n < 2) throw new Error(\`attempt \${n + 1} failed\`);
    return new StopEvent({ result: \`ok after \${n + 1}\` });
  }
}
console.log(await new Flaky({ timeout: 30 }).run());
`,
    python: `${PY}
class Flaky(Workflow):
    @step(retry_policy=retry_policy(wait=wait_fixed(1), stop=stop_after_attempt(3)))
    async def flaky(self, ctx: Context, ev: StartEvent) -> StopEvent:
        n = await ctx.store.get("n", default=0)
        await ctx.store.set("n", n + 1)
        if n < 2:
            raise ValueError(f"attempt {n + 1} failed")
        return StopEvent(result=f"ok after {n + 1}")

print(await Flaky(timeout=30).run())
`,
    expect: { status: 'stopped', result: 'ok after 3', lines: ['ok after 3'], started: { flaky: 3 }, attempts: { flaky: 3 }, failed: { flaky: 2 }, state: { n: 3 } },
  },
  {
    name: 'retries: a collecting step that fails and runs again adds its event to the buffer once',
    typescript: `${TS}
class Done extends Event<{ n: number }> {}
class Gather extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Done | null> {
    for (const n of [1, 2, 3]) {
      ctx.sendEvent(new Done({ n }));
      await sleep(5);
    }
    return null;
  }
  @step({ retryPolicy: retryPolicy({ wait: waitFixed(1), stop: stopAfterAttempt(3) }) })
  async gather(ctx: Context, ev: Done): Promise<StopEvent | null> {
    const tries = await ctx.store.get("tries", 0);
    const all = ctx.collectEvents(ev, [Done, Done, Done]);
    if (tries === 0) {
      await ctx.store.set("tries", 1);
      throw new Error("the first attempt fails after collecting");
    }
    if (all === null) return null;
    return new StopEvent({ result: all.map((d) => d.n).join(",") });
  }
}
console.log(await new Gather({ timeout: 60 }).run());
`,
    python: `${PY}
class Done(Event):
    n: int

class Gather(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> Done | None:
        for n in [1, 2, 3]:
            ctx.send_event(Done(n=n))
            await asyncio.sleep(5)
        return None

    @step(retry_policy=retry_policy(wait=wait_fixed(1), stop=stop_after_attempt(3)))
    async def gather(self, ctx: Context, ev: Done) -> StopEvent | None:
        tries = await ctx.store.get("tries", default=0)
        got = ctx.collect_events(ev, [Done] * 3)
        if tries == 0:
            await ctx.store.set("tries", 1)
            raise ValueError("the first attempt fails after collecting")
        if got is None:
            return None
        return StopEvent(result=",".join(str(d.n) for d in got))

print(await Gather(timeout=60).run())
`,
    // The failed attempt's event is not kept: the library commits buffer changes when a step returns.
    expect: { status: 'stopped', result: '1,2,3', lines: ['1,2,3'], attempts: { gather: 2 }, failed: { gather: 1 }, collect: { gather: ['1/3', '1/3', '2/3', '3/3'] } },
  },
  {
    name: 'retries: an error the policy’s condition does not retry fails the run at once',
    typescript: `${TS}
class Picky extends Workflow {
  @step({ retryPolicy: retryPolicy({ retry: retryIfExceptionType(RangeError), wait: waitFixed(1), stop: stopAfterAttempt(5) }) })
  async picky(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    throw new TypeError("not this kind");
  }
}
await new Picky({ timeout: 30 }).run();
`,
    python: `${PY}
class Picky(Workflow):
    @step(retry_policy=retry_policy(retry=retry_if_exception_type(ValueError), wait=wait_fixed(1), stop=stop_after_attempt(5)))
    async def picky(self, ctx: Context, ev: StartEvent) -> StopEvent:
        raise TypeError("not this kind")

await Picky(timeout=30).run()
`,
    expect: { status: 'failed', started: { picky: 1 }, attempts: { picky: 1 }, failed: { picky: 1 } },
    errorContains: 'not this kind',
  },
  {
    name: 'step failure: an error in a step fails the run with that error',
    typescript: `${TS}
class Broken extends Workflow {
  @step()
  async boom(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    console.log("about to fail");
    throw new Error("boom at step one");
  }
}
await new Broken({ timeout: 10 }).run();
`,
    python: `${PY}
class Broken(Workflow):
    @step
    async def boom(self, ctx: Context, ev: StartEvent) -> StopEvent:
        print("about to fail")
        raise RuntimeError("boom at step one")

await Broken(timeout=10).run()
`,
    expect: { status: 'failed', lines: ['about to fail'], failed: { boom: 1 } },
    errorContains: 'boom at step one',
  },
  {
    name: 'validation: an event that no step produces stops the run before it starts',
    typescript: `${TS}
class Orphan extends Event<{ n: number }> {}
class Lonely extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: "never" });
  }
  @step()
  async orphan(ctx: Context, ev: Orphan): Promise<StopEvent> {
    return new StopEvent({ result: ev.n });
  }
}
await new Lonely({ timeout: 10 }).run();
`,
    python: `${PY}
class Orphan(Event):
    n: int

class Lonely(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> StopEvent:
        return StopEvent(result="never")

    @step
    async def orphan(self, ctx: Context, ev: Orphan) -> StopEvent:
        return StopEvent(result=ev.n)

await Lonely(timeout=10).run()
`,
    expect: { status: 'no run', started: {} },
    errorContains: 'The following events are consumed but never produced: Orphan',
  },
  {
    name: 'human input: a returned InputRequiredEvent asks the caller, the answer comes back as HumanResponseEvent',
    answers: ['Ada'],
    typescript: `${TS}
class Greet extends Workflow {
  @step()
  async ask(ctx: Context, ev: StartEvent): Promise<InputRequiredEvent> {
    return new InputRequiredEvent({ prefix: "What is your name? " });
  }
  @step()
  async greet(ctx: Context, ev: HumanResponseEvent): Promise<StopEvent> {
    return new StopEvent({ result: \`Hello, \${ev.response}!\` });
  }
}
`,
    python: `${PY}
class Greet(Workflow):
    @step
    async def ask(self, ctx: Context, ev: StartEvent) -> InputRequiredEvent:
        return InputRequiredEvent(prefix="What is your name? ")

    @step
    async def greet(self, ctx: Context, ev: HumanResponseEvent) -> StopEvent:
        return StopEvent(result=f"Hello, {ev.response}!")
`,
    expect: { status: 'stopped', result: 'Hello, Ada!', started: { ask: 1, greet: 1 }, streamed: ['InputRequiredEvent', 'StopEvent'] },
  },
  {
    name: 'wait_for_event: the step ends waiting and runs again from the top once the event arrives',
    answers: ['Ada'],
    typescript: `${TS}
class Ask extends Workflow {
  @step()
  async ask(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    console.log("asking");
    const answer = await ctx.waitForEvent(HumanResponseEvent, { waiterEvent: new InputRequiredEvent({ prefix: "Name? " }) });
    return new StopEvent({ result: \`Hello, \${answer.response}!\` });
  }
}
`,
    python: `${PY}
class Ask(Workflow):
    @step
    async def ask(self, ctx: Context, ev: StartEvent) -> StopEvent:
        print("asking")
        answer = await ctx.wait_for_event(HumanResponseEvent, waiter_event=InputRequiredEvent(prefix="Name? "))
        return StopEvent(result=f"Hello, {answer.response}!")
`,
    expect: { status: 'stopped', result: 'Hello, Ada!', started: { ask: 2 }, finished: { ask: { waiting: 1, done: 1 } }, waits: ['HumanResponseEvent answered'] },
  },
  {
    name: 'state: steps share the run’s store; the last write wins and is recorded',
    typescript: `${TS}
class Tick extends Event<{ n: number }> {}
class Count extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Tick> {
    await ctx.store.set("count", 0);
    return new Tick({ n: 3 });
  }
  @step()
  async tick(ctx: Context, ev: Tick): Promise<Tick | StopEvent> {
    const count = await ctx.store.get("count");
    await ctx.store.set("count", count + 1);
    if (ev.n > 1) return new Tick({ n: ev.n - 1 });
    return new StopEvent({ result: await ctx.store.get("count") });
  }
}
console.log(await new Count({ timeout: 10 }).run());
`,
    python: `${PY}
class Tick(Event):
    n: int

class Count(Workflow):
    @step
    async def start(self, ctx: Context, ev: StartEvent) -> Tick:
        await ctx.store.set("count", 0)
        return Tick(n=3)

    @step
    async def tick(self, ctx: Context, ev: Tick) -> Tick | StopEvent:
        count = await ctx.store.get("count")
        await ctx.store.set("count", count + 1)
        if ev.n > 1:
            return Tick(n=ev.n - 1)
        return StopEvent(result=await ctx.store.get("count"))

print(await Count(timeout=10).run())
`,
    expect: { status: 'stopped', result: 3, lines: ['3'], started: { start: 1, tick: 3 }, state: { count: 3 } },
  },
  {
    name: 'streaming: events written to the stream reach the caller in order, before the result',
    typescript: `${TS}
class Progress extends Event<{ n: number }> {}
class Report extends Workflow {
  @step()
  async work(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    for (let n = 0; n < 3; n++) {
      ctx.writeEventToStream(new Progress({ n }));
      await sleep(1);
    }
    return new StopEvent({ result: "done" });
  }
}
const handler = new Report({ timeout: 10 }).run();
for await (const ev of handler.streamEvents()) {
  if (ev instanceof Progress) console.log(\`progress \${ev.n}\`);
}
console.log(await handler);
`,
    python: `${PY}
class Progress(Event):
    n: int

class Report(Workflow):
    @step
    async def work(self, ctx: Context, ev: StartEvent) -> StopEvent:
        for n in range(3):
            ctx.write_event_to_stream(Progress(n=n))
            await asyncio.sleep(1)
        return StopEvent(result="done")

handler = Report(timeout=10).run()
async for ev in handler.stream_events():
    if isinstance(ev, Progress):
        print(f"progress {ev.n}")
print(await handler)
`,
    expect: { status: 'stopped', result: 'done', lines: ['progress 0', 'progress 1', 'progress 2', 'done'], streamed: ['Progress', 'Progress', 'Progress', 'StopEvent'] },
  },
  {
    name: 'seeded runs: random draws come from the run’s seed, the same in both languages',
    seed: 11,
    typescript: `${TS}
class Dice extends Workflow {
  @step()
  async roll(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    const rolls = [randint(1, 6), randint(1, 6), randint(1, 6)];
    await sleep(random() * 5);
    return new StopEvent({ result: rolls.join(" ") });
  }
}
console.log(await new Dice({ timeout: 10 }).run());
`,
    python: `${PY}
import random

class Dice(Workflow):
    @step
    async def roll(self, ctx: Context, ev: StartEvent) -> StopEvent:
        rolls = [random.randint(1, 6), random.randint(1, 6), random.randint(1, 6)]
        await asyncio.sleep(random.random() * 5)
        return StopEvent(result=" ".join(str(r) for r in rolls))

print(await Dice(timeout=10).run())
`,
    expect: { status: 'stopped', started: { roll: 1 } },
    agree: ['result', 'lines'],
  },
  {
    name: 'resources: a cached resource is one object for every step that takes it; cache=False makes one for the step',
    typescript: `${TS}
import { Resource } from "flowplay";
class Counter { n = 0; }
function make_counter(): Counter {
  return new Counter();
}
class Tick extends Event<{}> {}
class Count extends Workflow {
  @step()
  async first(ev: StartEvent, counter = Resource(make_counter)): Promise<Tick> {
    counter.n += 1;
    return new Tick();
  }
  @step()
  async second(ev: Tick, counter = Resource(make_counter), fresh = Resource(make_counter, { cache: false })): Promise<StopEvent> {
    counter.n += 1;
    fresh.n += 1;
    return new StopEvent({ result: \`\${counter.n} \${fresh.n}\` });
  }
}
console.log(await new Count({ timeout: 10 }).run());
`,
    python: `${PY}
from typing import Annotated
from workflows.resource import Resource

class Counter:
    def __init__(self):
        self.n = 0

def make_counter() -> Counter:
    return Counter()

class Tick(Event):
    pass

class Count(Workflow):
    @step
    async def first(self, ev: StartEvent, counter: Annotated[Counter, Resource(make_counter)]) -> Tick:
        counter.n += 1
        return Tick()

    @step
    async def second(self, ev: Tick, counter: Annotated[Counter, Resource(make_counter)], fresh: Annotated[Counter, Resource(make_counter, cache=False)]) -> StopEvent:
        counter.n += 1
        fresh.n += 1
        return StopEvent(result=f"{counter.n} {fresh.n}")

print(await Count(timeout=10).run())
`,
    expect: {
      status: 'stopped',
      result: '2 1',
      lines: ['2 1'],
      resources: ['first.counter make_counter #1 made', 'second.counter make_counter #1', 'second.fresh make_counter #2 made'],
    },
  },
  {
    name: 'typed state: the run starts from the state class’s defaults, and an edit holds the store so concurrent workers lose no update',
    typescript: `${TS}
class SomeState { val = 0; }
class Work extends Event<{}> {}
class Done extends Event<{}> {}
class Parallel extends Workflow {
  @step()
  async init(ctx: Context<SomeState>, ev: StartEvent): Promise<Work | null> {
    for (let i = 0; i < 6; i++) ctx.sendEvent(new Work());
    return null;
  }
  @step()
  async worker(ctx: Context<SomeState>, ev: Work): Promise<Done> {
    await ctx.store.editState(async (state) => {
      state.val += 1;
      await sleep(0.01);
    });
    return new Done();
  }
  @step()
  async gather(ctx: Context<SomeState>, ev: Done): Promise<StopEvent | null> {
    if (!ctx.collectEvents(ev, [Done, Done, Done, Done, Done, Done])) return null;
    return new StopEvent({ result: (await ctx.store.getState()).val });
  }
}
console.log(await new Parallel({ timeout: 10 }).run());
`,
    python: `${PY}
from pydantic import BaseModel, Field

class SomeState(BaseModel):
    val: int = Field(default=0)

class Work(Event):
    pass

class Done(Event):
    pass

class Parallel(Workflow):
    @step
    async def init(self, ctx: Context[SomeState], ev: StartEvent) -> Work:
        for _ in range(6):
            ctx.send_event(Work())

    @step
    async def worker(self, ctx: Context[SomeState], ev: Work) -> Done:
        async with ctx.store.edit_state() as state:
            state.val += 1
            await asyncio.sleep(0.01)
        return Done()

    @step
    async def gather(self, ctx: Context[SomeState], ev: Done) -> StopEvent | None:
        if not ctx.collect_events(ev, [Done] * 6):
            return None
        return StopEvent(result=(await ctx.store.get_state()).val)

print(await Parallel(timeout=10).run())
`,
    expect: { status: 'stopped', result: 6, lines: ['6'], started: { init: 1, worker: 6, gather: 6 }, maxRunning: { worker: 4 }, state: { '': { val: 6 } } },
  },
  {
    name: 'retry info: each attempt reads its retry number, the time since the first attempt, and the error and moment of the one before',
    typescript: `${TS}
class Flaky extends Workflow {
  @step({ retryPolicy: retryPolicy({ wait: waitFixed(2), stop: stopAfterAttempt(3) }) })
  async flaky(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    await sleep(1);
    const info = ctx.retryInfo();
    const last = info.lastException === null ? "-" : \`\${(info.lastException as Error).message} at \${info.lastFailedAt}\`;
    console.log(\`attempt \${info.retryNumber} after \${info.elapsedSeconds}: \${last}\`);
    if (info.retryNumber < 2) throw new Error(\`boom \${info.retryNumber}\`);
    return new StopEvent({ result: "ok" });
  }
}
console.log(await new Flaky({ timeout: 30 }).run());
`,
    python: `${PY}
class Flaky(Workflow):
    @step(retry_policy=retry_policy(wait=wait_fixed(2), stop=stop_after_attempt(3)))
    async def flaky(self, ctx: Context, ev: StartEvent) -> StopEvent:
        await asyncio.sleep(1)
        info = ctx.retry_info()
        last = "-" if info.last_exception is None else f"{info.last_exception} at {int(info.last_failed_at.timestamp())}"
        print(f"attempt {info.retry_number} after {int(info.elapsed_seconds)}: {last}")
        if info.retry_number < 2:
            raise ValueError(f"boom {info.retry_number}")
        return StopEvent(result="ok")

print(await Flaky(timeout=30).run())
`,
    expect: { status: 'stopped', result: 'ok', lines: ['attempt 0 after 0: -', 'attempt 1 after 4: boom 0 at 1', 'attempt 2 after 7: boom 1 at 4', 'ok'], attempts: { flaky: 3 } },
  },
];
