/**
 * What the engine remembers about a step's earlier attempts at one event, and how it asks the step's
 * policy for the next one. Only steps with a retry policy (or a failure) ever build any of it.
 */
import { describeValue } from './describe.ts';
import { WorkflowRuntimeError } from './errors.ts';
import type { Invocation } from './invocation.ts';
import type { RetryPolicy } from './retryPolicy.ts';

/** `ctx.retryInfo()`: the state of the attempt that is running. */
export interface RetryInfo {
  /** 0 on the first attempt, 1 on the first retry, and so on. */
  readonly retryNumber: number;
  /** Seconds of workflow time since the first attempt began (0 on the first attempt). */
  readonly elapsedSeconds: number;
  /** The error of the latest failed attempt, or null. */
  readonly lastException: unknown;
  /** When the latest attempt failed, in seconds of workflow time since the run started, or null. */
  readonly lastFailedAt: number | null;
}

/** Carried on a queued retry. Times are the run clock's milliseconds. */
export interface RetryState {
  readonly firstAttemptAt: number;
  readonly lastError: unknown;
  readonly lastFailedAt: number;
}

const FIRST_ATTEMPT: RetryInfo = Object.freeze({ retryNumber: 0, elapsedSeconds: 0, lastException: null, lastFailedAt: null });

export function retryInfoOf(inv: Invocation): RetryInfo {
  const state = inv.pending.retry;
  if (!state) return FIRST_ATTEMPT;
  return {
    retryNumber: inv.pending.attempt - 1,
    elapsedSeconds: Math.max(0, inv.run.clock.now() - state.firstAttemptAt) / 1000,
    lastException: state.lastError,
    lastFailedAt: state.lastFailedAt / 1000,
  };
}

/**
 * The seed a policy's random wait gets for one failure: a function of the run's seed, the step and
 * the attempt count (FNV-1a), so the same run replays the same jitter and two steps do not share it.
 */
export function retrySeed(runSeed: number, step: string, failures: number): number {
  const text = `${runSeed}:${step}:${failures}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** When the failing attempt's first try began (ms on the run's clock). */
export function firstAttemptAt(inv: Invocation): number {
  return inv.pending.retry?.firstAttemptAt ?? (inv.startedAtUs < 0 ? -1 : inv.startedAtUs / 1000);
}

/**
 * Asks the policy whether `inv` gets another attempt: seconds to wait, or null. A policy that throws
 * or answers with something that is not a delay fails the run with a message naming the step.
 */
export function nextDelay(inv: Invocation, policy: RetryPolicy, error: unknown): number | null {
  const run = inv.run;
  const failures = inv.pending.attempt;
  const elapsed = Math.max(0, run.clock.now() - firstAttemptAt(inv)) / 1000;
  let delay: unknown;
  try {
    delay = policy.next(elapsed, failures, error, { seed: retrySeed(run.settings.seed, inv.step, failures) });
  } catch (policyError) {
    throw new WorkflowRuntimeError(`The retry policy of step ${inv.step} threw: ${policyError instanceof Error ? policyError.message : describeValue(policyError)}`, { cause: policyError });
  }
  if (delay === null || delay === undefined) return null;
  if (typeof delay !== 'number' || !(delay >= 0) || delay === Infinity) {
    throw new WorkflowRuntimeError(`The retry policy of step ${inv.step} returned ${describeValue(delay)}; next() must return a number of seconds (0 or more) or null.`);
  }
  return delay;
}
