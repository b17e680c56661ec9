// Ported from the library's tests/test_retry_policy.py: each `it` is named after the test it comes from.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as flowplay from 'flowplay';
import {
  ConstantDelayRetryPolicy,
  Context,
  Event,
  ExponentialBackoffRetryPolicy,
  StartEvent,
  StopEvent,
  Workflow,
  retryAll,
  retryAlways,
  retryAny,
  retryIfException,
  retryIfExceptionCauseType,
  retryIfExceptionMessage,
  retryIfExceptionType,
  retryIfNotExceptionMessage,
  retryIfNotExceptionType,
  retryNever,
  retryPolicy,
  retryUnlessExceptionType,
  step,
  stopAfterAttempt,
  stopAfterDelay,
  stopAll,
  stopAny,
  stopBeforeDelay,
  stopNever,
  waitChain,
  waitCombine,
  waitExponential,
  waitExponentialJitter,
  waitFixed,
  waitFullJitter,
  waitIncrementing,
  waitNone,
  waitRandom,
  waitRandomExponential,
  type RetryPolicy,
} from 'flowplay';
import { ConnectionError, KeyError, OSError, PythonTypeError, RuntimeError, ValueError } from './pythonErrors.ts';

const err = (message = '') => new Error(message);

describe('retry conditions', () => {
  it('test_retry_if_exception_type_matches', () => {
    const cond = retryIfExceptionType([ValueError, PythonTypeError]);
    expect(cond(new ValueError('bad'))).toBe(true);
    expect(cond(new PythonTypeError('bad'))).toBe(true);
    expect(cond(new RuntimeError('bad'))).toBe(false);
  });

  it('test_retry_if_exception_type_subclass', () => {
    expect(retryIfExceptionType(OSError)(new ConnectionError('refused'))).toBe(true);
  });

  it('test_retry_if_not_exception_type', () => {
    const cond = retryIfNotExceptionType([ValueError, KeyError]);
    expect(cond(new ValueError('bad'))).toBe(false);
    expect(cond(new KeyError('bad'))).toBe(false);
    expect(cond(new RuntimeError('bad'))).toBe(true);
  });

  it('test_retry_if_exception_uses_predicate', () => {
    const cond = retryIfException((error) => String((error as Error).message).includes('retryable'));
    expect(cond(new RuntimeError('retryable failure'))).toBe(true);
    expect(cond(new RuntimeError('permanent failure'))).toBe(false);
  });

  it('test_retry_if_exception_message_exact_match', () => {
    const cond = retryIfExceptionMessage({ message: 'rate limit exceeded' });
    expect(cond(err('rate limit exceeded'))).toBe(true);
    expect(cond(err('rate limit exceeded immediately'))).toBe(false);
    expect(cond(err('invalid input'))).toBe(false);
  });

  it('test_retry_if_exception_message_regex', () => {
    const cond = retryIfExceptionMessage({ match: String.raw`code=\d{3}` });
    expect(cond(err('code=429'))).toBe(true);
    expect(cond(err('code=abc'))).toBe(false);
  });

  it('test_retry_if_exception_message_accepts_compiled_pattern', () => {
    const cond = retryIfExceptionMessage({ match: /retry-\d+/g });
    expect(cond(err('retry-42'))).toBe(true);
    expect(cond(err('retry-42'))).toBe(true); // a global pattern's lastIndex must not leak between calls
    expect(cond(err('retry-later'))).toBe(false);
  });

  it('test_retry_if_exception_message_requires_exactly_one_matcher', () => {
    expect(() => retryIfExceptionMessage()).toThrow(TypeError);
    expect(() => retryIfExceptionMessage()).toThrow(/message' or 'match/);
    expect(() => retryIfExceptionMessage({ message: 'rate limited', match: 'rate' })).toThrow(/either 'message' or 'match'/);
  });

  it('test_retry_if_not_exception_message', () => {
    const cond = retryIfNotExceptionMessage({ message: 'do not retry' });
    expect(cond(err('transient'))).toBe(true);
    expect(cond(err('do not retry'))).toBe(false);
  });

  it('test_retry_if_exception_cause_type', () => {
    const root = new ValueError('root');
    const middle = new RuntimeError('middle', { cause: root });
    const top = new Error('top', { cause: middle });
    const cond = retryIfExceptionCauseType(ValueError);
    expect(cond(top)).toBe(true);
    expect(cond(new RuntimeError('no cause'))).toBe(false);
  });

  it('test_retry_unless_exception_type', () => {
    const cond = retryUnlessExceptionType([ValueError, KeyError]);
    expect(cond(new RuntimeError('retry'))).toBe(true);
    expect(cond(new ValueError('stop'))).toBe(false);
  });

  it('test_retry_named_combinators', () => {
    const combinedAny = retryAny(retryIfExceptionType(ValueError), retryIfExceptionMessage({ message: 'retry me' }));
    const combinedAll = retryAll(retryIfExceptionType(ValueError), retryIfExceptionMessage({ match: 'retry' }));
    expect(combinedAny(new ValueError('other'))).toBe(true);
    expect(combinedAny(new RuntimeError('retry me'))).toBe(true);
    expect(combinedAny(new RuntimeError('stop'))).toBe(false);
    expect(combinedAll(new ValueError('retry now'))).toBe(true);
    expect(combinedAll(new ValueError('stop'))).toBe(false);
  });

  it('test_retry_operator_sugar_matches_named_combinators', () => {
    const byType = retryIfExceptionType(ValueError);
    const byMessage = retryIfExceptionMessage({ message: 'retry me' });
    const viaOperator = byType.or(byMessage);
    const viaNamed = retryAny(byType, byMessage);
    for (const e of [new ValueError('other'), new RuntimeError('retry me'), new RuntimeError('stop')]) {
      expect(viaOperator(e)).toBe(viaNamed(e));
    }
    const viaOperatorAll = byType.and(retryIfExceptionMessage({ match: 'retry' }));
    const viaNamedAll = retryAll(byType, retryIfExceptionMessage({ match: 'retry' }));
    for (const e of [new ValueError('retry'), new ValueError('stop')]) expect(viaOperatorAll(e)).toBe(viaNamedAll(e));
    expect(viaOperatorAll(new ValueError('retry'))).toBe(true);
    expect(viaOperatorAll(new ValueError('stop'))).toBe(false);
  });

  it('test_retry_operator_grouping_is_left_associative', () => {
    const combined = retryIfExceptionType(ValueError)
      .or(retryIfExceptionMessage({ message: 'retry' }))
      .or(retryIfExceptionCauseType(PythonTypeError));
    const caused = new RuntimeError('outer', { cause: new PythonTypeError('root') });
    expect(combined(new ValueError('other'))).toBe(true);
    expect(combined(new RuntimeError('retry'))).toBe(true);
    expect(combined(caused)).toBe(true);
    expect(combined(new RuntimeError('stop'))).toBe(false);
  });

  it('test_retry_always_and_retry_never', () => {
    expect(retryAlways()(err('anything'))).toBe(true);
    expect(retryNever()(err('anything'))).toBe(false);
    expect(retryAlways().and(retryIfExceptionType(Error))(err('anything'))).toBe(true);
    expect(retryNever().or(retryIfExceptionType(ValueError))(new ValueError('bad'))).toBe(true);
  });
});

