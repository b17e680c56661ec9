/**
 * Flowplay's engine, written as a user would without the compiler: legacy decorators with explicit
 * `accepts` / `returns` metadata (the compiler injects the same from the annotations). The worker step
 * keeps the default numWorkers (4), and the collecting step builds its expected-types list once per
 * workflow instead of per call, as the engine's docs recommend for a large gather.
 */
import { Event, StartEvent, StopEvent, TraceStore, Workflow, step, type Context, type TraceRecord } from '../../src/engine/index.ts';
import { probe, probeNow } from '../probe.ts';
import type { Impl } from './types.ts';

class Item extends Event<{ i: number }> {}
class Done extends Event<{ i: number }> {}

class FanOut extends Workflow {
  private readonly need: (typeof Done)[];

  constructor(readonly n: number) {
    super({ timeout: null });
    this.need = Array<typeof Done>(n).fill(Done);
  }

  @step({ accepts: [StartEvent], returns: [Item] })
  async start(ctx: Context, _ev: StartEvent): Promise<null> {
    probe();
    for (let i = 0; i < this.n; i++) ctx.sendEvent(new Item({ i }));
    probeNow();
    return null;
  }

  @step({ accepts: [Item], returns: [Done] })
  async work(_ctx: Context, ev: Item): Promise<Done> {
    probe();
    return new Done({ i: ev.i });
  }

  @step({ accepts: [Done], returns: [StopEvent] })
  async gather(ctx: Context, ev: Done): Promise<StopEvent<number> | null> {
    probe();
    const all = ctx.collectEvents<Done>(ev, this.need);
    return all ? new StopEvent({ result: all.length }) : null;
  }
}

async function fanout(n: number): Promise<number> {
  return new FanOut(n).run();
}

/**
 * The fan-out with its whole trace kept, as a host keeps it: in a `TraceStore`, which holds the
 * records in columns and makes objects of them only when read.
 */
async function fanoutTraced(n: number): Promise<{ gathered: number; records: number }> {
  const store = new TraceStore();
  const gathered: number = await new FanOut(n).run({}, { traceStore: store });
  return { gathered, records: store.length };
}

/** The same, with a listener that keeps every record object it is handed. */
async function fanoutListened(n: number): Promise<{ gathered: number; records: number }> {
  const records: TraceRecord[] = [];
  const gathered: number = await new FanOut(n).run({}, { onTrace: (record) => records.push(record) });
  return { gathered, records: records.length };
}

/** The fan-out's whole trace, for measuring what a saved run costs per event. */
export async function fanoutRecords(n: number): Promise<TraceRecord[]> {
  const store = new TraceStore();
  await fanoutIntoStore(n, store);
  return store.records();
}

/** The fan-out with its trace written into `store`; `same` runs it on the virtual clock with a fixed run id, so two runs write the same records. */
export async function fanoutIntoStore(n: number, store: TraceStore, same = false): Promise<void> {
  await new FanOut(n).run({}, same ? { traceStore: store, clock: 'virtual', runId: 'fan-out', seed: 1 } : { traceStore: store });
}

/** One class per hop, as a ten-step workflow declares them; every step adds 1 to `value`. */
class Hop extends Event<{ value: number }> {}
class Hop1 extends Hop {}
class Hop2 extends Hop {}
class Hop3 extends Hop {}
class Hop4 extends Hop {}
class Hop5 extends Hop {}
class Hop6 extends Hop {}
class Hop7 extends Hop {}
class Hop8 extends Hop {}
class Hop9 extends Hop {}
class Hop10 extends Hop {}

