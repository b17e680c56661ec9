/**
 * Retry policies as the Python library composes them (tenacity's vocabulary): a retry condition
 * (should this error be retried?), a wait strategy (how long before the next attempt?) and a stop
 * condition (when to give up?). Python combines them with `|`, `&` and `+`; TypeScript has no operator
 * overloading, so each built-in piece carries `.or()`, `.and()` (conditions, stops) and `.plus()`
 * (waits), and the named combinators (`retryAny`, `stopAll`, `waitCombine`, ...) do the same.
 *
 * Times are seconds. Random waits draw from `seededRandom(seed)` when the engine passes a seed (it
 * derives one from the run's seed, the step and the attempt, so jitter replays exactly), else from
 * the current run's random source.
 */
import { random } from './ambient.ts';
import { seededRandom } from './random.ts';

/** What a policy (and a wait) is told besides the attempt count. */
export interface RetrySeed {
  /** Makes random waits reproducible; the engine passes one derived from the run's seed. */
  seed?: number | null;
}

/** Decides whether another attempt should run and after how many seconds (null: give up). */
export interface RetryPolicy {
  next(elapsedTime: number, attempts: number, error: unknown, options?: RetrySeed): number | null;
}

export type RetryConditionFn = (error: unknown) => boolean;
export type WaitStrategyFn = (attempts: number, options?: RetrySeed) => number;
export type StopConditionFn = (attempts: number, elapsedTime: number, options?: { upcomingSleep?: number }) => boolean;

/** A retry predicate; `a.or(b)` is Python's `a | b`, `a.and(b)` is `a & b`. */
export interface RetryCondition extends RetryConditionFn {
  or(other: RetryConditionFn): RetryCondition;
  and(other: RetryConditionFn): RetryCondition;
}

/** A delay in seconds for the given attempt count; `a.plus(b)` is Python's `a + b`. */
export interface WaitStrategy extends WaitStrategyFn {
  plus(other: WaitStrategyFn): WaitStrategy;
}

/** Whether to stop retrying; `a.or(b)` is Python's `a | b`, `a.and(b)` is `a & b`. */
export interface StopCondition extends StopConditionFn {
  or(other: StopConditionFn): StopCondition;
  and(other: StopConditionFn): StopCondition;
}

/** An error class (or any constructor) an error may be an instance of. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error classes take any arguments
export type ErrorClass = abstract new (...args: any[]) => unknown;

function asList(types: ErrorClass | readonly ErrorClass[]): readonly ErrorClass[] {
  return Array.isArray(types) ? types : [types as ErrorClass];
}

function isInstance(error: unknown, types: readonly ErrorClass[]): boolean {
  return types.some((type) => error instanceof type);
}

/** The text Python's `str(error)` gives: an Error's message, else the value as a string. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Uniform in [min, max], from the seed when there is one. */
function uniform(min: number, max: number, seed: number | null | undefined): number {
  const draw = seed === null || seed === undefined ? random() : seededRandom(seed)();
  return min + (max - min) * draw;
}

// ---- conditions --------------------------------------------------------------------------------

function condition(test: RetryConditionFn): RetryCondition {
  const fn = ((error: unknown) => test(error)) as RetryCondition;
  fn.or = (other) => retryAny(fn, other);
  fn.and = (other) => retryAll(fn, other);
  return fn;
}

/** Retry when `predicate(error)` is true. */
export function retryIfException(predicate: RetryConditionFn): RetryCondition {
  return condition((error) => predicate(error));
}

/** Retry when the error is an instance of one of `exceptionTypes` (default: any Error). */
export function retryIfExceptionType(exceptionTypes: ErrorClass | readonly ErrorClass[] = Error): RetryCondition {
  const list = asList(exceptionTypes);
  return condition((error) => isInstance(error, list));
}

/** Retry unless the error is an instance of one of `exceptionTypes`. */
export function retryIfNotExceptionType(exceptionTypes: ErrorClass | readonly ErrorClass[] = Error): RetryCondition {
  const list = asList(exceptionTypes);
  return condition((error) => !isInstance(error, list));
}

