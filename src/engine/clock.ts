/**
 * Workflow time. A run owns one clock: `real` (wall time scaled by `speed`) or `virtual` (time jumps
 * to the next timer whenever the run has nothing else to do, so a run that sleeps for minutes finishes
 * in milliseconds and the same seed gives the same trace). The run's timeout, retry delays, `sleep`
 * and `waitForEvent` timeouts are all timers on it. Times are milliseconds since the run started.
 */
import { MinHeap } from './minHeap.ts';

export type ClockKind = 'virtual' | 'real';

export interface Timer {
  readonly due: number;
  cancelled: boolean;
}

export interface RunClock {
  readonly kind: ClockKind;
  readonly speed: number;
  now(): number;
  setTimer(ms: number, fire: () => void): Timer;
  clearTimer(timer: Timer): void;
  /** Virtual clocks only: moves time to the earliest timer and fires every timer due then. */
  advance(): boolean;
  dispose(): void;
}

interface VirtualTimer extends Timer {
  seq: number;
  fire: () => void;
}

export class VirtualClock implements RunClock {
  readonly kind = 'virtual';
  readonly speed = 1;
  private time = 0;
  private seq = 0;
  private timers = new MinHeap<VirtualTimer>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));

  now(): number {
    return this.time;
  }

  setTimer(ms: number, fire: () => void): Timer {
    const timer: VirtualTimer = { due: this.time + Math.max(0, ms), seq: this.seq++, fire, cancelled: false };
    this.timers.push(timer);
    return timer;
  }

  clearTimer(timer: Timer): void {
    timer.cancelled = true;
  }

  advance(): boolean {
    let next = this.timers.peek();
    while (next?.cancelled) {
      this.timers.pop();
      next = this.timers.peek();
    }
    if (!next) return false;
    this.time = Math.max(this.time, next.due);
    // Fire every timer due at this instant, in the order they were set.
    while (next && next.due <= this.time) {
      this.timers.pop();
      if (!next.cancelled) {
        next.cancelled = true;
        next.fire();
      }
      next = this.timers.peek();
    }
    return true;
  }

  dispose(): void {
    this.timers = new MinHeap<VirtualTimer>(() => false);
  }
}

interface RealTimer extends Timer {
  handle: ReturnType<typeof setTimeout> | null;
}

/**
 * Looked up once: Node defines the global `performance` as a lazy getter, which cost every reading
 * of a real clock a property lookup through it as well.
 */
const perf: { now(): number } = globalThis.performance;

/**
 * The longest delay `setTimeout` holds (a signed 32-bit number of milliseconds, about 24.8 days):
 * browsers and Node fire a longer one at once, so `sleep` for a month ended straight away.
 */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

export class RealClock implements RunClock {
  readonly kind = 'real';
  private readonly start = perf.now();
  /** Made when the first timer is set: most runs set none. */
  private live: Set<RealTimer> | null = null;

  constructor(readonly speed = 1) {
    if (!(speed > 0)) throw new RangeError(`Clock speed must be a positive number, got ${speed}.`);
  }

  now(): number {
    return (perf.now() - this.start) * this.speed;
  }

  setTimer(ms: number, fire: () => void): Timer {
    const timer: RealTimer = { due: this.now() + ms, cancelled: false, handle: null };
    const arm = (wait: number): void => {
      // A longer wait than the host's timers hold is waited for in parts (see MAX_TIMER_DELAY).
      timer.handle =
        wait > MAX_TIMER_DELAY
          ? setTimeout(() => arm(wait - MAX_TIMER_DELAY), MAX_TIMER_DELAY)
          : setTimeout(() => {
              this.live!.delete(timer);
              if (!timer.cancelled) {
                timer.cancelled = true;
                fire();
              }
            }, wait);
    };
    arm(Math.max(0, ms / this.speed));
    (this.live ??= new Set()).add(timer);
    return timer;
  }

  clearTimer(timer: Timer): void {
    timer.cancelled = true;
    const real = timer as RealTimer;
    if (real.handle !== null) clearTimeout(real.handle);
    this.live?.delete(real);
  }

  advance(): boolean {
    return false;
  }

  dispose(): void {
    if (this.live) for (const timer of this.live) this.clearTimer(timer);
  }
}

const SETTLED = Promise.resolve();

/**
 * Runs `fn` in a microtask, as `queueMicrotask` does. Node's `queueMicrotask` wraps every call in an
 * async resource and a bound function; the reaction of an already settled promise is queued at the
 * same place for a fraction of that, and the engine schedules one per step it starts.
 */
export function microtask(fn: () => void): void {
  void SETTLED.then(fn);
}

/**
 * Runs `fn` after the current macrotask, once every pending microtask has settled. Virtual time only
 * advances from here, so continuations of resolved promises always run before time moves on.
 * `setTimeout(0)` is clamped to 4 ms after a few nestings in browsers; a MessageChannel is not.
 */
export const macrotask: (fn: () => void) => void = (() => {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') return (fn: () => void) => void g.setImmediate!(fn);
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const pending: (() => void)[] = [];
    channel.port1.onmessage = () => pending.shift()?.();
    return (fn: () => void) => {
      pending.push(fn);
      channel.port2.postMessage(null);
    };
  }
  return (fn: () => void) => void setTimeout(fn, 0);
})();