class Chain extends Workflow {
  @step({ accepts: [StartEvent], returns: [Hop1] })
  async s1(_ctx: Context, ev: StartEvent): Promise<Hop1> {
    probe();
    return new Hop1({ value: (ev.value as number) + 1 });
  }
  @step({ accepts: [Hop1], returns: [Hop2] })
  async s2(_ctx: Context, ev: Hop1): Promise<Hop2> {
    probe();
    return new Hop2({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop2], returns: [Hop3] })
  async s3(_ctx: Context, ev: Hop2): Promise<Hop3> {
    probe();
    return new Hop3({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop3], returns: [Hop4] })
  async s4(_ctx: Context, ev: Hop3): Promise<Hop4> {
    probe();
    return new Hop4({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop4], returns: [Hop5] })
  async s5(_ctx: Context, ev: Hop4): Promise<Hop5> {
    probe();
    return new Hop5({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop5], returns: [Hop6] })
  async s6(_ctx: Context, ev: Hop5): Promise<Hop6> {
    probe();
    return new Hop6({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop6], returns: [Hop7] })
  async s7(_ctx: Context, ev: Hop6): Promise<Hop7> {
    probe();
    return new Hop7({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop7], returns: [Hop8] })
  async s8(_ctx: Context, ev: Hop7): Promise<Hop8> {
    probe();
    return new Hop8({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop8], returns: [Hop9] })
  async s9(_ctx: Context, ev: Hop8): Promise<Hop9> {
    probe();
    return new Hop9({ value: ev.value + 1 });
  }
  @step({ accepts: [Hop9], returns: [StopEvent] })
  async s10(_ctx: Context, ev: Hop9): Promise<StopEvent<number>> {
    probe();
    return new StopEvent({ result: ev.value + 1 });
  }
}

async function chain(runs: number): Promise<number> {
  // One workflow instance, run again and again, as an app would reuse it.
  const flow = new Chain({ timeout: null });
  let sum = 0;
  for (let i = 0; i < runs; i++) sum += (await flow.run({ value: i })) as number;
  return sum;
}

/** Step 10 sends the event back to step 1 until the counter it carries reaches `loops`. */
class Loop extends Workflow {
  constructor(readonly loops: number) {
    super({ timeout: null });
  }

  @step({ accepts: [StartEvent, Hop10], returns: [Hop1] })
  async s1(_ctx: Context, ev: StartEvent | Hop10): Promise<Hop1> {
    probe();
    return new Hop1({ value: ev instanceof Hop10 ? ev.value : 0 });
  }
  @step({ accepts: [Hop1], returns: [Hop2] })
  async s2(_ctx: Context, ev: Hop1): Promise<Hop2> {
    probe();
    return new Hop2({ value: ev.value });
  }
  @step({ accepts: [Hop2], returns: [Hop3] })
  async s3(_ctx: Context, ev: Hop2): Promise<Hop3> {
    probe();
    return new Hop3({ value: ev.value });
  }
  @step({ accepts: [Hop3], returns: [Hop4] })
  async s4(_ctx: Context, ev: Hop3): Promise<Hop4> {
    probe();
    return new Hop4({ value: ev.value });
  }
  @step({ accepts: [Hop4], returns: [Hop5] })
  async s5(_ctx: Context, ev: Hop4): Promise<Hop5> {
    probe();
    return new Hop5({ value: ev.value });
  }
  @step({ accepts: [Hop5], returns: [Hop6] })
  async s6(_ctx: Context, ev: Hop5): Promise<Hop6> {
    probe();
    return new Hop6({ value: ev.value });
  }
  @step({ accepts: [Hop6], returns: [Hop7] })
  async s7(_ctx: Context, ev: Hop6): Promise<Hop7> {
    probe();
    return new Hop7({ value: ev.value });
  }
  @step({ accepts: [Hop7], returns: [Hop8] })
  async s8(_ctx: Context, ev: Hop7): Promise<Hop8> {
    probe();
    return new Hop8({ value: ev.value });
  }
  @step({ accepts: [Hop8], returns: [Hop9] })
  async s9(_ctx: Context, ev: Hop8): Promise<Hop9> {
    probe();
    return new Hop9({ value: ev.value });
  }
  @step({ accepts: [Hop9], returns: [Hop10, StopEvent] })
  async s10(_ctx: Context, ev: Hop9): Promise<Hop10 | StopEvent<number>> {
    probe();
    const count = ev.value + 1;
    return count >= this.loops ? new StopEvent({ result: count }) : new Hop10({ value: count });
  }
}

async function loop(loops: number): Promise<number> {
  return new Loop(loops).run();
}

export const flowplay: Impl = { fanout, chain, loop, fanoutTraced, fanoutListened };
