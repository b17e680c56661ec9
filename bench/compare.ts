/**
 * Keeping the engine fast: the ratios one run measured, and how they compare with a committed
 * baseline. Only ratios of figures measured in the same run are compared, never absolute times: the
 * machine that checks may be slower or busier than the one that wrote the baseline, and both sides of
 * a ratio pay for that alike.
 *
 * Ratios are taken over CPU time: a process that is preempted on a shared machine waits longer but does
 * not spend more CPU, so CPU time is the steadier figure for "how much work was done".
 */
import type { ImplName, WorkloadName } from './impls/types.ts';
import type { Measurement, Profile } from './plan.ts';
import type { Figures, Results } from './summary.ts';

/** How much worse a ratio may get before it counts as a regression: 1.2 is "more than 20% worse". */
export const TOLERANCE = 1.2;
/**
 * The same for a ratio against LlamaIndex: its side is measured three times in the ci profile, and
 * its own speed swings with its garbage collection, so the same engine gave 207x and 164x on one
 * machine on one day. Flowplay's own speed is held to 20% by its ratios against the floor; this one
 * still catches Flowplay losing a third of its lead.
 */
export const TOLERANCE_AGAINST_LLAMAINDEX = 1.5;

/** The tolerance of the ratio named `name`. */
export function toleranceOf(name: string): number {
  return name.startsWith('LlamaIndex / ') ? TOLERANCE_AGAINST_LLAMAINDEX : TOLERANCE;
}

export interface RatioFigure {
  /** Stable name, the key in the baseline. */
  name: string;
  value: number;
  /** Which direction is worse: a higher Flowplay / floor, a lower LlamaIndex / Flowplay. */
  worse: 'higher' | 'lower';
  /** The two measurements it is made of, to measure them again when it looks like a regression. */
  of: [MeasurementKey, MeasurementKey];
}

export interface MeasurementKey {
  impl: ImplName;
  workload: WorkloadName;
  n: number;
}

export interface Baseline {
  /** The plan whose measurements the ratios come from; a comparison measures the same plan. */
  profile: Profile;
  commit: string;
  at: string;
  node: string;
  ratios: Record<string, number>;
}

export interface Comparison {
  name: string;
  baseline: number;
  value: number | undefined;
  /** How many times worse than the baseline (1.0 = the same, 1.3 = 30% worse, 0.8 = 20% better). */
  change: number | undefined;
  verdict: 'ok' | 'regressed' | 'missing';
}

const WORKLOADS = ['fanout', 'chain', 'loop'] as const;
const label = (workload: WorkloadName, n: number): string => `${workload} N=${n.toLocaleString('en-US')}`;

function cpuRatio(a: Figures | undefined, b: Figures | undefined): number | undefined {
  if (!a || !b || a.atLeast || b.atLeast || !(a.cpuMs > 0) || !(b.cpuMs > 0)) return undefined;
  return a.cpuMs / b.cpuMs;
}

const key = (f: Figures): MeasurementKey => ({ impl: f.impl, workload: f.workload, n: f.n });

/** Every ratio this run's figures allow: Flowplay / floor, LlamaIndex / Flowplay, listener / no listener. */
export function ratioFigures(results: Results): RatioFigure[] {
  const out: RatioFigure[] = [];
  const push = (name: string, worse: RatioFigure['worse'], a: Figures | undefined, b: Figures | undefined): void => {
    const value = cpuRatio(a, b);
    if (value !== undefined) out.push({ name, value, worse, of: [key(a!), key(b!)] });
  };
  for (const workload of WORKLOADS) {
    for (const n of results.sizes(workload)) {
      const fp = results.get('flowplay', workload, n);
      push(`Flowplay / floor, ${label(workload, n)}`, 'higher', fp, results.get('floor', workload, n));
      push(`LlamaIndex / Flowplay, ${label(workload, n)}`, 'lower', results.get('llamaindex', workload, n), fp);
    }
  }
  for (const n of results.sizes('fanout-trace')) {
    push(`listener / no listener, ${label('fanout', n)}`, 'higher', results.get('flowplay', 'fanout-trace', n), results.get('flowplay', 'fanout', n));
  }
  return out;
}

/** How many times worse `value` is than `baseline`, in the figure's own direction. */
export function change(worse: RatioFigure['worse'], baseline: number, value: number): number {
  return worse === 'higher' ? value / baseline : baseline / value;
}

