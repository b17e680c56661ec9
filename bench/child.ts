/**
 * Runs one (implementation, workload, size) measurement in a fresh process, so each figure, the peak
 * RSS above all, belongs to that measurement alone:
 *
 *   node --expose-gc --import tsx bench/child.ts <impl> <workload> <n> [--reps R] [--warmup W]
 *        [--warmup-n M] [--no-mem]
 *
 * Prints one prefixed JSON line per finished repetition as it goes (so a run that hits the harness's
 * time cap still reports what it completed), then the memory repetition, then a closing line.
 */
import { parseArgs } from 'node:util';
import { LINE_PREFIX, timed, type ChildLine } from './measure.ts';
import { armProbes, disarmProbes, settle } from './probe.ts';
import { expected, invocations, type Impl, type ImplName, type WorkloadName } from './impls/types.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'warmup-n': { type: 'string' },
    'no-mem': { type: 'boolean', default: false },
  },
});
const [implName, workload, nText] = positionals as [ImplName, WorkloadName, string];
const n = Number(nText);
if (!implName || !workload || !Number.isInteger(n) || n <= 0) {
  console.error('usage: child.ts <floor|flowplay|llamaindex> <fanout|chain|loop|fanout-trace|fanout-listen> <n> [--reps R] [--warmup W] [--warmup-n M] [--no-mem]');
  process.exit(2);
}

/** Imported by name so a floor or LlamaIndex child never loads the engine, and the other way round. */
async function loadImpl(name: ImplName): Promise<Impl> {
  switch (name) {
    case 'floor':
      return (await import('./impls/floor.ts')).floor;
    case 'llamaindex':
      return (await import('./impls/llamaindex.ts')).llamaindex;
    case 'flowplay':
      return (await import('./impls/flowplay.ts')).flowplay;
  }
}

/** Runs the workload once and checks its result; returns the trace record count for the listener workload. */
async function runChecked(impl: Impl, size: number): Promise<number | undefined> {
  let got: number;
  let records: number | undefined;
  if (workload === 'fanout-trace' || workload === 'fanout-listen') {
    const traced = workload === 'fanout-trace' ? impl.fanoutTraced : impl.fanoutListened;
    if (!traced) throw new Error(`${implName} has no trace to listen to`);
    const out = await traced(size);
    got = out.gathered;
    records = out.records;
  } else {
    got = await impl[workload](size);
  }
  const want = expected(workload === 'fanout-trace' || workload === 'fanout-listen' ? 'fanout' : workload, size);
  if (got !== want) throw new Error(`${implName} ${workload} n=${size}: expected ${want}, got ${got}`);
  return records;
}

function emit(line: ChildLine): void {
  process.stdout.write(LINE_PREFIX + JSON.stringify(line) + '\n');
}

const impl = await loadImpl(implName);
await settle();
const baselineRss = process.memoryUsage().rss;

for (let i = 0; i < Number(values.warmup); i++) await runChecked(impl, Number(values['warmup-n'] ?? n));

// Repetitions run back to back, in the steady state an app would see. A forced GC before each one
// would shrink V8's young generation, and the next short run would pay for growing it again: 1,000
// chain runs measured up to 2x slower that way, on every implementation. The warm-up runs above
// both tier up the code and regrow the heap after the settle() that took the baseline.
for (let i = 0; i < Number(values.reps); i++) {
  await new Promise((resolve) => setImmediate(resolve)); // let the previous run's macrotasks finish first
  const { value: records, wallMs, cpuMs } = await timed(() => runChecked(impl, n));
  emit({ kind: 'rep', wallMs, cpuMs, ...(records === undefined ? {} : { records }) });
}

if (!values['no-mem']) {
  await settle();
  const before = process.memoryUsage().heapUsed;
  armProbes(invocations(workload, n) / 40);
  await runChecked(impl, n);
  const { peak, samples } = disarmProbes();
  await settle();
  const after = process.memoryUsage().heapUsed;
  emit({ kind: 'mem', peakLiveBytes: Math.max(0, peak - before), retainedBytes: after - before, samples });
}

emit({ kind: 'done', maxRssDeltaBytes: process.resourceUsage().maxRSS * 1024 - baselineRss });
