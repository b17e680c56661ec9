/**
 * What a host with its own scheduler (Python's loop) needs from the virtual clock: a sleep it can
 * call off, which then stops counting as a sleeper, and a hold on virtual time while its own queue
 * has work.
 */
import { describe, expect, test } from 'vitest';
import { Context, StartEvent, StopEvent, Workflow, holdVirtualTime, now, sleep, step } from 'flowplay';
import { finished, record } from './recorder.ts';

describe('virtual time for hosts with a scheduler of their own', () => {
  test('an aborted sleep rejects at once with the reason, and its timer no longer fires', async () => {
    class GivesUp extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async start(_ctx: Context, _ev: StartEvent) {
        const controller = new AbortController();
        const long = sleep(100, { signal: controller.signal });
        const caught = long.catch((error: unknown) => `${String(error)} at ${now()}`);
        await sleep(2);
        controller.abort('called off');
        const why = await caught;
        await sleep(1);
        return new StopEvent({ result: `${why}; done at ${now()}` });
      }
    }
    const run = await record(new GivesUp());
    expect(run.result).toBe('called off at 2; done at 3');
    expect(finished(run.records).t).toBe(3_000);
  });

  test('held virtual time does not move until the hold is released', async () => {
    let release: (() => void) | null = null;
    const moments: string[] = [];
    class Held extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async start(_ctx: Context, _ev: StartEvent) {
        release = holdVirtualTime();
        const slept = sleep(5).then(() => moments.push(`woke at ${now()}`));
        // Every invocation sleeps, yet the host has work queued: the clock waits for it.
        setTimeout(() => {
          moments.push('host work done');
          release!();
          release!();
        }, 20);
        await slept;
        return new StopEvent({ result: moments.join(', ') });
      }
    }
    const run = await record(new Held());
    expect(run.result).toBe('host work done, woke at 5');
  });
});
