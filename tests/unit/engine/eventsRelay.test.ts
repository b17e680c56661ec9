import { describe, expect, test } from 'vitest';
import { TraceDecoder, type TraceRecord } from '../../../src/engine/index.ts';
import { joinPackets } from '../../../src/engine/traceDecoder.ts';
import type { TracePacket } from '../../../src/engine/traceStore.ts';
import { STRIDE } from '../../../src/engine/traceTables.ts';
import { RELAY_MAX_ROWS, RELAY_MS, RelayQueue, relayTransfers } from '../../../src/worker/eventsRelayBatch.ts';
import { UserRun } from '../../../src/worker/userRun.ts';
import { MAX_BATCH } from '../../../src/worker/traceBatcher.ts';
import { sharedCompiler } from '../runSource.ts';

const FAN_OUT = `
import { Context, Event, StartEvent, StopEvent, Workflow, step } from 'flowplay';
class Item extends Event<{ i: number }> {}
class Done extends Event<{ i: number; label: string }> {}
class Fan extends Workflow {
  @step()
  async split(ctx: Context, _ev: StartEvent): Promise<Item | null> {
    for (let i = 0; i < 2000; i++) ctx.sendEvent(new Item({ i }));
    return null;
  }
  @step({ numWorkers: 8 })
  async work(ev: Item): Promise<Done> {
    if (ev.i % 500 === 0) console.log('item', ev.i);
    return new Done({ i: ev.i, label: 'item ' + ev.i });
  }
  @step()
  async gather(ctx: Context, ev: Done): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, Array(2000).fill(Done));
    return all ? new StopEvent({ result: all.length }) : null;
  }
}
await new Fan({ timeout: null }).run();
`;

/** The messages the runner posts on its events port for a run of `source`: its trace packets, beats, then its end. */
async function runnerMessages(source: string): Promise<unknown[]> {
  const compiled = sharedCompiler().compile(source);
  const messages: unknown[] = [];
  let packets = 0;
  const run = new UserRun((packet) => {
    messages.push(structuredClone({ type: 'trace', run: 1, packet }));
    if (++packets % 50 === 0) messages.push({ type: 'beat' });
  });
  const problem = await run.execute({ js: compiled.js!, workflow: null, input: {}, seed: 1, clock: 'virtual', speed: 1 });
  expect(problem).toBeNull();
  messages.push({ type: 'end', run: 1, error: null });
  return messages;
}

/** The records of the trace messages in `messages`, read in order as the page reads them. */
function records(messages: unknown[]): TraceRecord[] {
  const decoder = new TraceDecoder();
  const out: TraceRecord[] = [];
  for (const m of messages as { type: string; packet: TracePacket }[]) {
    if (m.type !== 'trace') continue;
    for (const row of decoder.read(m.packet)) {
      if (!row.ok) throw new Error(row.reason);
      out.push(row.record);
    }
  }
  return out;
}

/** A relay queue on a clock that moves only when told, its timers fired as the clock passes them. */
function relayOnClock() {
  let now = 0;
  let timer: { at: number; callback: () => void } | null = null;
  const batches: unknown[][] = [];
  const queue = new RelayQueue(
    (batch) => batches.push(structuredClone(batch)),
    () => now,
    (callback, ms) => (timer = { at: now + ms, callback }),
    () => (timer = null),
  );
  return {
    queue,
    batches,
    advance(ms: number) {
      now += ms;
      if (timer && timer.at <= now) {
        const { callback } = timer;
        timer = null;
        callback();
      }
    },
  };
}

