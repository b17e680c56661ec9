import { describe, expect, test } from 'vitest';
import {
  Context,
  Event,
  HumanResponseEvent,
  InputRequiredEvent,
  StartEvent,
  StopEvent,
  TraceDecoder,
  TraceStore,
  Workflow,
  isTracePacket,
  type TracePacket,
  setRunDefaults,
  sleep,
  step,
  type TraceRecord,
} from 'flowplay';

class Task extends Event<{ n: number; label: string }> {}
class Done extends Event<{ n: number }> {}
class Note extends Event<{ text: string; nested: { deep: number[] } }> {}
class Stray extends Event<{ why: string }> {}
class Progress extends Event<{ pct: number }> {}
class Late extends Event {}

/**
 * A workflow that writes every kind the store keeps in columns, and several it keeps whole: deliveries
 * that wait for a worker, a typed fan-out into a gather step, collect progress, a retry after a delay
 * (its queueing), a wait for an answer and the re-run it causes, a published and an unhandled event,
 * an event with a nested payload, state, logs, and an event sent after the run ended.
 */
class Everything extends Workflow {
  fails = 1;

  @step({ accepts: [StartEvent], returns: [Task], fanOut: true })
  async split(ctx: Context, _ev: StartEvent) {
    ctx.set('phase', 'split');
    ctx.writeEventToStream(new Progress({ pct: 10 }));
    ctx.sendEvent(new Stray({ why: 'nobody takes it' }));
    ctx.sendEvent(new Note({ text: 'hi', nested: { deep: [1, 2, 3] } }));
    return [1, 2, 3, 4, 5].map((n) => new Task({ n, label: `task ${n}` }));
  }

  @step({ accepts: [Task], returns: [Done], numWorkers: 2, retry: { maxAttempts: 2, delay: 0.5 } })
  async work(_ctx: Context, ev: Task) {
    await sleep(ev.n);
    if (ev.n === 1 && this.fails-- > 0) throw new Error('once');
    return new Done({ n: ev.n * 10 });
  }

  @step({ accepts: [Done], returns: [StopEvent], gather: true })
  async gather(ctx: Context, evs: Done[]) {
    const answer = await ctx.waitForEvent(HumanResponseEvent, { waiterEvent: new InputRequiredEvent({ prefix: 'go on?' }), timeout: 50 });
    setTimeout(() => ctx.sendEvent(new Late()), 0);
    return new StopEvent({ result: { sum: evs.reduce((s, e) => s + e.n, 0), answer: answer.response } });
  }

  @step({ accepts: [Note], returns: [] })
  async note(ctx: Context, ev: Note) {
    const all = ctx.collectEvents(ev, [Note, Note]);
    return all ? null : null;
  }

  @step({ accepts: [Late], returns: [] })
  async late(_ctx: Context, _ev: Late) {
    return null;
  }
}

/** Runs `Everything` on the virtual clock, answering its question, with the given trace options. */
async function runEverything(options: { onTrace?: (r: TraceRecord) => void; traceStore?: TraceStore }): Promise<void> {
  const flow = new Everything({ timeout: 100, validate: false });
  const handler = flow.run({}, { clock: 'virtual', seed: 3, runId: 'run-x', ...options });
  for await (const ev of handler.streamEvents()) {
    if (ev instanceof InputRequiredEvent) handler.sendEvent(new HumanResponseEvent({ response: 'yes' }));
  }
  await handler.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 5));
}

function json(records: readonly TraceRecord[]): string[] {
  return records.map((r) => JSON.stringify(r));
}

