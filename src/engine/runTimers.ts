/**
 * A run's timers on its clock: `sleep` calls, retry delays, `waitForEvent` timeouts and the run's own
 * timeout (which stops counting while the run is paused). The end of the run cancels them all.
 */
import type { RunClock, Timer } from './clock.ts';
import { describeValue } from './describe.ts';

interface SleepEntry {
  timer: Timer | null;
  readonly reject: (error: unknown) => void;
}

export class RunTimers {
  /** Pending `sleep` calls: virtual time may advance when every running invocation is one of them. */
  sleepers = 0;
  private readonly sleeps = new Set<SleepEntry>();
  private readonly timers = new Set<Timer>();
  private timeoutTimer: Timer | null = null;
  private timeoutArmedAt = 0;
  /** Workflow time the timeout has already counted. */
  private timeoutUsed = 0;

  constructor(
    private readonly clock: RunClock,
    private readonly timeoutSeconds: number | null,
    private readonly onTimeout: () => void,
    /** Told whenever a timer is set, so a virtual clock can check whether to move on. */
    private readonly onTimerSet: () => void,
  ) {}

  sleep(seconds: number): Promise<void> {
    if (!(seconds >= 0)) return Promise.reject(new RangeError(`sleep() needs a number of seconds, got ${describeValue(seconds)}.`));
    return new Promise<void>((resolve, reject) => {
      const entry: SleepEntry = { timer: null, reject };
      this.sleepers++;
      entry.timer = this.clock.setTimer(seconds * 1000, () => {
        this.sleeps.delete(entry);
        this.sleepers--;
        resolve();
      });
      this.sleeps.add(entry);
      this.onTimerSet();
    });
  }

  /** Calls `fire` after `seconds` of workflow time unless the run ends first. */
  after(seconds: number, fire: () => void): Timer {
    const timer = this.clock.setTimer(seconds * 1000, () => {
      this.timers.delete(timer);
      fire();
    });
    this.timers.add(timer);
    this.onTimerSet();
    return timer;
  }

  clear(timer: Timer): void {
    this.clock.clearTimer(timer);
    this.timers.delete(timer);
  }

  armTimeout(): void {
    if (this.timeoutSeconds === null || this.timeoutTimer) return;
    this.timeoutArmedAt = this.clock.now();
    this.timeoutTimer = this.clock.setTimer(this.timeoutSeconds * 1000 - this.timeoutUsed, () => {
      this.timeoutTimer = null;
      this.onTimeout();
    });
  }

  suspendTimeout(): void {
    if (!this.timeoutTimer) return;
    this.clock.clearTimer(this.timeoutTimer);
    this.timeoutTimer = null;
    this.timeoutUsed += this.clock.now() - this.timeoutArmedAt;
  }

  /** Clears every timer; pending sleeps reject with `cancelled()` (built only if one is pending). */
  cancelAll(cancelled: () => unknown): void {
    for (const timer of this.timers) this.clock.clearTimer(timer);
    this.timers.clear();
    if (this.timeoutTimer) this.clock.clearTimer(this.timeoutTimer);
    this.timeoutTimer = null;
    for (const entry of this.sleeps) {
      if (entry.timer) this.clock.clearTimer(entry.timer);
      entry.reject(cancelled());
    }
    this.sleeps.clear();
    this.sleepers = 0;
  }
}