describe('the events relay joins a runner’s messages into a batch per frame', () => {
  test('a fan-out of 2,000 items: the page reads the same records, in order, in a fraction of the messages', async () => {
    const sent = await runnerMessages(FAN_OUT);
    const { queue, batches, advance } = relayOnClock();
    // A burst: a message every 0.1 ms, as a fan-out's step starts come.
    for (const message of sent) {
      queue.take(message);
      advance(0.1);
    }
    advance(RELAY_MS);
    const relayed = batches.flat();
    expect(records(relayed)).toEqual(records(sent));
    expect(relayed.at(-1)).toEqual({ type: 'end', run: 1, error: null });
    const traceMessages = (list: unknown[]) => list.filter((m) => (m as { type: string }).type === 'trace').length;
    // Fewer than its 4,000 step starts (see PROMPT_STARTS), but still many small messages.
    expect(traceMessages(sent)).toBeGreaterThan(200);
    expect(traceMessages(relayed)).toBeLessThan(traceMessages(sent) / 10);
    // Joined packets hold at most RELAY_MAX_ROWS rows; the runner's own full batches go as they came.
    for (const m of relayed as { type: string; packet?: TracePacket }[]) if (m.packet) expect(m.packet.times.length).toBeLessThanOrEqual(Math.max(RELAY_MAX_ROWS, 2_000));
    // At most one batch per RELAY_MS of the burst or per RELAY_MAX_ROWS rows, but for the one that ends it (the run's end goes at once).
    const rows = records(sent).length;
    expect(batches.length).toBeLessThanOrEqual(Math.ceil((sent.length * 0.1) / RELAY_MS) + Math.ceil(rows / RELAY_MAX_ROWS) + 2);
  });

  test('the first message after a quiet spell goes at once; the next waits for the frame', () => {
    const { queue, batches, advance } = relayOnClock();
    queue.take({ type: 'beat' });
    expect(batches).toEqual([[{ type: 'beat' }]]);
    queue.take({ type: 'beat' });
    expect(batches).toHaveLength(1);
    advance(RELAY_MS);
    expect(batches).toHaveLength(2);
  });

  test('a run’s end, a hello or a snapshot goes at once, after what waits before it', () => {
    const { queue, batches } = relayOnClock();
    queue.take({ type: 'beat' });
    queue.take({ type: 'beat' });
    queue.take({ type: 'stray' });
    queue.take({ type: 'beat' });
    queue.take({ type: 'end', run: 1, error: null });
    expect(batches).toEqual([[{ type: 'beat' }], [{ type: 'beat' }, { type: 'stray' }], [{ type: 'beat' }, { type: 'end', run: 1, error: null }]]);
  });

  test('what is not a well-formed packet, or is another run’s, is passed on as it came, in its place', async () => {
    const sent = (await runnerMessages(FAN_OUT)).filter((m) => (m as { type: string }).type === 'trace').slice(0, 1) as { type: string; run: number; packet: TracePacket }[];
    const forged = { type: 'trace', run: 1, packet: { ints: new Int32Array(3), times: new Float64Array(1) } };
    const other = { ...sent[0]!, run: 2 };
    const { queue, batches, advance } = relayOnClock();
    queue.take({ type: 'beat' });
    for (const m of [sent[0], forged, other]) queue.take(m);
    advance(RELAY_MS);
    const second = batches[1]!;
    expect(second).toHaveLength(3);
    expect(second[1]).toEqual(forged);
    expect(second[2]).toMatchObject({ run: 2 });
    expect(records([second[0]])).toEqual(records([sent[0]]));
  });

  test('a burst of more rows than a batch holds goes at once, as joined packets none over the bound', () => {
    const packet = (rows: number): TracePacket => ({ ints: new Int32Array(rows * STRIDE), times: new Float64Array(rows), objects: Array(rows).fill(null), names: [], runIds: [], shapes: [], list: new Int32Array(0), values: [], needs: [] });
    const { queue, batches } = relayOnClock();
    queue.take({ type: 'beat' });
    for (let i = 0; i < 10; i++) queue.take({ type: 'trace', run: 1, packet: packet(200) });
    // A runner's own full batch fills the relay's bound alone: it goes as a packet of its own, at once.
    queue.take({ type: 'trace', run: 1, packet: packet(MAX_BATCH) });
    const rowsOf = (batch: unknown[]) => batch.map((m) => (m as { packet?: TracePacket }).packet?.times.length ?? 0);
    // Without waiting for a frame: each batch went as soon as it held a batch's worth of rows.
    expect(batches.slice(1).map(rowsOf)).toEqual([[400, 200], [400, 200], [400, 200], [200, MAX_BATCH]]);
    for (const m of batches.flat() as { packet?: TracePacket }[]) expect(m.packet?.times.length ?? 0).toBeLessThanOrEqual(MAX_BATCH);
  });
});

describe('relayTransfers', () => {
  test('moves a packet’s typed arrays and a snapshot’s bytes, each buffer once', () => {
    const shared = new ArrayBuffer(64);
    const packet = { ints: new Int32Array(shared, 0, 4), times: new Float64Array(2), list: new Int32Array(shared, 16, 4) };
    const bytes = new Uint8Array(8);
    const buffers = relayTransfers([{ type: 'trace', run: 1, packet }, { type: 'snapshot', bytes }, { type: 'beat' }, null, 'text']);
    expect(buffers).toEqual([shared, packet.times.buffer, bytes.buffer]);
  });
});
