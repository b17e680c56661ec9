/**
 * Memory probes. Every step of every implementation calls `probe()` once per invocation. In timed
 * repetitions the countdown starts at Infinity and never reaches zero, so a probe costs one decrement,
 * the same for every implementation. In the memory repetition the harness arms it: every `every`-th
 * invocation forces a full GC and records `heapUsed`, i.e. what the implementation really retains at
 * that moment, independent of when V8 would have collected on its own.
 */
interface ProbeState {
  left: number;
  every: number;
  peak: number;
  samples: number;
}

const state: ProbeState = { left: Infinity, every: Infinity, peak: 0, samples: 0 };

export function probe(): void {
  if (--state.left === 0) {
    state.left = state.every;
    sample();
  }
}

/** A probe at a moment known to matter (e.g. just after a fan-out), taken whenever probes are armed. */
export function probeNow(): void {
  if (state.every !== Infinity) sample();
}

function sample(): void {
  gc();
  const used = process.memoryUsage().heapUsed;
  if (used > state.peak) state.peak = used;
  state.samples++;
}

/** Arm the probes: the first invocation samples, then every `every`-th. */
export function armProbes(every: number): void {
  state.every = Math.max(1, Math.floor(every));
  state.left = 1;
  state.peak = 0;
  state.samples = 0;
}

export function disarmProbes(): { peak: number; samples: number } {
  state.left = Infinity;
  state.every = Infinity;
  return { peak: state.peak, samples: state.samples };
}

/** Node exposes `gc` only under --expose-gc; without it memory figures would be meaningless, so fail early. */
export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the benchmark with node --expose-gc (npm run bench does)');
  collect();
}

/**
 * A full GC that also lets V8 run the weak callbacks and finalizers it schedules as tasks: some
 * libraries' finished runs only become collectable after two or three such rounds (LlamaIndex's 10,000-item
 * fan-out leaves ~75 MB that one gc() does not free). Used before baselines and between repetitions.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 4; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  gc();
}