/** tenacity's name for `retryIfNotExceptionType`. */
export function retryUnlessExceptionType(exceptionTypes: ErrorClass | readonly ErrorClass[] = Error): RetryCondition {
  return retryIfNotExceptionType(exceptionTypes);
}

export interface MessageMatch {
  /** The whole message must equal this. */
  message?: string;
  /** The message must contain a match of this pattern (a string is read as a regular expression). */
  match?: string | RegExp;
}

function messageTest(name: string, options: MessageMatch): (error: unknown) => boolean {
  const { message, match } = options;
  if (message === undefined && match === undefined) {
    throw new TypeError(`${name}() missing 1 required argument 'message' or 'match'`);
  }
  if (message !== undefined && match !== undefined) {
    throw new TypeError(`${name}() takes either 'message' or 'match', not both`);
  }
  if (message !== undefined) return (error) => messageOf(error) === message;
  // A global or sticky pattern would remember where it last matched; test against a fresh copy.
  const pattern = typeof match === 'string' ? new RegExp(match) : new RegExp(match!.source, match!.flags.replace(/[gy]/g, ''));
  return (error) => pattern.test(messageOf(error));
}

/** Retry when the message equals `message` or contains a match of `match`. */
export function retryIfExceptionMessage(options: MessageMatch = {}): RetryCondition {
  return condition(messageTest('retryIfExceptionMessage', options));
}

/** Retry when the message does not equal `message` / contain a match of `match`. */
export function retryIfNotExceptionMessage(options: MessageMatch = {}): RetryCondition {
  const test = messageTest('retryIfNotExceptionMessage', options);
  return condition((error) => !test(error));
}

/**
 * Retry when an error in the `cause` chain (not the error itself) is one of `exceptionTypes`: JavaScript's
 * `new Error(msg, { cause })` is Python's `raise X from Y`.
 */
export function retryIfExceptionCauseType(exceptionTypes: ErrorClass | readonly ErrorClass[] = Error): RetryCondition {
  const list = asList(exceptionTypes);
  return condition((error) => {
    const seen = new Set<unknown>();
    for (let current = error; typeof current === 'object' && current !== null && !seen.has(current); ) {
      seen.add(current);
      const cause: unknown = (current as { cause?: unknown }).cause;
      if (isInstance(cause, list)) return true;
      current = cause;
    }
    return false;
  });
}

/** Retry when any of the conditions holds (Python's `a | b`). */
export function retryAny(...retries: RetryConditionFn[]): RetryCondition {
  return condition((error) => retries.some((test) => test(error)));
}

/** Retry when all of the conditions hold (Python's `a & b`). */
export function retryAll(...retries: RetryConditionFn[]): RetryCondition {
  return condition((error) => retries.every((test) => test(error)));
}

export function retryAlways(): RetryCondition {
  return condition(() => true);
}

export function retryNever(): RetryCondition {
  return condition(() => false);
}

// ---- waits -------------------------------------------------------------------------------------

function strategy(delay: WaitStrategyFn): WaitStrategy {
  const fn = ((attempts: number, options?: RetrySeed) => delay(attempts, options)) as WaitStrategy;
  fn.plus = (other) => waitCombine(fn, other);
  return fn;
}

/** Always `wait` seconds. */
export function waitFixed(wait: number): WaitStrategy {
  return strategy(() => wait);
}

export function waitNone(): WaitStrategy {
  return waitFixed(0);
}

export interface ExponentialOptions {
  multiplier?: number;
  expBase?: number;
  max?: number;
  min?: number;
}

/** `multiplier * expBase ** attempts`, kept within [min, max]. */
export function waitExponential(options: ExponentialOptions = {}): WaitStrategy {
  const { multiplier = 1, expBase = 2, max = 60, min = 0 } = options;
  return strategy((attempts) => Math.max(Math.max(0, min), Math.min(multiplier * expBase ** attempts, max)));
}

