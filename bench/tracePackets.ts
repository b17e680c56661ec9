/**
 * What it costs to hand a big run's trace from the runner's thread to the page's, in the page's
 * runner's own batches: the fan-out workload (N items, 7 records each) kept in a `TraceStore` and cut
 * into batches of `MAX_BATCH` records, moved once as record objects (a structured clone, what the
 * runner sent before) and once as the store's packets read back by a `TraceDecoder` (what it sends
 * now). Both ends are timed, in one process, alternating, median of 5; the figure to read is the
 * receiving side, which is the page's main thread. Both give the same records (checked).
 *
 *   node --import tsx bench/tracePackets.ts [--items 100000]
 */
import { deserialize, serialize } from 'node:v8';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { TraceDecoder, TraceStore, type TracePacket, type TraceRecord } from '../src/engine/index.ts';
import { MAX_BATCH } from '../src/worker/traceBatcher.ts';
import { fanoutIntoStore } from './impls/flowplay.ts';

const { values } = parseArgs({ options: { items: { type: 'string', default: '100000' } } });
const ITEMS = Number(values.items);

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main(): Promise<void> {
  const store = new TraceStore();
  await fanoutIntoStore(ITEMS, store, true);
  const n = store.length;
  const rounds = { cloneSend: [] as number[], cloneReceive: [] as number[], packetSend: [] as number[], packetReceive: [] as number[] };
  for (let round = 0; round < 5; round++) {
    // Objects: made from the store (as the runner's listener was handed them), serialized, deserialized.
    const sent = timed(() => {
      const out: Buffer[] = [];
      for (let i = 0; i < n; i += MAX_BATCH) out.push(serialize(store.records(i, i + MAX_BATCH)));
      return out;
    });
    const received = timed(() => sent.value.flatMap((b) => deserialize(b) as TraceRecord[]));
    // Packets: cut from the store (a new store's marks start at 0 each round), serialized, read back.
    const copy = new TraceStore();
    await fanoutIntoStore(ITEMS, copy, true);
    const packed = timed(() => {
      const out: Buffer[] = [];
      for (let i = 0; i < n; i += MAX_BATCH) out.push(serialize(copy.packet(i, Math.min(n, i + MAX_BATCH))));
      return out;
    });
    const decoder = new TraceDecoder();
    const read = timed(() => packed.value.flatMap((b) => decoder.read(deserialize(b) as TracePacket).map((row) => (row.ok ? row.record : null))));
    if (round === 0 && JSON.stringify(read.value) !== JSON.stringify(received.value)) throw new Error('the packets did not give back the same records');
    rounds.cloneSend.push(sent.ms);
    rounds.cloneReceive.push(received.ms);
    rounds.packetSend.push(packed.ms);
    rounds.packetReceive.push(read.ms);
  }
  const [cs, cr, ps, pr] = [rounds.cloneSend, rounds.cloneReceive, rounds.packetSend, rounds.packetReceive].map(median) as [number, number, number, number];
  console.log(`Fan-out of ${ITEMS.toLocaleString('en-US')} items, ${n.toLocaleString('en-US')} records in batches of ${MAX_BATCH}; load average ${loadavg()[0]!.toFixed(1)}; medians of 5:`);
  console.log(`- record objects (structured clone): ${cs.toFixed(0)} ms to send, ${cr.toFixed(0)} ms to receive`);
  console.log(`- packets read back by a TraceDecoder: ${ps.toFixed(0)} ms to send, ${pr.toFixed(0)} ms to receive`);
  console.log(`- receiving, packets / objects: ${(pr / cr).toFixed(2)}x; sending: ${(ps / cs).toFixed(2)}x`);
}

await main();
