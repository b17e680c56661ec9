/**
 * `sleep`, `random` and `randint` as user code imports them, like `asyncio.sleep` and Python's
 * `random`: they belong to whichever run is executing (see scope.ts) and use its clock and seed.
 * Outside any run they fall back to real time and Math.random.
 */
import { describeValue } from './describe.ts';
import { randintFrom } from './random.ts';
import { currentFrame } from './scope.ts';
import type { Invocation } from './invocation.ts';

/**
 * Waits `seconds` of workflow time; rejects with StepCancelledError if the run ends meanwhile, and
 * with the signal's reason if `signal` aborts first.
 */
export function sleep(seconds: number, options: { signal?: AbortSignal } = {}): Promise<void> {
  const { signal } = options;
  const frame = currentFrame();
  if (frame) return frame.run.sleep(seconds, signal);
  if (!(seconds >= 0)) return Promise.reject(new RangeError(`sleep() needs a number of seconds, got ${describeValue(seconds)}.`));
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, seconds * 1000);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Workflow time in seconds: the current run's clock (virtual time in a virtual run), else wall time.
 * What a host's own timers read (Python's `loop.time()`), so that they keep the run's time.
 */
export function now(): number {
  const frame = currentFrame();
  return (frame ? frame.run.clock.now() : performance.now()) / 1000;
}

/** A number in [0, 1), reproducible for a run with a seed. */
export function random(): number {
  const frame = currentFrame();
  return frame ? frame.run.random() : Math.random();
}

/** A whole number in [a, b], both ends included (Python's `random.randint`). */
export function randint(a: number, b: number): number {
  const frame = currentFrame();
  return randintFrom(frame ? frame.run.random : Math.random, a, b);
}

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/**
 * For hosts that capture `console` in user code: records the line in the current run's trace with
 * its step when known. Returns false when no run is active. `fromStep` false records a line of the
 * host's own about the run at this moment (a notice that output stops here) without the step, which
 * did not print it.
 */
export function logToCurrentRun(level: LogLevel, text: string, fromStep = true): boolean {
  const frame = currentFrame();
  if (!frame) return false;
  frame.run.userLog(level, text, !fromStep || frame.invocation === null ? null : (frame as Invocation));
  return true;
}
