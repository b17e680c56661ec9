/**
 * A run's timers on its clock: `sleep` calls, retry delays, `waitForEvent` timeouts and the run's own
 * timeout (which stops counting while the run is paused). The end of the run cancels them all.
 */
import type { RunClock, Timer } from './clock.ts';
import { describeValue } from './describe.ts';
import { StepCancelledError } from './errors.ts';

interface SleepEntry {
  timer: Timer | null;
  readonly reject: (error: unknown) => void;
}

/** What the timers tell their run. */
export interface TimerOwner {
  /** The run's timeout fired. */
  timedOut(): void;
  /** A timer was set, so a virtual clock can check whether to move on. */
  scheduleIdle(): void;
}

export class RunTimers {
  /** Pending `sleep` calls: virtual time may advance when every running invocation is one of them. */
  sleepers = 0;
  /** Made when first needed: most runs never sleep or wait. */
  private sleeps: Set<SleepEntry> | null = null;
  private timers: Set<Timer> | null = null;
  private timeoutTimer: Timer | null = null;
  private timeoutArmedAt = 0;
  /** Workflow time the timeout has already counted. */
  private timeoutUsed = 0;

  constructor(
    private readonly clock: RunClock,
    private readonly timeoutSeconds: number | null,
    private readonly owner: TimerOwner,
  ) {}

  /**
   * A sleep ends when its time comes, or when `signal` aborts it (rejecting with the signal's reason):
   * an aborted sleep stops counting as a sleeper at once, so a step that gave up waiting (a host's
   * own timeout cancelled it) does not pass for asleep and let virtual time run on without it.
   */
  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    if (!(seconds >= 0)) return Promise.reject(new RangeError(`sleep() needs a number of seconds, got ${describeValue(seconds)}.`));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const entry: SleepEntry = { timer: null, reject };
      const abort = () => {
        if (!this.sleeps?.delete(entry)) return;
        this.sleepers--;
        if (entry.timer) this.clock.clearTimer(entry.timer);
        reject(signal!.reason);
      };
      this.sleepers++;
      entry.timer = this.clock.setTimer(seconds * 1000, () => {
        this.sleeps!.delete(entry);
        this.sleepers--;
        signal?.removeEventListener('abort', abort);
        resolve();
      });
      (this.sleeps ??= new Set()).add(entry);
      signal?.addEventListener('abort', abort, { once: true });
      this.owner.scheduleIdle();
    });
  }

  /** Calls `fire` after `seconds` of workflow time unless the run ends first. */
  after(seconds: number, fire: () => void): Timer {
    const timer = this.clock.setTimer(seconds * 1000, () => {
      this.timers!.delete(timer);
      fire();
    });
    (this.timers ??= new Set()).add(timer);
    this.owner.scheduleIdle();
    return timer;
  }

  clear(timer: Timer): void {
    this.clock.clearTimer(timer);
    this.timers?.delete(timer);
  }

  armTimeout(): void {
    if (this.timeoutSeconds === null || this.timeoutTimer) return;
    this.timeoutArmedAt = this.clock.now();
    this.timeoutTimer = this.clock.setTimer(this.timeoutSeconds * 1000 - this.timeoutUsed, () => {
      this.timeoutTimer = null;
      this.owner.timedOut();
    });
  }

  suspendTimeout(): void {
    if (!this.timeoutTimer) return;
    this.clock.clearTimer(this.timeoutTimer);
    this.timeoutTimer = null;
    this.timeoutUsed += this.clock.now() - this.timeoutArmedAt;
  }

  /**
   * Clears every timer; pending sleeps reject with one StepCancelledError, built only if one is pending
   * (an error captures a stack, and most runs end with nothing asleep).
   */
  cancelAll(): StepCancelledError | null {
    if (this.timers) for (const timer of this.timers) this.clock.clearTimer(timer);
    this.timers = null;
    if (this.timeoutTimer) this.clock.clearTimer(this.timeoutTimer);
    this.timeoutTimer = null;
    let cancelled: StepCancelledError | null = null;
    if (this.sleeps) {
      for (const entry of this.sleeps) {
        if (entry.timer) this.clock.clearTimer(entry.timer);
        entry.reject((cancelled ??= new StepCancelledError()));
      }
    }
    this.sleeps = null;
    this.sleepers = 0;
    return cancelled;
  }
}
