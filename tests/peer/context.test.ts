// Ported from the library's tests/context/test_context.py (the state tests): each `it` is named after
// the test it comes from.
import { describe, expect, it } from 'vitest';
import { Context, StartEvent, StopEvent, Workflow, step, type ContextStore } from 'flowplay';

async function inStep(body: (store: ContextStore) => Promise<void>): Promise<void> {
  class Flow extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent] })
    async only(ctx: Context, _ev: StartEvent) {
      await body(ctx.store);
      return new StopEvent();
    }
  }
  await new Flow().run({}, { clock: 'virtual' });
}

describe('context state', () => {
  it('test_get_default', async () => {
    await inStep(async (store) => expect(await store.get('test_key', 42)).toBe(42));
  });

  it('test_get', async () => {
    await inStep(async (store) => {
      await store.set('foo', 42);
      expect(await store.get('foo')).toBe(42);
    });
  });

  it('test_get_not_found', async () => {
    await inStep(async (store) => {
      await expect(store.get('foo')).rejects.toThrow("Key 'foo' not found in Context");
    });
  });

  it('test_clear', async () => {
    await inStep(async (store) => {
      await store.set('test_key', 42);
      await store.clear();
      expect(await store.get('test_key', null)).toBeNull();
    });
  });
});
