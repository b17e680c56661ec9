import { describe, expect, test } from 'vitest';
import { createProgressStore } from '../share/index.ts';
import { MemoryStorage, securityError } from '../../tests/unit/share/memoryStorage.ts';
import { createTutorialController, isPassed } from './tutorialStore.ts';

describe('tutorial state', () => {
  test('opening a chapter opens the panel and marks it read; leaving it leaves its exercise', () => {
    const storage = new MemoryStorage();
    const tutorial = createTutorialController(createProgressStore(storage));
    tutorial.openChapter('state');
    tutorial.startExercise('state/remember');
    expect(tutorial.store.getState()).toMatchObject({ open: true, chapter: 'state', exercise: 'state/remember' });
    tutorial.openChapter('state');
    expect(tutorial.store.getState().exercise).toBe('state/remember');
    tutorial.openChapter('streaming');
    expect(tutorial.store.getState()).toMatchObject({ exercise: null, progress: { read: ['state', 'streaming'] } });
  });

  test('a pass is remembered across page loads; a result for another exercise is ignored', () => {
    const storage = new MemoryStorage();
    const tutorial = createTutorialController(createProgressStore(storage));
    tutorial.startExercise('state/remember');
    tutorial.recordResult({ key: 'other/one', passed: true, message: '', details: [] });
    expect(tutorial.store.getState().result).toBeNull();
    tutorial.recordResult({ key: 'state/remember', passed: true, message: 'ok', details: [] });
    const later = createTutorialController(createProgressStore(storage));
    expect(isPassed(later.store.getState(), 'state/remember')).toBe(true);
    expect(isPassed(later.store.getState(), 'other/one')).toBe(false);
  });

  test('blocked storage is reported and progress still holds for the session', () => {
    const storage = new MemoryStorage();
    storage.failAll = securityError();
    const tutorial = createTutorialController(createProgressStore(storage));
    expect(tutorial.store.getState().problem).toMatch(/blocks storage/);
    tutorial.startExercise('state/remember');
    tutorial.recordResult({ key: 'state/remember', passed: true, message: 'ok', details: [] });
    expect(isPassed(tutorial.store.getState(), 'state/remember')).toBe(true);
    expect(tutorial.store.getState().problem).toMatch(/could not be saved/);
  });
});
