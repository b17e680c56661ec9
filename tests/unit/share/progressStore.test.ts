import { beforeEach, describe, expect, test } from 'vitest';
import { createProgressStore, PROGRESS_KEY } from '../../../src/share/index.ts';
import { MemoryStorage, quotaExceeded, securityError } from './memoryStorage.ts';

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

describe('tutorial progress', () => {
  test('chapters read and exercises passed are remembered across reloads, once each', () => {
    const progress = createProgressStore(storage);
    progress.markRead('first-workflow');
    progress.markRead('first-workflow');
    progress.markPassed('concurrency/two-at-once');
    expect(createProgressStore(storage).load()).toEqual({ progress: { read: ['first-workflow'], passed: ['concurrency/two-at-once'] }, status: { ok: true } });
    expect(createProgressStore(storage).reset()).toEqual({ ok: true });
    expect(createProgressStore(storage).load().progress).toEqual({ read: [], passed: [] });
  });

  test('full storage: the tick still shows for this session and the page learns why it will not last', () => {
    const progress = createProgressStore(storage);
    storage.failWrites = quotaExceeded();
    expect(progress.markPassed('state/remember-guesses')).toMatchObject({ ok: false, problem: 'full', message: expect.stringMatching(/^Your tutorial progress could not be saved: browser storage is full/) });
    expect(progress.load().progress.passed).toEqual(['state/remember-guesses']);
  });

  test('blocked storage never throws', () => {
    storage.failAll = securityError();
    const progress = createProgressStore(storage);
    expect(progress.load()).toMatchObject({ progress: { read: [], passed: [] }, status: { ok: false, problem: 'blocked' } });
    expect(progress.markRead('state')).toMatchObject({ ok: false, problem: 'blocked' });
    expect(progress.reset()).toMatchObject({ ok: false, problem: 'blocked' });
  });

  test.each(['{not json', '[1,2]', '{"v":2}', '{"v":1,"read":"state","passed":[1,"a/b"]}'])('corrupted stored value %s', (text) => {
    storage.data.set(PROGRESS_KEY, text);
    const progress = createProgressStore(storage);
    const loaded = progress.load();
    if (text.startsWith('{"v":1')) {
      expect(loaded).toEqual({ progress: { read: [], passed: ['a/b'] }, status: { ok: true } });
    } else {
      expect(loaded).toMatchObject({ progress: { read: [], passed: [] }, status: { ok: false, problem: 'corrupt' } });
    }
    expect(progress.markRead('state')).toEqual({ ok: true });
    expect(createProgressStore(storage).load().progress.read).toEqual(['state']);
  });
});