describe('wait strategies', () => {
  it('test_wait_fixed', () => {
    const w = waitFixed(3.5);
    expect(w(0)).toBe(3.5);
    expect(w(5)).toBe(3.5);
  });

  it('test_wait_none', () => {
    expect(waitNone()(0)).toBe(0);
  });

  it('test_wait_exponential', () => {
    const w = waitExponential({ multiplier: 1, expBase: 2, max: 100, min: 0 });
    expect([0, 1, 2, 3].map((n) => w(n))).toEqual([1, 2, 4, 8]);
  });

  it('test_wait_exponential_floor', () => {
    const w = waitExponential({ multiplier: 0.5, expBase: 2, max: 100, min: 2 });
    expect(w(0)).toBe(2);
    expect(w(1)).toBe(2);
  });

  it('test_wait_exponential_cap', () => {
    expect(waitExponential({ multiplier: 1, expBase: 10, max: 50, min: 0 })(2)).toBe(50);
  });

  it('test_wait_incrementing', () => {
    const w = waitIncrementing({ start: 1, increment: 0.5, max: 2 });
    expect([0, 1, 2, 10].map((n) => w(n))).toEqual([1, 1.5, 2, 2]);
  });

  it('test_wait_incrementing_never_returns_negative_delay', () => {
    const w = waitIncrementing({ start: -5, increment: -1, max: 10 });
    expect(w(0)).toBe(0);
    expect(w(3)).toBe(0);
  });

  it('test_wait_random_range', () => {
    const w = waitRandom({ min: 1, max: 5 });
    for (let i = 0; i < 20; i++) {
      const value = w(0);
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(5);
    }
  });

  it('test_wait_random_deterministic_with_seed', () => {
    const w = waitRandom({ min: 0, max: 10 });
    expect(w(0, { seed: 42 })).toBe(w(0, { seed: 42 }));
    expect(w(0, { seed: 42 })).not.toBe(w(0, { seed: 43 }));
  });

  it('test_wait_exponential_jitter_base', () => {
    const w = waitExponentialJitter({ initial: 1, expBase: 2, max: 100, jitter: 0 });
    expect([0, 1, 2].map((n) => w(n))).toEqual([1, 2, 4]);
  });

  it('test_wait_exponential_jitter_adds_jitter', () => {
    const w = waitExponentialJitter({ initial: 1, expBase: 2, max: 100, jitter: 1 });
    for (let attempt = 0; attempt < 5; attempt++) {
      const base = Math.min(2 ** attempt, 100);
      const value = w(attempt, { seed: attempt });
      expect(value).toBeGreaterThanOrEqual(base);
      expect(value).toBeLessThanOrEqual(base + 1);
    }
  });

  it('test_wait_exponential_jitter_deterministic', () => {
    const w = waitExponentialJitter({ initial: 1, expBase: 2, max: 60, jitter: 1 });
    expect(w(3, { seed: 99 })).toBe(w(3, { seed: 99 }));
  });

  it('test_wait_exponential_jitter_respects_max_after_jitter', () => {
    const w = waitExponentialJitter({ initial: 10, expBase: 2, max: 10, jitter: 5 });
    for (let seed = 0; seed < 10; seed++) expect(w(3, { seed })).toBeLessThanOrEqual(10);
  });

  it('test_wait_random_exponential_range', () => {
    const w = waitRandomExponential({ multiplier: 1, expBase: 2, max: 100, min: 0 });
    for (let attempt = 0; attempt < 6; attempt++) {
      const value = w(attempt, { seed: attempt });
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(Math.min(2 ** attempt, 100));
    }
  });

  it('test_wait_random_exponential_deterministic_with_seed', () => {
    const w = waitRandomExponential({ multiplier: 0.5, expBase: 3, max: 50, min: 0 });
    expect(w(4, { seed: 17 })).toBe(w(4, { seed: 17 }));
  });

  it('test_wait_random_exponential_respects_minimum', () => {
    const w = waitRandomExponential({ multiplier: 0.5, expBase: 2, max: 100, min: 2 });
    expect(w(0, { seed: 11 })).toBe(2);
    const later = w(4, { seed: 12 });
    expect(later).toBeGreaterThanOrEqual(2);
    expect(later).toBeLessThanOrEqual(8);
  });

  it('test_wait_chain_sequence', () => {
    const w = waitChain(waitFixed(1), waitFixed(2), waitFixed(5));
    expect([0, 1, 2].map((n) => w(n))).toEqual([1, 2, 5]);
  });

  it('test_wait_chain_repeats_last', () => {
    const w = waitChain(waitFixed(1), waitFixed(10));
    expect([0, 1, 2, 99].map((n) => w(n))).toEqual([1, 10, 10, 10]);
  });

  it('test_wait_chain_requires_strategies', () => {
    expect(() => waitChain()).toThrow(/at least one/);
  });

  it('test_wait_combine_adds_delays', () => {
    const combined = waitCombine(waitFixed(1.5), waitIncrementing({ start: 1, increment: 1 }));
    expect(combined(0)).toBe(2.5);
    expect(combined(2)).toBe(4.5);
  });

  it('test_wait_operator_sugar_matches_wait_combine', () => {
    const left = waitFixed(1);
    const right = waitRandom({ min: 0, max: 1 });
    expect(left.plus(right)(3, { seed: 42 })).toBe(waitCombine(left, right)(3, { seed: 42 }));
  });

  it('test_wait_sum_support', () => {
    // Python's sum([...]) of waits is waitCombine over the list.
    expect(waitCombine(...[waitFixed(1), waitFixed(2), waitNone()])(0)).toBe(3);
  });

  it('test_wait_combine_preserves_seeded_determinism', () => {
    const combined = waitRandom({ min: 0, max: 1 }).plus(waitRandomExponential({ multiplier: 0.5, expBase: 2, max: 10, min: 0 }));
    expect(combined(3, { seed: 123 })).toBe(combined(3, { seed: 123 }));
  });

  it('test_wait_full_jitter_alias', () => {
    const alias = waitFullJitter({ multiplier: 1, expBase: 2, max: 20, min: 0 });
    const direct = waitRandomExponential({ multiplier: 1, expBase: 2, max: 20, min: 0 });
    expect(alias(4, { seed: 99 })).toBe(direct(4, { seed: 99 }));
  });
});

