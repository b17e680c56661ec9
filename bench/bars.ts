/**
 * The performance bars of the engine spec, checked against one run's figures. A missed bar is
 * reported, never fatal: the benchmark exits non-zero only when something crashed.
 */
import { TRACE_N } from './plan.ts';
import { growth } from './report.ts';
import { ratio, type Ratio, type Results } from './summary.ts';

export type Verdict = 'PASS' | 'MISS' | 'N/A';

export interface Bar {
  name: string;
  verdict: Verdict;
  detail: string;
}

const fmt = (r: Ratio): string => `${r.atLeast ? '> ' : ''}${r.value.toFixed(2)}x`;

/** `r` within `limit` (r <= limit); `atLeast` ratios can only prove a miss. */
function atMost(name: string, r: Ratio | undefined, limit: number, missing: string): Bar {
  if (!r) return { name, verdict: 'N/A', detail: missing };
  const verdict: Verdict = r.value <= limit && !r.atLeast ? 'PASS' : r.atLeast && r.value <= limit ? 'N/A' : 'MISS';
  return { name, verdict, detail: `${fmt(r)} (bar ${limit}x)` };
}

/** Time bars are judged on wall time, as stated; the CPU-time ratio beside it shows how much was preemption. */
function withCpu(bar: Bar, cpu: Ratio | undefined): void {
  if (cpu && bar.verdict !== 'N/A') bar.detail += `; CPU time ${fmt(cpu)}`;
}

export function checkBars(results: Results): Bar[] {
  const bars: Bar[] = [];
  const big = 100_000;
  const fp = results.get('flowplay', 'fanout', big);
  const fl = results.get('floor', 'fanout', big);
  const notRun = 'not measured in this run';

  bars.push(atMost('fan-out N=100,000: Flowplay wall time within 3x of the floor', ratio(fp?.wallMs, fl?.wallMs), 3, notRun));
  withCpu(bars.at(-1)!, ratio(fp?.cpuMs, fl?.cpuMs));
  bars.push(atMost('fan-out N=100,000: Flowplay live peak memory at most 2x the floor', ratio(fp?.peakLiveBytes, fl?.peakLiveBytes), 2, notRun));

  // The spec's "a finished event that nothing holds is garbage": after the run, the heap is back where it was.
  const retained = fp?.retainedBytes;
  bars.push(
    retained === undefined
      ? { name: 'fan-out N=100,000: a finished run leaves less than 1 MB behind', verdict: 'N/A', detail: notRun }
      : {
          name: 'fan-out N=100,000: a finished run leaves less than 1 MB behind',
          verdict: retained < 2 ** 20 ? 'PASS' : 'MISS',
          detail: `${(retained / 2 ** 20).toFixed(2)} MB still live after the run and a full GC`,
        },
  );

  // At every size the trace store ran (10,000 and 100,000 in a full run, 10,000 with --quick); the
  // issue states the bar at 100,000.
  const tracedSizes = results.sizes('fanout-trace');
  for (const tn of tracedSizes.length > 0 ? tracedSizes : [TRACE_N]) {
    const traced = results.get('flowplay', 'fanout-trace', tn);
    const plain = results.get('flowplay', 'fanout', tn);
    const listener = atMost(`fan-out N=${tn.toLocaleString('en-US')}: keeping every trace record (in a trace store) costs at most 1.5x`, ratio(traced?.wallMs, plain?.wallMs, traced?.atLeast), 1.5, notRun);
    withCpu(listener, ratio(traced?.cpuMs, plain?.cpuMs));
    if (traced?.records !== undefined) listener.detail += `, ${traced.records.toLocaleString('en-US')} records`;
    if (listener.verdict === 'MISS' && traced?.records && plain) listener.detail += `; ${perRecordCost(traced.cpuMs, plain.cpuMs, traced.records)}`;
    // The same records kept as objects by a listener, for comparison: what a host pays that keeps them so.
    const objects = results.get('flowplay', 'fanout-listen', tn);
    const objectsRatio = ratio(objects?.wallMs, plain?.wallMs, objects?.atLeast);
    if (objectsRatio) listener.detail += `; a listener keeping each record object: ${fmt(objectsRatio)}`;
    bars.push(listener);
  }

  // Many short runs: what a run costs to set up and tear down, beyond the floor's. Judged on CPU time:
  // runs of a few milliseconds each are where preemption on a shared machine distorts wall time most.
  const chainN = 10_000;
  const fpChain = results.get('flowplay', 'chain', chainN);
  const flChain = results.get('floor', 'chain', chainN);
  const chain = atMost(`chain N=${chainN.toLocaleString('en-US')}: Flowplay CPU time per run within 1.5x of the floor`, ratio(fpChain?.cpuMs, flChain?.cpuMs), 1.5, notRun);
  const chainWall = ratio(fpChain?.wallMs, flChain?.wallMs);
  if (chainWall && chain.verdict !== 'N/A') chain.detail += `; wall time ${fmt(chainWall)}`;
  if (chain.verdict === 'MISS' && fpChain && flChain) {
    const us = (ms: number): string => `${((ms * 1000) / chainN).toFixed(2)} µs`;
    chain.detail += `; why: ${us(fpChain.cpuMs)} of CPU per run against the floor's ${us(flChain.cpuMs)}, ${us(fpChain.cpuMs - 1.5 * flChain.cpuMs)} per run over the bar`;
  }
  bars.push(chain);

  for (const workload of ['fanout', 'chain', 'loop'] as const) {
    const g = growth(results, 'flowplay', workload);
    const name = `linear growth, ${workload}: Flowplay per-unit CPU time at 10x the size within 1.5x`;
    bars.push(atMost(name, g?.r, 1.5, notRun));
    if (g) bars.at(-1)!.detail += ` (${g.small.toLocaleString('en-US')} → ${g.large.toLocaleString('en-US')}; wall time ${fmt(g.wall)})`;
  }

  for (const workload of ['fanout', 'chain', 'loop'] as const) {
    for (const n of results.sizes(workload)) {
      const li = results.get('llamaindex', workload, n);
      const f = results.get('flowplay', workload, n);
      const speedup = ratio(li?.wallMs, f?.wallMs, li?.atLeast);
      const name = `${workload} N=${n.toLocaleString('en-US')}: Flowplay at least 20x faster than LlamaIndex`;
      if (!speedup) bars.push({ name, verdict: 'N/A', detail: notRun });
      else {
        // A capped LlamaIndex run is a lower bound on its time, so the speed-up is one too: it can prove a pass only.
        const verdict: Verdict = speedup.value >= 20 ? 'PASS' : speedup.atLeast ? 'N/A' : 'MISS';
        bars.push({ name, verdict, detail: `${fmt(speedup)} (bar 20x)` });
      }
    }
  }
  return bars;
}

export function barsText(bars: Bar[]): string {
  return bars.map((b) => `- **${b.verdict}** ${b.name}: ${b.detail}`).join('\n');
}

/**
 * Why a trace bar was missed, in the run's own figures: what each record kept cost in CPU time, and
 * what the bar leaves a record (half the untraced run's time, spread over its records).
 */
function perRecordCost(tracedCpuMs: number, plainCpuMs: number, records: number): string {
  const ns = (ms: number): string => `${((ms * 1e6) / records).toFixed(0)} ns`;
  return `why: each record kept cost ${ns(tracedCpuMs - plainCpuMs)} of CPU, where the bar leaves ${ns(0.5 * plainCpuMs)}`;
}