describe('the trace store', () => {
  test('gives back every record, field for field and in key order, as a listener received it', async () => {
    const heard: TraceRecord[] = [];
    await runEverything({ onTrace: (r) => heard.push(structuredClone(r)) });
    const store = new TraceStore();
    await runEverything({ traceStore: store });
    const kinds = new Set(heard.map((r) => r.kind));
    for (const kind of ['event.emitted', 'step.started', 'step.finished', 'step.queued', 'collect.progress', 'stream.published', 'event.unhandled', 'event.dropped', 'step.failed', 'state.changed', 'wait.started', 'wait.finished', 'run.finished']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(heard.some((r) => r.kind === 'event.emitted' && r.to.some((d) => d.queued !== undefined))).toBe(true);
    expect(heard.some((r) => r.kind === 'step.started' && r.rerunOf !== undefined)).toBe(true);
    expect(heard.some((r) => r.kind === 'step.started' && r.events.length === 5)).toBe(true);
    const split = heard.find((r) => r.kind === 'step.finished' && r.step === 'split');
    const tasks = heard.filter((r) => r.kind === 'event.emitted' && r.type === 'Task').map((r) => r.kind === 'event.emitted' && r.event);
    expect(split).toMatchObject({ kind: 'step.finished', worker: 1, status: 'done', outputs: tasks });
    expect(heard.find((r) => r.kind === 'event.emitted' && r.type === 'Note')).toMatchObject({
      payload: { text: 'hi', nested: { deep: [1, 2, 3] } }, via: 'send', step: 'split', target: null, to: [{ step: 'note' }],
    });
    expect(store.length).toBe(heard.length);
    expect(json(store.records())).toEqual(json(heard));
  });

  test('rows that cross chunks and lists that outgrow their array read back the same', async () => {
    const heard: TraceRecord[] = [];
    await runEverything({ onTrace: (r) => heard.push(structuredClone(r)) });
    const store = new TraceStore(2);
    await runEverything({ traceStore: store });
    expect(json([...store])).toEqual(json(heard));
    expect(json(store.records(3, 7))).toEqual(json(heard.slice(3, 7)));
  });

  test('a listener and a store on one run get the same records; the store keeps them after the run', async () => {
    const heard: TraceRecord[] = [];
    const store = new TraceStore();
    await runEverything({ onTrace: (r) => heard.push(r), traceStore: store });
    expect(json(store.records())).toEqual(json(heard));
  });

  test('a fan-out of 10,000 items: the same records as a listener keeps', async () => {
    class Fan extends Workflow {
      readonly need = Array<typeof Done>(10_000).fill(Done);
      @step({ accepts: [StartEvent], returns: [Task] })
      async start(ctx: Context, _ev: StartEvent) {
        for (let n = 0; n < 10_000; n++) ctx.sendEvent(new Task({ n, label: '' }));
        return null;
      }
      @step({ accepts: [Task], returns: [Done] })
      async work(_ctx: Context, ev: Task) {
        return new Done({ n: ev.n });
      }
      @step({ accepts: [Done], returns: [StopEvent] })
      async gather(ctx: Context, ev: Done) {
        const all = ctx.collectEvents(ev, this.need);
        return all ? new StopEvent({ result: all.length }) : null;
      }
    }
    const heard: TraceRecord[] = [];
    await new Fan({ timeout: null }).run({}, { clock: 'virtual', seed: 1, runId: 'fan', onTrace: (r) => heard.push(r) });
    const store = new TraceStore();
    expect(await new Fan({ timeout: null }).run({}, { clock: 'virtual', seed: 1, runId: 'fan', traceStore: store })).toBe(10_000);
    expect(store.length).toBe(70_007);
    expect(json(store.records())).toEqual(json(heard));
  });

  test("a host's store keeps the runs started inside its steps, each with its own run id", async () => {
    class Child extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(_ctx: Context, _ev: StartEvent) {
        return new StopEvent({ result: 'child' });
      }
    }
    class Parent extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(_ctx: Context, _ev: StartEvent) {
        return new StopEvent({ result: await new Child().run() });
      }
    }
    const store = new TraceStore();
    const previous = setRunDefaults({ clock: 'virtual', seed: 1, traceStore: store });
    try {
      expect(await new Parent().run()).toBe('child');
    } finally {
      setRunDefaults(previous);
    }
    const records = store.records();
    const [parent, child] = records.filter((r) => r.kind === 'run.started');
    expect(child).toMatchObject({ parentRun: parent!.runId, parentStep: 'only' });
    const seqs = (runId: string) => records.filter((r) => r.runId === runId).map((r) => r.seq);
    for (const runId of [parent!.runId, child!.runId]) expect(seqs(runId)).toEqual(seqs(runId).map((_, i) => i + 1));
    expect(records.filter((r) => r.kind === 'run.finished').map((r) => r.runId)).toEqual([child!.runId, parent!.runId]);
  });

  test("an event's fields are kept as it had them when it was sent, whatever their shape", async () => {
    class Item extends Event<Record<string, unknown>> {}
    const long = 'x'.repeat(300);
    const sent = [{ a: 1 }, { a: 2, b: 'two' }, { b: 3, a: 3 }, { a: 4 }, { a: long }, { a: Number.NaN }, { a: [1, 2] }, {}, { a: 0.5, b: true }];
    class Shapes extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(ctx: Context, _ev: StartEvent) {
        for (const fields of sent) {
          const ev = new Item(fields);
          ctx.writeEventToStream(ev);
          (ev as Record<string, unknown>).a = 'changed later';
        }
        return new StopEvent({ result: 'ok' });
      }
    }
    const store = new TraceStore();
    await new Shapes().run({}, { clock: 'virtual', seed: 1, traceStore: store });
    const payloads = store.records().flatMap((r) => (r.kind === 'event.emitted' && r.type === 'Item' ? [r.payload] : []));
    expect(JSON.stringify(payloads)).toBe(
      JSON.stringify([{ a: 1 }, { a: 2, b: 'two' }, { b: 3, a: 3 }, { a: 4 }, { a: long }, { a: 'NaN' }, { a: [1, 2] }, {}, { a: 0.5, b: true }]),
    );
  });

  test('clear() forgets the records; reading past the end is an error', async () => {
    const store = new TraceStore();
    await runEverything({ traceStore: store });
    expect(() => store.record(store.length)).toThrow(RangeError);
    expect(() => store.record(-1)).toThrow(RangeError);
    store.clear();
    expect(store.length).toBe(0);
    expect(store.records()).toEqual([]);
    await runEverything({ traceStore: store });
    expect(store.record(0)).toMatchObject({ kind: 'run.started', seq: 1, runId: 'run-x' });
  });
});