describe('stop conditions', () => {
  it('test_stop_after_attempt', () => {
    const s = stopAfterAttempt(3);
    expect([s(2, 0), s(3, 0), s(4, 0)]).toEqual([false, true, true]);
  });

  it('test_stop_after_delay', () => {
    const s = stopAfterDelay(10);
    expect([s(1, 9.9), s(1, 10), s(1, 15)]).toEqual([false, true, true]);
  });

  it('test_stop_any_and_stop_all', () => {
    const anyStop = stopAny(stopAfterAttempt(3), stopAfterDelay(10));
    const allStop = stopAll(stopAfterAttempt(3), stopAfterDelay(10));
    expect([anyStop(3, 1), anyStop(1, 10), anyStop(1, 1)]).toEqual([true, true, false]);
    expect([allStop(3, 10), allStop(3, 1)]).toEqual([true, false]);
  });

  it('test_stop_operator_sugar_matches_named_combinators', () => {
    const byAttempt = stopAfterAttempt(3);
    const byDelay = stopAfterDelay(10);
    expect(byAttempt.or(byDelay)(3, 1)).toBe(stopAny(byAttempt, byDelay)(3, 1));
    expect(byAttempt.and(byDelay)(3, 10)).toBe(stopAll(byAttempt, byDelay)(3, 10));
    expect(byAttempt.and(byDelay)(3, 1)).toBe(false);
  });

  it('test_stop_never', () => {
    expect(stopNever()(999, 999)).toBe(false);
  });

  it('test_stop_before_delay_uses_upcoming_sleep_inside_retry_policy', () => {
    const policy = retryPolicy({ wait: waitFixed(0.5), stop: stopBeforeDelay(5) });
    expect(policy.next(4.4, 1, err('retry'))).toBe(0.5);
    expect(policy.next(4.5, 1, err('retry'))).toBeNull();
  });
});