export interface IncrementingOptions {
  start?: number;
  increment?: number;
  max?: number;
}

/** `start + increment * attempts`, at most `max` and never negative. */
export function waitIncrementing(options: IncrementingOptions = {}): WaitStrategy {
  const { start = 0, increment = 100, max = Infinity } = options;
  return strategy((attempts) => Math.max(0, Math.min(start + increment * attempts, max)));
}

/** Uniform in [min, max]. */
export function waitRandom(options: { min?: number; max?: number } = {}): WaitStrategy {
  const { min = 0, max = 1 } = options;
  return strategy((_attempts, o) => uniform(min, max, o?.seed));
}

export interface ExponentialJitterOptions {
  initial?: number;
  expBase?: number;
  max?: number;
  jitter?: number;
}

/** `initial * expBase ** attempts` plus a random amount in [0, jitter], at most `max`. */
export function waitExponentialJitter(options: ExponentialJitterOptions = {}): WaitStrategy {
  const { initial = 1, expBase = 2, max = 60, jitter = 1 } = options;
  return strategy((attempts, o) => Math.min(Math.min(initial * expBase ** attempts, max) + uniform(0, jitter, o?.seed), max));
}

/** Uniform between `min` and the exponential bound of `waitExponential` (full jitter). */
export function waitRandomExponential(options: ExponentialOptions = {}): WaitStrategy {
  const { multiplier = 1, expBase = 2, max = 60, min = 0 } = options;
  return strategy((attempts, o) => {
    const upper = Math.max(Math.max(0, min), Math.min(multiplier * expBase ** attempts, max));
    return uniform(min, upper, o?.seed);
  });
}

/** Another name for `waitRandomExponential`. */
export function waitFullJitter(options: ExponentialOptions = {}): WaitStrategy {
  return waitRandomExponential(options);
}

/** The n-th strategy for attempt count n; the last one for every later attempt. */
export function waitChain(...strategies: WaitStrategyFn[]): WaitStrategy {
  if (strategies.length === 0) throw new RangeError('waitChain requires at least one strategy');
  return strategy((attempts, o) => strategies[Math.min(attempts, strategies.length - 1)]!(attempts, o));
}

/** The sum of the strategies' delays (Python's `a + b` and `sum([...])`). */
export function waitCombine(...strategies: WaitStrategyFn[]): WaitStrategy {
  return strategy((attempts, o) => strategies.reduce((total, delay) => total + delay(attempts, o), 0));
}

// ---- stops -------------------------------------------------------------------------------------

function stop(test: StopConditionFn): StopCondition {
  const fn = ((attempts: number, elapsedTime: number, options?: { upcomingSleep?: number }) => test(attempts, elapsedTime, options)) as StopCondition;
  fn.or = (other) => stopAny(fn, other);
  fn.and = (other) => stopAll(fn, other);
  return fn;
}

/** Stop once `maxAttemptNumber` attempts have been made. */
export function stopAfterAttempt(maxAttemptNumber: number): StopCondition {
  return stop((attempts) => attempts >= maxAttemptNumber);
}

/** Stop once `maxDelay` seconds have passed since the first attempt. */
export function stopAfterDelay(maxDelay: number): StopCondition {
  return stop((_attempts, elapsed) => elapsed >= maxDelay);
}

/** Stop when the coming wait would reach `maxDelay` seconds since the first attempt. */
export function stopBeforeDelay(maxDelay: number): StopCondition {
  return stop((_attempts, elapsed, o) => elapsed + (o?.upcomingSleep ?? 0) >= maxDelay);
}

export function stopAny(...stops: StopConditionFn[]): StopCondition {
  return stop((attempts, elapsed, o) => stops.some((test) => test(attempts, elapsed, o)));
}

export function stopAll(...stops: StopConditionFn[]): StopCondition {
  return stop((attempts, elapsed, o) => stops.every((test) => test(attempts, elapsed, o)));
}

