/**
 * What every implementation under test provides. Each workload returns a number the harness checks,
 * so an implementation that silently drops events fails loudly instead of looking fast.
 */
export type ImplName = 'floor' | 'flowplay' | 'llamaindex';

/** `fanout-trace` keeps the trace in a store; `fanout-listen` hands each record to a listener that keeps the objects. */
export type WorkloadName = 'fanout' | 'chain' | 'loop' | 'fanout-trace' | 'fanout-listen';

export interface Impl {
  /** A start step sends `n` events, a worker step turns each into a result, a collector gathers all `n` and stops. Returns how many were gathered. */
  fanout(n: number): Promise<number>;
  /** `runs` separate runs of a 10-step chain, one after another. Returns the sum of the runs' results. */
  chain(runs: number): Promise<number>;
  /** One run that passes an event round 10 steps until its counter reaches `loops`. Returns the final counter. */
  loop(loops: number): Promise<number>;
  /** `fanout` keeping every trace record, in a trace store. Only Flowplay has a trace. */
  fanoutTraced?(n: number): Promise<{ gathered: number; records: number }>;
  /** The same, with a listener that keeps every record object it is handed. */
  fanoutListened?(n: number): Promise<{ gathered: number; records: number }>;
}

/** The value each workload must return for size `n`; see `chainExpected` for why the chain's is a sum. */
export function expected(workload: WorkloadName, n: number): number {
  return workload === 'chain' ? chainExpected(n) : n;
}

/** Run `i` starts with `i` and each of the 10 steps adds 1, so the chain's runs sum to sum(i + 10). */
export function chainExpected(runs: number): number {
  return (runs * (runs - 1)) / 2 + 10 * runs;
}

/** Step invocations a workload makes, so memory probes can be spread evenly over a run. */
export function invocations(workload: WorkloadName, n: number): number {
  return workload === 'chain' || workload === 'loop' ? 10 * n : 2 * n + 1;
}
