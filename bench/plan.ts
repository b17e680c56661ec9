/**
 * Which measurements one `npm run bench` makes. Repetitions follow cost: more for small sizes where
 * noise dominates, fewer for large ones. LlamaIndex is the slow anchor (its fan-out is ~25 s at
 * 100,000 and its loop grows faster than linearly: 3,000 rounds take ~40 s), so its large sizes run
 * once, warm up on a small size, skip the probed memory repetition, and stop at a time cap; the harness
 * then reports "> cap" and still compares against that lower bound.
 */
import type { ImplName, WorkloadName } from './impls/types.ts';

export interface Measurement {
  impl: ImplName;
  workload: WorkloadName;
  n: number;
  reps: number;
  warmup: number;
  /** Size of the warm-up runs when it differs from `n`. */
  warmupN?: number;
  /** Whether to run the extra, probed repetition that measures live memory. */
  mem: boolean;
  /** Seconds after which the child is stopped. */
  capSeconds: number;
}

export const SIZES: Record<Exclude<WorkloadName, 'fanout-trace' | 'fanout-listen'>, number[]> = {
  fanout: [1_000, 10_000, 100_000],
  chain: [1_000, 10_000],
  loop: [1_000, 10_000],
};

/** The size the trace bar is stated for (N = 100,000). */
export const TRACE_N = 100_000;
/** The trace store is also measured at this size in a full run: the bar's ratio at two sizes shows whether it grows. */
export const TRACE_SMALL_N = 10_000;

const LLAMA_CAP_SECONDS = 60;
const FAST_CAP_SECONDS = 120;

/**
 * Warm-up is counted in step invocations, not runs: with only a run or two of a small size the JIT
 * has not settled, and per-item time at N=1,000 would look worse than it is, which would flatter the
 * growth check. About 200,000 invocations is what the largest size gets from a single warm-up run.
 */
const WARMUP_INVOCATIONS = 200_000;

function warmupRuns(workload: WorkloadName, n: number): number {
  const perRun = workload === 'chain' || workload === 'loop' ? 10 * n : 2 * n;
  return Math.max(1, Math.min(100, Math.round(WARMUP_INVOCATIONS / perRun)));
}

/**
 * Runs of a few milliseconds are at the mercy of the scheduler on a shared 2-core machine, so small
 * sizes get more repetitions (they cost little); the median then ignores the runs that were preempted.
 */
function repsFor(workload: WorkloadName, n: number): number {
  const perRun = workload === 'chain' || workload === 'loop' ? 10 * n : 2 * n;
  if (perRun <= 20_000) return 15;
  if (perRun <= 200_000) return 7;
  return 3;
}

function fastImpl(impl: ImplName, workload: WorkloadName, n: number): Measurement {
  return { impl, workload, n, reps: repsFor(workload, n), warmup: warmupRuns(workload, n), mem: true, capSeconds: FAST_CAP_SECONDS };
}

function llamaIndex(workload: WorkloadName, n: number): Measurement {
  const small = n <= 1_000;
  const medium = !small && workload === 'fanout' && n <= 10_000;
  if (small) return { impl: 'llamaindex', workload, n, reps: 3, warmup: 1, mem: true, capSeconds: LLAMA_CAP_SECONDS };
  if (medium) return { impl: 'llamaindex', workload, n, reps: 3, warmup: 1, warmupN: 1_000, mem: true, capSeconds: LLAMA_CAP_SECONDS };
  return { impl: 'llamaindex', workload, n, reps: 1, warmup: 1, warmupN: 1_000, mem: false, capSeconds: LLAMA_CAP_SECONDS };
}

/**
 * `full`: every size, for the README. `quick`: sizes up to 10,000, for work on the engine. `ci`: the
 * few measurements the committed baseline's ratios need, well under a minute on 2 cores; no memory
 * repetitions, and LlamaIndex only where it takes seconds: the chain at 1,000, the fan-out at 10,000.
 */
export type Profile = 'full' | 'quick' | 'ci';

export const PROFILES: readonly Profile[] = ['full', 'quick', 'ci'];

export interface PlanOptions {
  profile: Profile;
  impls: ImplName[];
}

export function plan({ profile, impls }: PlanOptions): Measurement[] {
  if (profile === 'ci') return ciPlan(impls);
  const out: Measurement[] = [];
  for (const workload of ['fanout', 'chain', 'loop'] as const) {
    for (const n of SIZES[workload]) {
      if (profile === 'quick' && n > 10_000) continue;
      for (const impl of impls) out.push(impl === 'llamaindex' ? llamaIndex(workload, n) : fastImpl(impl, workload, n));
    }
  }
  if (impls.includes('flowplay')) {
    const n = profile === 'quick' ? TRACE_SMALL_N : TRACE_N;
    if (n !== TRACE_SMALL_N) out.push({ ...fastImpl('flowplay', 'fanout-trace', TRACE_SMALL_N), mem: false });
    out.push({ ...fastImpl('flowplay', 'fanout-trace', n), mem: false });
    out.push({ ...fastImpl('flowplay', 'fanout-listen', n), mem: false });
  }
  return out;
}

/** The listener's size in the `ci` profile: big enough that keeping records dominates, small enough to take a second. */
export const CI_TRACE_N = 10_000;

function ciPlan(impls: ImplName[]): Measurement[] {
  const fast = (impl: ImplName, workload: WorkloadName, n: number): Measurement => ({ ...fastImpl(impl, workload, n), mem: false });
  const wanted: [ImplName, WorkloadName, number][] = [
    ['floor', 'fanout', 10_000],
    ['flowplay', 'fanout', 10_000],
    ['flowplay', 'fanout-trace', CI_TRACE_N],
    ['floor', 'chain', 1_000],
    ['flowplay', 'chain', 1_000],
    ['floor', 'loop', 1_000],
    ['flowplay', 'loop', 1_000],
    // Against LlamaIndex at 10,000, not 1,000: Flowplay's side of the fan-out at 1,000 is a 1-2 ms
    // measurement, and on a busy 2-core machine that alone swung the ratio by more than its 50%
    // tolerance (83x to 226x with the engine unchanged). At 10,000 it is tens of milliseconds.
    ['llamaindex', 'fanout', 10_000],
    ['llamaindex', 'chain', 1_000],
  ];
  return wanted
    .filter(([impl]) => impls.includes(impl))
    .map(([impl, workload, n]) => (impl === 'llamaindex' ? { ...llamaIndex(workload, n), reps: 3, warmup: 1, mem: false } : fast(impl, workload, n)));
}
