// Ported from the library's tests/test_catch_error.py: each `it` is named after the test it comes from.
import { describe, expect, it } from 'vitest';
import { Context, StartEvent, StopEvent, Workflow, retryAlways, retryPolicy, step, stopAfterAttempt, waitFixed, type RetryInfo } from 'flowplay';
import { ValueError } from './pythonErrors.ts';

const retry = (attempts: number) => retryPolicy({ retry: retryAlways(), wait: waitFixed(0), stop: stopAfterAttempt(attempts) });

describe('retryInfo()', () => {
  it('test_retry_info_defaults_on_first_attempt', async () => {
    let info: RetryInfo | undefined;
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async first(ctx: Context, _ev: StartEvent) {
        info = ctx.retryInfo();
        return new StopEvent({ result: 'ok' });
      }
    }
    await new Flow({ timeout: 5 }).run();
    expect(info).toEqual({ retryNumber: 0, elapsedSeconds: 0, lastException: null, lastFailedAt: null });
  });

  it('test_retry_info_after_failure_populated', async () => {
    const observed: RetryInfo[] = [];
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: retry(3) })
      async flaky(ctx: Context, _ev: StartEvent) {
        const info = ctx.retryInfo();
        observed.push(info);
        if (info.retryNumber < 1) throw new ValueError('boom');
        return new StopEvent({ result: 'ok' });
      }
    }
    expect(await new Flow({ timeout: 5 }).run()).toBe('ok');
    expect(observed[0]).toMatchObject({ retryNumber: 0, lastException: null, lastFailedAt: null });
    expect(observed[1]!.retryNumber).toBe(1);
    expect(observed[1]!.elapsedSeconds).toBeGreaterThanOrEqual(0);
    expect(observed[1]!.lastException).toBeInstanceOf(ValueError);
    expect((observed[1]!.lastException as Error).message).toBe('boom');
    expect(typeof observed[1]!.lastFailedAt).toBe('number');
  });
});