/** Never stops by itself: pair it with a retry condition or rely on the run's timeout. */
export function stopNever(): StopCondition {
  return stop(() => false);
}

// ---- policies ----------------------------------------------------------------------------------

export interface RetryPolicyOptions {
  /** Which errors to retry; every error when left out. */
  retry?: RetryConditionFn | null;
  /** Default `waitFixed(5)`. */
  wait?: WaitStrategyFn;
  /** Default `stopAfterAttempt(3)`. */
  stop?: StopConditionFn;
}

/** Kept out of the public surface: `retryPolicy()` is the way to build one, as in the library. */
class ComposableRetryPolicy implements RetryPolicy {
  constructor(
    readonly retry: RetryConditionFn | null,
    readonly wait: WaitStrategyFn,
    readonly stop: StopConditionFn,
  ) {}

  next(elapsedTime: number, attempts: number, error: unknown, options?: RetrySeed): number | null {
    if (this.retry && !this.retry(error)) return null;
    const delay = this.wait(attempts, options);
    return this.stop(attempts, elapsedTime, { upcomingSleep: delay }) ? null : delay;
  }
}

/**
 * A policy from a retry condition, a wait and a stop condition.
 * @example
 * @step({ retryPolicy: retryPolicy({ retry: retryIfExceptionType(TypeError), wait: waitExponential({ max: 30 }), stop: stopAfterAttempt(5) }) })
 */
export function retryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  return new ComposableRetryPolicy(options.retry ?? null, options.wait ?? waitFixed(5), options.stop ?? stopAfterAttempt(3));
}

function deprecated(name: string, instead: string): void {
  console.warn(`${name} is deprecated, use ${instead} instead`);
}

/**
 * @deprecated use `retryPolicy({ wait: waitFixed(delay), stop: stopAfterAttempt(n) })`.
 */
export function ConstantDelayRetryPolicy(options: { maximumAttempts?: number; delay?: number } = {}): RetryPolicy {
  deprecated('ConstantDelayRetryPolicy', 'retryPolicy({ wait: waitFixed(delay), stop: stopAfterAttempt(n) })');
  const { maximumAttempts = 3, delay = 5 } = options;
  return new ComposableRetryPolicy(null, waitFixed(delay), stopAfterAttempt(maximumAttempts));
}

export interface ExponentialBackoffOptions {
  maximumAttempts?: number;
  initialDelay?: number;
  multiplier?: number;
  maxDelay?: number;
  jitter?: boolean;
}

/**
 * @deprecated use `retryPolicy({ wait: waitExponential(...), stop: stopAfterAttempt(n) })`
 * (`waitRandomExponential` or `waitExponentialJitter` for jitter).
 */
export function ExponentialBackoffRetryPolicy(options: ExponentialBackoffOptions = {}): RetryPolicy {
  deprecated('ExponentialBackoffRetryPolicy', 'retryPolicy({ wait: waitExponential(...), stop: stopAfterAttempt(n) })');
  const { maximumAttempts = 5, initialDelay = 1, multiplier = 2, maxDelay = 60, jitter = true } = options;
  const shape = { multiplier: initialDelay, expBase: multiplier, max: maxDelay };
  return new ComposableRetryPolicy(null, jitter ? waitRandomExponential(shape) : waitExponential(shape), stopAfterAttempt(maximumAttempts));
}

/**
 * The older `@step({ retry: { maxAttempts, delay, backoff } })` as a policy: `maxAttempts` attempts in
 * all, the n-th retry after `delay * backoff ** (n - 1)` seconds.
 */
export function attemptsPolicy(retry: { maxAttempts: number; delay: number; backoff?: number }): RetryPolicy {
  const backoff = retry.backoff ?? 1;
  return {
    next: (_elapsed, attempts) => (attempts >= retry.maxAttempts ? null : retry.delay * backoff ** (attempts - 1)),
  };
}

export function isRetryPolicy(value: unknown): value is RetryPolicy {
  return typeof value === 'object' && value !== null && typeof (value as RetryPolicy).next === 'function';
}