/**
 * Every baseline ratio against this run's. A ratio the run did not produce is `missing` (a crash or a
 * plan that changed), which fails like a regression: a check that silently measures less is no check.
 */
export function compare(baseline: Baseline, figures: RatioFigure[]): Comparison[] {
  const byName = new Map(figures.map((f) => [f.name, f]));
  return Object.entries(baseline.ratios).map(([name, base]) => {
    const f = byName.get(name);
    if (!f) return { name, baseline: base, value: undefined, change: undefined, verdict: 'missing' };
    const c = change(f.worse, base, f.value);
    return { name, baseline: base, value: f.value, change: c, verdict: c > toleranceOf(name) ? 'regressed' : 'ok' };
  });
}

export function baselineOf(figures: RatioFigure[], meta: Omit<Baseline, 'ratios'>): Baseline {
  return { ...meta, ratios: Object.fromEntries(figures.map((f) => [f.name, Number(f.value.toPrecision(4))])) };
}

/** Throws a message that says what is wrong with a baseline file, rather than comparing against nonsense. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const b = data as Partial<Baseline> | null;
  if (typeof b !== 'object' || b === null || typeof b.ratios !== 'object' || b.ratios === null) throw new Error(`${file} has no "ratios" object`);
  if (b.profile !== 'full' && b.profile !== 'quick' && b.profile !== 'ci') throw new Error(`${file}: "profile" must be full, quick or ci`);
  for (const [name, value] of Object.entries(b.ratios)) {
    if (typeof value !== 'number' || !(value > 0)) throw new Error(`${file}: ratio "${name}" is not a positive number`);
  }
  return { profile: b.profile, commit: String(b.commit ?? ''), at: String(b.at ?? ''), node: String(b.node ?? ''), ratios: b.ratios as Record<string, number> };
}

/** The measurements to take again for the ratios that look like regressions (each once, however many ratios share it). */
export function remeasure(comparisons: Comparison[], figures: RatioFigure[], measurements: Measurement[]): Measurement[] {
  const suspicious = new Set(comparisons.filter((c) => c.verdict === 'regressed').map((c) => c.name));
  const keys = figures.filter((f) => suspicious.has(f.name)).flatMap((f) => f.of);
  const same = (m: Measurement, k: MeasurementKey) => m.impl === k.impl && m.workload === k.workload && m.n === k.n;
  return measurements.filter((m) => keys.some((k) => same(m, k)));
}

const pct = (c: number): string => `${c >= 1 ? '+' : '−'}${Math.abs((c - 1) * 100).toFixed(0)}%`;
const x = (v: number): string => `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}x`;

export function comparisonText(comparisons: Comparison[], baseline: Baseline, retried: string[]): string {
  const rows = ['| ratio (CPU time) | baseline | this run | change (+ is worse) | verdict |', '|---|---:|---:|---:|---|'];
  for (const c of comparisons) {
    const verdict = c.verdict === 'ok' ? 'ok' : c.verdict === 'missing' ? '**MISSING**' : '**REGRESSED**';
    const again = retried.includes(c.name) ? ' (measured twice)' : '';
    rows.push(`| ${c.name} | ${x(c.baseline)} | ${c.value === undefined ? '–' : x(c.value)} | ${c.change === undefined ? '–' : pct(c.change)} | ${verdict}${again} |`);
  }
  const bad = comparisons.filter((c) => c.verdict !== 'ok');
  const tolerances = `${((TOLERANCE - 1) * 100).toFixed(0)}% (${((TOLERANCE_AGAINST_LLAMAINDEX - 1) * 100).toFixed(0)}% for a ratio against LlamaIndex)`;
  const summary =
    bad.length === 0
      ? `No ratio is more than ${tolerances} worse than the baseline.`
      : `${bad.length} of ${comparisons.length} ratios are worse than the baseline by more than ${tolerances} or were not measured: ${bad.map((c) => c.name).join('; ')}.`;
  return `## Against the baseline\n\nBaseline: ${baseline.profile} profile at ${baseline.commit || 'an unknown commit'}, ${baseline.at.slice(0, 16).replace('T', ' ')} UTC, Node ${baseline.node}.\n\n${rows.join('\n')}\n\n${summary}\n`;
}