describe('RetryPolicy composition', () => {
  it('test_retry_policy_defaults', () => {
    const p = retryPolicy();
    expect(p.constructor.name).toBe('ComposableRetryPolicy');
    expect([0, 1, 2, 3].map((n) => p.next(0, n, err('fail')))).toEqual([5, 5, 5, null]);
  });

  it('test_retry_policy_constructor', () => {
    const p = retryPolicy({ wait: waitFixed(1), stop: stopAfterAttempt(3) });
    expect([0, 2, 3].map((n) => p.next(0, n, err('fail')))).toEqual([1, 1, null]);
  });

  it('test_retry_policy_with_retry_condition', () => {
    const p = retryPolicy({ retry: retryIfExceptionType(ValueError), stop: stopAfterAttempt(5) });
    expect(p.next(0, 0, new ValueError('bad'))).toBe(5);
    expect(p.next(0, 0, new RuntimeError('bad'))).toBeNull();
  });

  it('test_retry_policy_with_wait_strategy', () => {
    const p = retryPolicy({ wait: waitExponential({ multiplier: 1, expBase: 2, max: 100, min: 0 }), stop: stopAfterAttempt(5) });
    expect([0, 1, 2].map((n) => p.next(0, n, err()))).toEqual([1, 2, 4]);
  });

  it('test_retry_policy_with_random_exponential_wait', () => {
    const p = retryPolicy({ wait: waitRandomExponential({ multiplier: 1, expBase: 2, max: 100, min: 0 }), stop: stopAfterAttempt(5) });
    const a = p.next(0, 2, err(), { seed: 42 });
    expect(a).toBe(p.next(0, 2, err(), { seed: 42 }));
    expect(a).not.toBeNull();
    expect(a!).toBeGreaterThanOrEqual(0);
    expect(a!).toBeLessThanOrEqual(4);
  });

  it('test_retry_policy_stop_after_delay', () => {
    const p = retryPolicy({ wait: waitFixed(1), stop: stopAfterDelay(10) });
    expect(p.next(9, 100, err())).toBe(1);
    expect(p.next(10, 100, err())).toBeNull();
  });

  it('test_retry_policy_stop_before_delay_stops_using_next_sleep', () => {
    const p = retryPolicy({ wait: waitIncrementing({ start: 1, increment: 1, max: 10 }), stop: stopBeforeDelay(5) });
    expect(p.next(2, 1, err('retry'))).toBe(2);
    expect(p.next(2, 2, err('retry'))).toBeNull();
  });

  it('test_retry_policy_seed_forwarded', () => {
    const p = retryPolicy({ wait: waitRandom({ min: 0, max: 10 }), stop: stopAfterAttempt(5) });
    expect(p.next(0, 0, err(), { seed: 42 })).toBe(p.next(0, 0, err(), { seed: 42 }));
  });

  it('test_retry_policy_retry_none_retries_all', () => {
    const p = retryPolicy({ retry: null, stop: stopAfterAttempt(2) });
    expect(p.next(0, 0, new ValueError('a'))).toBe(5);
    expect(p.next(0, 0, new RuntimeError('b'))).toBe(5);
  });

  it('test_retry_policy_all_three_composed', () => {
    const p = retryPolicy({
      retry: retryIfExceptionType(ConnectionError),
      wait: waitExponential({ multiplier: 0.5, expBase: 3, max: 50, min: 0 }),
      stop: stopAfterAttempt(3),
    });
    const refused = new ConnectionError('refused');
    expect([0, 1, 2, 3].map((n) => p.next(0, n, refused))).toEqual([0.5, 1.5, 4.5, null]);
    expect(p.next(0, 0, new ValueError('bad'))).toBeNull();
  });

  it('test_retry_policy_with_operator_composition', () => {
    const policy = retryPolicy({
      retry: retryIfExceptionType(ValueError).or(retryIfExceptionMessage({ message: 'retry' })),
      wait: waitFixed(1).plus(waitNone()),
      stop: stopAfterAttempt(3).or(stopBeforeDelay(10)),
    });
    expect(policy.next(0, 1, new ValueError('other'))).toBe(1);
    expect(policy.next(0, 1, new RuntimeError('retry'))).toBe(1);
    expect(policy.next(0, 1, new RuntimeError('stop'))).toBeNull();
  });

  it('test_composable_retry_policy_is_no_longer_public', () => {
    expect('ComposableRetryPolicy' in flowplay).toBe(false);
  });
});