/** The records a decoder reads from `packets`, or the first reason it refused a row. */
function decoded(packets: TracePacket[]): TraceRecord[] {
  const decoder = new TraceDecoder();
  return packets.flatMap((p) =>
    decoder.read(p).map((row) => {
      if (!row.ok) throw new Error(row.reason);
      return row.record;
    }),
  );
}

describe('packets of a trace store, read in another thread', () => {
  test('packets made as the run goes, of every size, read back as the records a listener received', async () => {
    const heard: TraceRecord[] = [];
    await runEverything({ onTrace: (r) => heard.push(structuredClone(r)) });
    for (const every of [1, 3, 1000]) {
      const store = new TraceStore(2);
      const packets: TracePacket[] = [];
      let sent = 0;
      store.onWritten = (i) => {
        if ((i + 1) % every === 0) {
          packets.push(structuredClone(store.packet(sent, i + 1)));
          sent = i + 1;
        }
      };
      await runEverything({ traceStore: store });
      packets.push(store.packet(sent, store.length));
      expect(json(decoded(packets)), `a packet every ${every} records`).toEqual(json(heard));
    }
  });

  test('a list still open when a packet is made travels whole in the next one', () => {
    const store = new TraceStore();
    const run = store.runRef('r');
    const step = store.nameId('gather');
    const batch = store.listOpen();
    store.listAdd(7);
    const early = store.packet(0, 0);
    store.listAdd(8);
    store.listClose(batch);
    store.addStarted(run, 1, 0, step, 1, 1, batch, true, 1, -1);
    expect(early.list.length).toBe(0);
    expect(decoded([early, store.packet(0, 1)])).toEqual([{ v: 2, runId: 'r', seq: 1, t: 0, kind: 'step.started', step: 'gather', invocation: 1, worker: 1, events: [7, 8], attempt: 1 }]);
  });

  test('rows left out and objects replaced on the way', async () => {
    const store = new TraceStore();
    await runEverything({ traceStore: store });
    const all = store.records();
    const packet = store.packet(
      0,
      store.length,
      (i) => store.kindAt(i) !== 'step.finished',
      (o) => ('record' in o ? o.record : { replaced: true }),
    );
    const read = decoded([packet]);
    expect(read.map((r) => r.seq)).toEqual(all.filter((r) => r.kind !== 'step.finished').map((r) => r.seq));
    expect(read.find((r) => r.kind === 'event.emitted' && r.type === 'Note')).toMatchObject({ payload: { replaced: true } });
    expect(read.find((r) => r.kind === 'event.emitted' && r.type === 'Task')).toMatchObject({ payload: { n: 1, label: 'task 1' } });
    expect(store.runRefAt(0)).toBe(0);
  });

  test('a forged packet: rows that point outside its tables are refused one by one, the rest read', async () => {
    const store = new TraceStore();
    await runEverything({ traceStore: store });
    const packet = store.packet(0, store.length);
    const rows = packet.times.length;
    const layouts = Array.from({ length: rows }, (_, r) => packet.ints[r * 10]! & 15);
    const finished = layouts.indexOf(3);
    const started = layouts.findIndex((l, r) => l === 2 && ((packet.ints[r * 10]! >> 4) & 1) === 1); // a gather's batch
    const emitted = layouts.findIndex((l, r) => l === 1 && packet.ints[r * 10 + 9]! >= 0);
    const progress = layouts.indexOf(4);
    packet.ints[finished * 10 + 6] = 2 ** 30; // a step that "returned" a billion events
    packet.ints[started * 10 + 7] = packet.list.length + 5; // a batch list past the end
    packet.ints[emitted * 10 + 9] = 1e9; // fields nowhere
    packet.ints[progress * 10 + 6] = packet.needs.length; // an expectation the tables do not have
    packet.ints[0] = 15; // a layout that does not exist
    const read = new TraceDecoder().read(packet);
    expect(read.filter((r) => !r.ok).length).toBe(5);
    for (const r of [0, finished, started, emitted, progress]) expect(read[r]).toMatchObject({ ok: false });
    expect(read.filter((r) => r.ok).length).toBe(rows - 5);
  });

  test('only a value whose parts agree in size is taken for a packet', async () => {
    const store = new TraceStore();
    await runEverything({ traceStore: store });
    const packet = store.packet(0, store.length);
    expect(isTracePacket(packet, 5_000)).toBe(true);
    expect(isTracePacket(packet, 3)).toBe(false);
    expect(isTracePacket({ ...packet, times: packet.times.subarray(1) }, 5_000)).toBe(false);
    expect(isTracePacket({ ...packet, names: [1] }, 5_000)).toBe(false);
    expect(isTracePacket({ ...packet, needs: [{ types: 'Done', names: {} }] }, 5_000)).toBe(false);
    expect(isTracePacket({ ...packet, ints: [...packet.ints] }, 5_000)).toBe(false);
    expect(isTracePacket(null, 5_000)).toBe(false);
  });
});

