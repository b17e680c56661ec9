import { describe, expect, test } from 'vitest';
import {
  Context,
  StartEvent,
  StopEvent,
  Workflow,
  WorkflowRuntimeError,
  retryPolicy,
  step,
  stopAfterAttempt,
  stopAfterDelay,
  waitExponentialJitter,
  waitFixed,
  type RetryInfo,
  type RetryPolicy,
} from 'flowplay';
import { finished, ofKind, record } from './recorder.ts';

function alwaysFails(policy: RetryPolicy, seen: RetryInfo[] = []) {
  class Fails extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent], retryPolicy: policy })
    async flaky(ctx: Context, _ev: StartEvent): Promise<StopEvent> {
      seen.push(ctx.retryInfo());
      throw new Error(`attempt ${seen.length}`);
    }
  }
  return new Fails({ timeout: null });
}

describe('retry policies on the run clock', () => {
  test('waits and elapsed time are exact in virtual time', async () => {
    const seen: RetryInfo[] = [];
    const run = await record(alwaysFails(retryPolicy({ wait: waitFixed(2), stop: stopAfterDelay(5) }), seen));
    // Failures at 0, 2, 4 s; at the third, 4 s have passed and the next wait would be allowed (stopAfterDelay looks
    // at elapsed time only), so a fourth attempt runs at 6 s and the policy stops there.
    expect(ofKind(run.records, 'step.failed').map((r) => [r.t, r.attempt, r.willRetry, r.retryDelay])).toEqual([
      [0, 1, true, 2],
      [2000, 2, true, 2],
      [4000, 3, true, 2],
      [6000, 4, false, undefined],
    ]);
    expect(seen.map((i) => [i.retryNumber, i.elapsedSeconds, i.lastFailedAt, (i.lastException as Error | null)?.message ?? null])).toEqual([
      [0, 0, null, null],
      [1, 2, 0, 'attempt 1'],
      [2, 4, 2, 'attempt 2'],
      [3, 6, 4, 'attempt 3'],
    ]);
    expect((run.error as Error).message).toBe('attempt 4');
  });

  test('jitter is drawn from the run seed: the same seed replays it, another seed changes it', async () => {
    const policy = retryPolicy({ wait: waitExponentialJitter({ initial: 1, jitter: 1 }), stop: stopAfterAttempt(4) });
    const delays = async (seed: number) =>
      ofKind((await record(alwaysFails(policy), {}, { seed })).records, 'step.failed').map((r) => r.retryDelay);
    const first = await delays(7);
    expect(first).toHaveLength(4);
    expect(first.slice(0, 3).every((d, i) => d! >= 2 ** (i + 1) && d! <= 2 ** (i + 1) + 1)).toBe(true);
    expect(await delays(7)).toEqual(first);
    expect(await delays(8)).not.toEqual(first);
  });

  test('a policy that throws fails the run with a message naming the step', async () => {
    const run = await record(alwaysFails({ next: () => { throw new Error('bad policy'); } }));
    expect(run.error).toBeInstanceOf(WorkflowRuntimeError);
    expect((run.error as Error).message).toBe('The retry policy of step flaky threw: bad policy');
    expect(finished(run.records)).toMatchObject({ status: 'failed' });
  });

  test('a policy that answers with something other than seconds or null fails the run', async () => {
    const run = await record(alwaysFails({ next: () => -1 }));
    expect((run.error as Error).message).toBe('The retry policy of step flaky returned a number (-1); next() must return a number of seconds (0 or more) or null.');
  });

  test('a step cannot have both retry forms', () => {
    class Both extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], retry: { maxAttempts: 2, delay: 1 }, retryPolicy: retryPolicy() })
      async s(_ev: StartEvent) {
        return new StopEvent();
      }
    }
    expect(() => new Both().run()).toThrow("Step 's' has both 'retry' and 'retryPolicy'; keep one.");
  });
});