describe('the classic policies', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('test_ConstantDelayRetryPolicy_emits_deprecation_warning', () => {
    ConstantDelayRetryPolicy();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ConstantDelayRetryPolicy is deprecated/));
  });

  it('test_ExponentialBackoffRetryPolicy_emits_deprecation_warning', () => {
    ExponentialBackoffRetryPolicy();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ExponentialBackoffRetryPolicy is deprecated/));
  });

  it('test_ConstantDelayRetryPolicy_next', () => {
    const p = ConstantDelayRetryPolicy({ maximumAttempts: 5, delay: 4.2 });
    expect(p.constructor.name).toBe('ComposableRetryPolicy');
    expect(p.next(0, 4, err())).toBe(4.2);
    expect(p.next(0, 5, err())).toBeNull();
    expect(p.next(0, 999, err())).toBeNull();
  });

  it('test_ExponentialBackoffRetryPolicy_next_basic', () => {
    const p = ExponentialBackoffRetryPolicy({ initialDelay: 1, multiplier: 2, maxDelay: 100, jitter: false });
    expect(p.constructor.name).toBe('ComposableRetryPolicy');
    expect([0, 1, 2, 3].map((n) => p.next(0, n, err()))).toEqual([1, 2, 4, 8]);
  });

  it('test_ExponentialBackoffRetryPolicy_max_delay_cap', () => {
    const p = ExponentialBackoffRetryPolicy({ initialDelay: 1, multiplier: 10, maxDelay: 50, jitter: false });
    expect(p.next(0, 2, err())).toBe(50);
    expect(p.next(0, 5, err())).toBeNull();
  });

  it('test_ExponentialBackoffRetryPolicy_gives_up', () => {
    const p = ExponentialBackoffRetryPolicy({ maximumAttempts: 3, jitter: false });
    expect(p.next(0, 2, err())).not.toBeNull();
    expect(p.next(0, 3, err())).toBeNull();
    expect(p.next(0, 999, err())).toBeNull();
  });

  it('test_ExponentialBackoffRetryPolicy_jitter', () => {
    const p = ExponentialBackoffRetryPolicy({ initialDelay: 1, multiplier: 2, maxDelay: 100, jitter: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      const delay = p.next(0, attempt, err(), { seed: attempt });
      expect(delay).not.toBeNull();
      expect(delay!).toBeGreaterThanOrEqual(0);
      expect(delay!).toBeLessThanOrEqual(Math.min(2 ** attempt, 100));
    }
  });

  it('test_ExponentialBackoffRetryPolicy_jitter_deterministic', () => {
    const p = ExponentialBackoffRetryPolicy({ initialDelay: 1, multiplier: 2, maxDelay: 100, jitter: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      const seed = (attempt + 1) * 2654435761;
      expect(p.next(0, attempt, err(), { seed })).toBe(p.next(0, attempt, err(), { seed }));
    }
  });

  it('test_ExponentialBackoffRetryPolicy_no_jitter', () => {
    const p = ExponentialBackoffRetryPolicy({ initialDelay: 0.5, multiplier: 3, maxDelay: 100, jitter: false });
    expect([0, 1, 2, 3].map((n) => p.next(0, n, err()))).toEqual([0.5, 1.5, 4.5, 13.5]);
  });
});

