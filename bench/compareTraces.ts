/**
 * What comparing two runs of 100,000 records costs (the check behind "Re-run exactly", a fork's
 * verdict and `flowplay run --replay`): the fan-out workload's trace against a copy of itself, and
 * against copies with one record put in, one taken out, one payload changed, one record put in at the
 * very start (every record after it lined up again), and one in every 100 changed (past the bound on
 * lining up, so the comparison gives up instead of taking the page with it). Run by `npm run bench`
 * after the engine benchmark, or alone:
 *
 *   node --import tsx bench/compareTraces.ts
 *
 * The bar: lining records up costs no case more than the comparison cost before it lined anything
 * up (index by index, every record written out as sorted JSON) for two identical runs, the last row.
 * Ratios are to the identical copy, measured in the same run (the machine is shared: compare ratios).
 */
import { pathToFileURL } from 'node:url';
import { fanoutRecords } from './impls/flowplay.ts';
import { canonical, compareTraces } from '../src/inspect/index.ts';
import type { TraceRecord } from '../src/engine/index.ts';

const RECORDS = 100_000;
const BAR = 1;

/** A fresh copy, so no case profits from objects another case has already walked. */
const copy = (trace: readonly TraceRecord[]): TraceRecord[] => trace.map((r) => ({ ...r }));

function withInserted(trace: readonly TraceRecord[], at: number): TraceRecord[] {
  const out = trace.map((r) => ({ ...r, seq: r.seq > at ? r.seq + 1 : r.seq }));
  out.splice(at, 0, { v: 2, runId: '', seq: at + 1, t: trace[at]!.t, kind: 'log', level: 'info', text: 'one more line', step: null, invocation: null });
  return out;
}

interface Case {
  name: string;
  ms: number;
  differing: number | null;
}

export async function measureCompareTraces(records = RECORDS): Promise<{ records: number; cases: Case[] }> {
  // The fan-out writes about seven records per item.
  let trace = await fanoutRecords(Math.ceil(records / 6));
  trace = trace.slice(0, records);
  const middle = Math.floor(trace.length / 2);
  const emitted = trace.findIndex((r, i) => i >= middle && r.kind === 'event.emitted');
  const cases: [string, () => TraceRecord[]][] = [
    ['identical', () => copy(trace)],
    ['one record put in, in the middle', () => withInserted(trace, middle)],
    ['one record taken out, in the middle', () => copy(trace).filter((_, i) => i !== middle).map((r, i) => ({ ...r, seq: i + 1 }))],
    ['one payload changed, in the middle', () => copy(trace).map((r, i) => (i === emitted ? { ...r, payload: { changed: true } } : r))],
    ['one record put in at the start', () => withInserted(trace, 1)],
    ['one record in 100 changed (not lined up)', () => copy(trace).map((r, i) => (i % 100 === 50 ? { ...r, t: r.t + 1 } : r))],
  ];
  const out: Case[] = [];
  for (const [name, make] of cases) {
    const second = make();
    const first = copy(trace);
    const t0 = performance.now();
    const found = compareTraces(first, second);
    out.push({ name, ms: performance.now() - t0, differing: found.differing });
  }
  // What the comparison cost before it lined records up: every record of both as sorted JSON, by index.
  const first = copy(trace);
  const second = copy(trace);
  const t0 = performance.now();
  let same = 0;
  while (same < first.length && canonical(first[same]!) === canonical(second[same]!)) same++;
  out.push({ name: 'before: index by index, identical', ms: performance.now() - t0, differing: same === first.length ? 0 : null });
  return { records: trace.length, cases: out };
}

export async function benchCompareTraces(): Promise<string> {
  const { records, cases } = await measureCompareTraces();
  const base = cases[0]!.ms;
  const before = cases.at(-1)!.ms;
  const worst = Math.max(...cases.slice(0, -1).map((c) => c.ms / before));
  const rows = cases.map((c) => `| ${c.name} | ${c.ms.toFixed(0)} | ${(c.ms / base).toFixed(2)}x | ${c.differing ?? 'not lined up'} |`);
  return `## Comparing two runs

Fan-out trace of ${records.toLocaleString('en-US')} records against a changed copy of itself.

| case | ms | of identical | records differing |
|---|---|---|---|
${rows.join('\n')}

- **${worst <= BAR ? 'PASS' : 'MISS'}** no case above ${BAR}x what the index-by-index comparison took for identical runs: worst ${worst.toFixed(2)}x
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchCompareTraces());
