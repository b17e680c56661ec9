/** Turns child outcomes into medians and the ratios the bars are stated in. */
import { median } from './measure.ts';
import type { ImplName, WorkloadName } from './impls/types.ts';
import type { Outcome } from './spawn.ts';

export interface Figures {
  impl: ImplName;
  workload: WorkloadName;
  n: number;
  /** Median wall time; when `atLeast` is set no repetition finished and this is the cap, a lower bound. */
  wallMs: number;
  atLeast: boolean;
  cpuMs: number;
  reps: number;
  peakLiveBytes?: number;
  retainedBytes?: number;
  maxRssDeltaBytes?: number;
  records?: number;
  error?: string;
}

export function figures(o: Outcome): Figures {
  const m = o.measurement;
  const done = o.reps.length > 0;
  return {
    impl: m.impl,
    workload: m.workload,
    n: m.n,
    wallMs: done ? median(o.reps.map((r) => r.wallMs)) : m.capSeconds * 1000,
    atLeast: !done,
    cpuMs: done ? median(o.reps.map((r) => r.cpuMs)) : NaN,
    reps: o.reps.length,
    peakLiveBytes: o.mem?.peakLiveBytes,
    retainedBytes: o.mem?.retainedBytes,
    maxRssDeltaBytes: o.maxRssDeltaBytes,
    records: o.reps.at(-1)?.records,
    error: o.error,
  };
}

export class Results {
  constructor(readonly all: Figures[]) {}

  get(impl: ImplName, workload: WorkloadName, n: number): Figures | undefined {
    return this.all.find((f) => f.impl === impl && f.workload === workload && f.n === n && !f.error);
  }

  /** Sizes measured for a workload, ascending. */
  sizes(workload: WorkloadName): number[] {
    return [...new Set(this.all.filter((f) => f.workload === workload).map((f) => f.n))].sort((a, b) => a - b);
  }
}

/** a / b, or undefined when either side is missing; `atLeast` when a is only a lower bound. */
export interface Ratio {
  value: number;
  atLeast: boolean;
}

export function ratio(a: number | undefined, b: number | undefined, aAtLeast = false): Ratio | undefined {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return undefined;
  return { value: a / b, atLeast: aAtLeast };
}
