/**
 * What a saved run file costs per event: the fan-out workload (N = 10,000, the engine's default real
 * clock) recorded with a trace listener, written with `serializeRunFile` and read back with
 * `parseRunFile`. Run by `npm run bench` after the engine benchmark, or alone:
 *
 *   node --import tsx bench/traceBytes.ts
 *
 * The bar is half of what the version 1 trace took for the same run: 911.1 bytes and 5.50 records per
 * event, measured at commit c4f6f7f (the last version 1 engine) with this same workload and writer.
 */
import { pathToFileURL } from 'node:url';
import { fanoutRecords } from './impls/flowplay.ts';
import { createRunFile, parseRunFile, serializeRunFile } from '../src/inspect/index.ts';

const N = 10_000;
const V1_BYTES_PER_EVENT = 911.1;
const V1_RECORDS_PER_EVENT = 5.5;

export interface TraceBytes {
  events: number;
  records: number;
  bytes: number;
  bytesPerEvent: number;
  recordsPerEvent: number;
  /** Reading the file back (parse, convert, validate), in ms: a round trip that must lose nothing. */
  readMs: number;
}

export async function measureTraceBytes(n = N): Promise<TraceBytes> {
  const trace = await fanoutRecords(n);
  const text = serializeRunFile(createRunFile({ code: '', seed: null, trace }));
  const t0 = performance.now();
  const read = parseRunFile(text);
  const readMs = performance.now() - t0;
  if (!read.ok) throw new Error(`the saved fan-out does not read back: ${read.error}`);
  if (JSON.stringify(read.file.trace) !== JSON.stringify(JSON.parse(JSON.stringify(trace)))) {
    // Key order aside, every record must come back with every field.
    const same = read.file.trace.every((r, i) => JSON.stringify(Object.entries(r).sort()) === JSON.stringify(Object.entries(JSON.parse(JSON.stringify(trace[i]))).sort()));
    if (!same) throw new Error('the saved fan-out reads back different records');
  }
  const events = trace.filter((r) => r.kind === 'event.emitted').length;
  return { events, records: trace.length, bytes: text.length, bytesPerEvent: text.length / events, recordsPerEvent: trace.length / events, readMs };
}

export async function benchTraceBytes(): Promise<string> {
  const f = await measureTraceBytes();
  const ratio = f.bytesPerEvent / V1_BYTES_PER_EVENT;
  const pass = ratio <= 0.5;
  return `## Saved run size

Fan-out N = ${N.toLocaleString('en-US')} with a trace listener, saved as a run file: ${f.records.toLocaleString('en-US')} records for ${f.events.toLocaleString('en-US')} events, ${(f.bytes / 2 ** 20).toFixed(1)} MB; read back (parse, convert, validate) in ${f.readMs.toFixed(0)} ms.

- **${pass ? 'PASS' : 'MISS'}** bytes per event in a saved run file at most half of trace version 1's: ${f.bytesPerEvent.toFixed(1)} bytes (version 1: ${V1_BYTES_PER_EVENT} at c4f6f7f), ${ratio.toFixed(2)}x (bar 0.5x); ${f.recordsPerEvent.toFixed(2)} records per event (version 1: ${V1_RECORDS_PER_EVENT.toFixed(2)})
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchTraceBytes());