class CountEvent extends Event {}

/** The library's e2e shape: a flaky step counts its failures through a second step's state. */
function flakyCounter(policy: RetryPolicy, result: string) {
  class DummyWorkflow extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent, CountEvent], retryPolicy: policy })
    async flakyStep(ctx: Context, _ev: StartEvent) {
      const count = await ctx.store.get('counter', 0);
      ctx.sendEvent(new CountEvent());
      if (count < 3) throw new ValueError('Something bad happened!');
      return new StopEvent({ result });
    }

    @step({ accepts: [CountEvent], returns: [] })
    async counter(ctx: Context, _ev: CountEvent) {
      const count = await ctx.store.get('counter', 0);
      await ctx.store.set('counter', count + 1);
      return null;
    }
  }
  return new DummyWorkflow({ validate: false });
}

describe('retry policies through a whole run', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('test_retry_e2e', async () => {
    const flow = flakyCounter(ConstantDelayRetryPolicy({ delay: 0.2, maximumAttempts: 4 }), 'All good!');
    expect(await flow.run({}, { clock: 'virtual' })).toBe('All good!');
  });

  it('test_retry_e2e_exponential', async () => {
    const flow = flakyCounter(ExponentialBackoffRetryPolicy({ initialDelay: 0.05, multiplier: 2, maximumAttempts: 4, jitter: false }), 'All good!');
    expect(await flow.run({}, { clock: 'virtual' })).toBe('All good!');
  });

  it('test_retry_e2e_retry_policy', async () => {
    const flow = flakyCounter(
      retryPolicy({ retry: retryIfExceptionType(ValueError), wait: waitFixed(0.1), stop: stopAfterAttempt(4) }),
      'recovered',
    );
    expect(await flow.run({}, { clock: 'virtual' })).toBe('recovered');
  });

  it('test_retry_e2e_retry_policy_non_retryable', async () => {
    let attempts = 0;
    class DummyWorkflow extends Workflow {
      @step({
        accepts: [StartEvent],
        returns: [StopEvent],
        retryPolicy: retryPolicy({ retry: retryIfExceptionType(ConnectionError), wait: waitFixed(0.1), stop: stopAfterAttempt(5) }),
      })
      async alwaysFails(_ev: StartEvent): Promise<StopEvent> {
        attempts++;
        throw new ValueError('permanent failure');
      }
    }
    await expect(new DummyWorkflow({ validate: false }).run({}, { clock: 'virtual' })).rejects.toThrow('permanent failure');
    expect(attempts).toBe(1);
  });

  it('test_retry_e2e_composed_policy', async () => {
    let attempts = 0;
    class DummyWorkflow extends Workflow {
      @step({
        accepts: [StartEvent],
        returns: [StopEvent],
        retryPolicy: retryPolicy({
          retry: retryIfExceptionType(ValueError).or(retryIfExceptionMessage({ message: 'retry me' })),
          wait: waitFixed(0.01).plus(waitNone()),
          stop: stopAfterAttempt(4).or(stopNever()),
        }),
      })
      async flakyStep(_ev: StartEvent) {
        attempts++;
        if (attempts < 4) throw new ValueError('retry me');
        return new StopEvent({ result: 'recovered' });
      }
    }
    expect(await new DummyWorkflow({ validate: false }).run({}, { clock: 'virtual' })).toBe('recovered');
    expect(attempts).toBe(4);
  });
});
