/**
 * Values that throw on every touch (a revoked Proxy: even `instanceof` and `Array.isArray` throw on
 * it) must not leave a run hanging: whatever the step does with one, the run ends and says why.
 */
import { describe, expect, test } from 'vitest';
import { StartEvent, StopEvent, Workflow, step, toJsonSafe, type Context } from 'flowplay';
import { finished, record } from './recorder.ts';

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

class Returns extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async only(_ev: StartEvent) {
    return new StopEvent({ result: revoked() });
  }
}

class Throws extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async only(_ev: StartEvent): Promise<StopEvent> {
    throw revoked();
  }
}

class Stores extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async only(ctx: Context, _ev: StartEvent) {
    await ctx.set('bad', revoked());
    return new StopEvent({ result: 'kept going' });
  }
}

describe('a revoked Proxy in a run', () => {
  test('toJsonSafe describes it instead of throwing', () => {
    expect(toJsonSafe(revoked())).toMatch(/^\[Unserializable: /);
    expect(toJsonSafe({ inside: [revoked()] })).toEqual({ inside: [expect.stringMatching(/^\[Unserializable: /)] });
  });

  test('as the result: the run stops with it', async () => {
    const { records } = await record(new Returns({ timeout: 5 }));
    expect(finished(records)).toMatchObject({ status: 'stopped' });
  });

  test('thrown by a step: the run fails, and says what was thrown', async () => {
    const { records, error } = await record(new Throws({ timeout: 5 }));
    expect(finished(records)).toMatchObject({ status: 'failed', error: { step: 'only' } });
    expect(String((finished(records) as { error: { message: string } }).error.message)).toBe('The step threw a value that throws when it is read.');
    expect(error).toBeDefined();
  });

  test('stored with ctx.set: the run goes on', async () => {
    const { records, result } = await record(new Stores({ timeout: 5 }));
    expect(result).toBe('kept going');
    expect(finished(records)).toMatchObject({ status: 'stopped' });
  });
});
