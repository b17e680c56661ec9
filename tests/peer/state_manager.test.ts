// Ported from the library's tests/test_state_manager.py (the store is reached as a step reaches it).
import { describe, expect, it } from 'vitest';
import { withStepStore } from './workflowTestRunner.ts';

describe('the in-memory state store', () => {
  it('test_in_memory_state_store_smoke', async () => {
    await withStepStore(async (store) => {
      await store.set('name', 'test');
      expect(await store.get('name')).toBe('test');
      await store.set('nested', { key: 'value' });
      expect(await store.get('nested.key')).toBe('value');
      expect(await store.get('missing', null)).toBeNull();
      await store.clear();
      expect(await store.get('name', null)).toBeNull();
    });
  });

  it('test_in_memory_edit_state', async () => {
    await withStepStore(async (store) => {
      await store.editState((state) => {
        state.counter = 1;
      });
      expect(await store.get('counter')).toBe(1);
    });
  });
});
