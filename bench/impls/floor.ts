/**
 * The floor: the least machinery that can run the three workloads. A map from event class to async
 * handlers, delivery through queueMicrotask (so, like a workflow engine, a sender never runs its
 * receivers in its own call stack), a plain array for the fan-in and a counter carried in the event for
 * the loop. No queues, no worker limits, no trace: whatever Flowplay spends beyond this is the price of
 * its features, which is what the 3x bar bounds.
 */
import { probe, probeNow } from '../probe.ts';
import type { Impl } from './types.ts';

type EventClass = abstract new (...args: never[]) => object;
type Handler = (ev: object) => Promise<object | null>;

class Stop {
  constructor(readonly result: number) {}
}

/** One run: the routes are shared by all runs of a workflow, the completion promise is per run. */
class Run {
  readonly finished: Promise<number>;
  private resolve!: (result: number) => void;
  private reject!: (error: unknown) => void;

  constructor(private readonly routes: Map<EventClass, Handler[]>) {
    this.finished = new Promise<number>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  emit(ev: object): void {
    if (ev instanceof Stop) {
      this.resolve(ev.result);
      return;
    }
    const handlers = this.routes.get(ev.constructor as EventClass);
    if (!handlers) return;
    for (const handler of handlers) {
      queueMicrotask(() => {
        handler(ev).then((out) => {
          if (out) this.emit(out);
        }, this.reject);
      });
    }
  }
}

function routes(entries: [EventClass, Handler][]): Map<EventClass, Handler[]> {
  const map = new Map<EventClass, Handler[]>();
  for (const [type, handler] of entries) map.set(type, [...(map.get(type) ?? []), handler]);
  return map;
}

class Start {
  constructor(readonly value: number) {}
}
class Item {
  constructor(readonly i: number) {}
}
class Done {
  constructor(readonly i: number) {}
}

async function fanout(n: number): Promise<number> {
  const buffer: Done[] = [];
  // `run` is assigned before the first handler can run: handlers only run from microtasks.
  let run: Run;
  run = new Run(
    routes([
      [
        Start,
        async () => {
          probe();
          for (let i = 0; i < n; i++) run.emit(new Item(i));
          probeNow();
          return null;
        },
      ],
      [
        Item,
        async (ev) => {
          probe();
          return new Done((ev as Item).i);
        },
      ],
      [
        Done,
        async (ev) => {
          probe();
          buffer.push(ev as Done);
          return buffer.length === n ? new Stop(buffer.length) : null;
        },
      ],
    ]),
  );
  run.emit(new Start(0));
  return run.finished;
}

/** Ten distinct event classes, one per hop, so routing does a real lookup at every step. */
class Hop {
  constructor(readonly value: number) {}
}
const hops = Array.from({ length: 10 }, () => class extends Hop {});

/** Every step adds 1 to the value it passes on, so a run's result proves all ten steps ran. */
function hopHandler(to: (value: number) => object): Handler {
  return async (ev) => {
    probe();
    return to((ev as Hop).value + 1);
  };
}

const chainRoutes = routes([
  [Start, hopHandler((v) => new hops[0]!(v))],
  ...hops.slice(0, 8).map((type, k): [EventClass, Handler] => [type, hopHandler((v) => new hops[k + 1]!(v))]),
  [hops[8]!, hopHandler((v) => new Stop(v))],
]);

async function chain(runs: number): Promise<number> {
  let sum = 0;
  for (let i = 0; i < runs; i++) {
    const run = new Run(chainRoutes);
    run.emit(new Start(i));
    sum += await run.finished;
  }
  return sum;
}

function loopRoutes(loops: number): Map<EventClass, Handler[]> {
  // Step 1 accepts the start event and the event step 10 sends back; the counter counts rounds.
  const first: Handler = async (ev) => {
    probe();
    return new hops[0]!((ev as Hop | Start).value);
  };
  return routes([
    [Start, first],
    [hops[9]!, first],
    ...hops.slice(0, 8).map((type, k): [EventClass, Handler] => [
      type,
      async (ev) => {
        probe();
        return new hops[k + 1]!((ev as Hop).value);
      },
    ]),
    [
      hops[8]!,
      async (ev) => {
        probe();
        const count = (ev as Hop).value + 1;
        return count >= loops ? new Stop(count) : new hops[9]!(count);
      },
    ],
  ]);
}

async function loop(loops: number): Promise<number> {
  const run = new Run(loopRoutes(loops));
  run.emit(new Start(0));
  return run.finished;
}

export const floor: Impl = { fanout, chain, loop };
