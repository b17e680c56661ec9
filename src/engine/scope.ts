/**
 * Which run (and which step invocation) is executing right now. `sleep`, `random` and console output
 * are plain functions imported from `flowplay`, like `asyncio.sleep`, so they find their run here.
 *
 * While a step's synchronous part runs, the engine sets the frame directly. After an `await` the
 * frame is found through an async scope when the host installed one (Node: AsyncLocalStorage), or
 * else it is the only active run (the playground runs one run at a time per worker).
 */
import type { RunCore } from './runCore.ts';

export interface Frame {
  readonly run: RunCore;
  /** Invocation id, or null outside any step (e.g. the run's own bookkeeping). */
  readonly invocation: number | null;
  readonly step: string | null;
}

/** An async context store (AsyncLocalStorage has this shape). */
export interface AsyncScope {
  run<A, T>(frame: Frame, fn: (arg: A) => T, arg: A): T;
  getStore(): Frame | undefined;
}

let asyncScope: AsyncScope | null = null;
let syncFrame: Frame | null = null;
const activeRuns = new Set<RunCore>();
let lastStarted: RunCore | null = null;

/** Hosts with async context tracking install it once at start-up. */
export function setAsyncScope(scope: AsyncScope | null): void {
  asyncScope = scope;
}

export function runActivated(run: RunCore): void {
  activeRuns.add(run);
  lastStarted = run;
}

export function runDeactivated(run: RunCore): void {
  activeRuns.delete(run);
  if (lastStarted === run) lastStarted = null;
}

/**
 * Calls `fn(arg)` with `frame` as the current frame, including across its awaits where a scope exists.
 * `fn` takes its argument explicitly so that callers on the hot path need not allocate a closure.
 */
export function withFrame<A, T>(frame: Frame, fn: (arg: A) => T, arg: A): T {
  const outer = syncFrame;
  syncFrame = frame;
  try {
    return asyncScope ? asyncScope.run(frame, fn, arg) : fn(arg);
  } finally {
    syncFrame = outer;
  }
}

export function currentFrame(): Frame | null {
  if (syncFrame) return syncFrame;
  const scoped = asyncScope?.getStore();
  if (scoped && activeRuns.has(scoped.run)) return scoped;
  if (activeRuns.size === 1) {
    for (const run of activeRuns) return { run, invocation: null, step: null };
  }
  return lastStarted ? { run: lastStarted, invocation: null, step: null } : null;
}
