/**
 * What one child process measures and sends back. Wall time is performance.now(); CPU time is
 * process.cpuUsage() user + system of the whole process, so it includes V8's GC helper threads and
 * can exceed wall time on 2 cores.
 */
export interface RepResult {
  kind: 'rep';
  wallMs: number;
  cpuMs: number;
  /** Trace records kept, for the listener workload. */
  records?: number;
}

export interface MemResult {
  kind: 'mem';
  /** Max over the run's probes of heapUsed after a full GC, minus the same before the run: what the implementation holds live. */
  peakLiveBytes: number;
  /** heapUsed after a full GC once the run has finished and its result is dropped, minus before: leaks show here. */
  retainedBytes: number;
  samples: number;
}

export interface DoneResult {
  kind: 'done';
  /** Peak resident set of the child (process.resourceUsage().maxRSS) minus its RSS before the first run. Includes garbage the GC had not yet reclaimed. */
  maxRssDeltaBytes: number;
}

export type ChildLine = RepResult | MemResult | DoneResult;

/** Child output lines carry this prefix so stray console output from code under test can't be mistaken for results. */
export const LINE_PREFIX = '@@bench ';

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
