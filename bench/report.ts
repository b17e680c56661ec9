/** The Markdown the README carries: figures per measurement, ratios, growth, and the bars. */
import type { ImplName, WorkloadName } from './impls/types.ts';
import { ratio, type Figures, type Ratio, type Results } from './summary.ts';

const IMPL_LABEL: Record<ImplName, string> = { floor: 'floor', flowplay: 'Flowplay', llamaindex: 'LlamaIndex' };
const WORKLOAD_LABEL: Record<WorkloadName, string> = {
  fanout: 'fan-out/fan-in',
  chain: '10-step chain, N runs',
  loop: '10-step loop, N rounds',
  'fanout-trace': 'fan-out/fan-in + trace store',
  'fanout-listen': 'fan-out/fan-in + listener keeping objects',
};
/** What "one item" is for the per-item column and the growth check. */
const UNIT: Record<WorkloadName, string> = { fanout: 'item', chain: 'run', loop: 'round', 'fanout-trace': 'item', 'fanout-listen': 'item' };

const int = new Intl.NumberFormat('en-US');
const ms = (v: number): string => (v >= 100 ? int.format(Math.round(v)) : v.toFixed(1));
const mb = (bytes: number | undefined): string => (bytes === undefined ? '–' : (bytes / 2 ** 20).toFixed(1));
const x = (r: Ratio | undefined): string => (r ? `${r.atLeast ? '> ' : ''}${r.value >= 10 ? r.value.toFixed(0) : r.value.toFixed(2)}x` : '–');

function wall(f: Figures): string {
  if (f.error) return 'crashed';
  return f.atLeast ? `> ${ms(f.wallMs)} (cap)` : ms(f.wallMs);
}

export function figuresTable(results: Results): string {
  const rows = [
    '| workload | N | impl | wall ms | CPU ms | µs per unit | live peak MB | peak RSS Δ MB | reps |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const f of results.all) {
    const perUnit = f.atLeast || f.error ? '–' : ((f.wallMs * 1000) / f.n).toFixed(2) + ` /${UNIT[f.workload]}`;
    rows.push(
      `| ${WORKLOAD_LABEL[f.workload]} | ${int.format(f.n)} | ${IMPL_LABEL[f.impl]} | ${wall(f)} | ${Number.isNaN(f.cpuMs) ? '–' : ms(f.cpuMs)} | ${perUnit} | ${mb(f.peakLiveBytes)} | ${mb(f.maxRssDeltaBytes)} | ${f.reps} |`,
    );
  }
  return rows.join('\n');
}

export function ratiosTable(results: Results): string {
  const rows = [
    '| workload | N | Flowplay / floor, wall | Flowplay / floor, CPU | Flowplay / floor, live peak | LlamaIndex / Flowplay, wall |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const workload of ['fanout', 'chain', 'loop'] as const) {
    for (const n of results.sizes(workload)) {
      const fp = results.get('flowplay', workload, n);
      const fl = results.get('floor', workload, n);
      const li = results.get('llamaindex', workload, n);
      rows.push(
        `| ${WORKLOAD_LABEL[workload]} | ${int.format(n)} | ${x(ratio(fp?.wallMs, fl?.wallMs))} | ${x(ratio(fp?.cpuMs, fl?.cpuMs))} | ${x(ratio(fp?.peakLiveBytes, fl?.peakLiveBytes))} | ${x(ratio(li?.wallMs, fp?.wallMs, li?.atLeast))} |`,
      );
    }
  }
  return rows.join('\n');
}

/**
 * Per-unit time at the largest size over the size ten times smaller: 1.00 is perfectly linear.
 * `r` uses CPU time: growth is a property of the algorithm, and on shared cores a preempted run
 * inflates wall time without doing more work. `wall` is the same ratio in wall time, for comparison.
 * A capped (unfinished) large run has no CPU figure, so its wall-time lower bound stands in.
 */
export function growth(
  results: Results,
  impl: ImplName,
  workload: WorkloadName,
): { small: number; large: number; r: Ratio; wall: Ratio } | undefined {
  const sizes = results.sizes(workload);
  const large = sizes.at(-1);
  const small = sizes.find((s) => large !== undefined && s * 10 === large);
  if (large === undefined || small === undefined) return undefined;
  const a = results.get(impl, workload, large);
  const b = results.get(impl, workload, small);
  if (!a || !b || b.atLeast) return undefined;
  const wall = ratio(a.wallMs / large, b.wallMs / small, a.atLeast);
  const r = a.atLeast ? wall : ratio(a.cpuMs / large, b.cpuMs / small);
  return r && wall && { small, large, r, wall };
}

export function growthTable(results: Results, impls: ImplName[]): string {
  const rows = ['| workload | impl | sizes | per-unit CPU time, large / small | same in wall time |', '|---|---|---|---:|---:|'];
  for (const workload of ['fanout', 'chain', 'loop'] as const) {
    for (const impl of impls) {
      const g = growth(results, impl, workload);
      if (g) rows.push(`| ${WORKLOAD_LABEL[workload]} | ${IMPL_LABEL[impl]} | ${int.format(g.small)} → ${int.format(g.large)} | ${x(g.r)} | ${x(g.wall)} |`);
    }
  }
  return rows.join('\n');
}
