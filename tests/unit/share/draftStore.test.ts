import { beforeEach, describe, expect, test } from 'vitest';
import { createDraftStore, DRAFTS_BACKUP_KEY, DRAFTS_KEY, guessTitle, lazyStorage } from '../../../src/share/index.ts';
import { MemoryStorage, quotaExceeded, securityError } from './memoryStorage.ts';

let storage: MemoryStorage;
let clock: number;
const store = (limit?: number) => createDraftStore(storage, { now: () => clock++, limit });

beforeEach(() => {
  storage = new MemoryStorage();
  clock = 1_000;
});

describe('drafts', () => {
  test('saving as the user types keeps one current draft, which survives a reload', () => {
    expect(store().save({ code: 'class A extends Workflow {}' })).toEqual({ ok: true });
    expect(store().save({ code: 'class A extends Workflow { x }', seed: 3 })).toEqual({ ok: true });
    const loaded = store().load();
    expect(loaded.status).toEqual({ ok: true });
    expect(loaded.current).toMatchObject({ code: 'class A extends Workflow { x }', seed: 3, title: 'A', origin: 'typed' });
    expect(loaded.history).toEqual([]);
  });

  test('opening a link keeps the draft in the history, and restoring it keeps the link\'s code too', () => {
    const drafts = store();
    drafts.save({ code: 'my own work' });
    expect(drafts.open({ code: 'shared code', origin: 'link', title: 'Shared link' })).toEqual({ ok: true });
    const afterLink = drafts.load();
    expect(afterLink.current).toMatchObject({ code: 'shared code', origin: 'link', title: 'Shared link' });
    expect(afterLink.history.map((d) => d.code)).toEqual(['my own work']);

    const { draft } = drafts.restore(afterLink.history[0]!.id);
    expect(draft).toMatchObject({ code: 'my own work', origin: 'restored' });
    const afterRestore = drafts.load();
    expect(afterRestore.current?.code).toBe('my own work');
    expect(afterRestore.history.map((d) => d.code)).toEqual(['shared code']);
  });

  test('keepCurrent before replacing the text: empty drafts and repeats are not piled up', () => {
    const drafts = store();
    drafts.save({ code: '   ' });
    drafts.keepCurrent();
    expect(drafts.load().history).toEqual([]);
    drafts.save({ code: 'a' });
    drafts.keepCurrent();
    drafts.save({ code: 'a' });
    drafts.keepCurrent();
    expect(drafts.load().history.map((d) => d.code)).toEqual(['a']);
    expect(drafts.load().current).toBeNull();
  });

  test('the history keeps the newest 10 (or the configured limit), newest first, with times and titles', () => {
    const drafts = store(3);
    for (const n of [1, 2, 3, 4, 5]) drafts.open({ code: `class F${n} extends Workflow {}`, origin: 'example' });
    const { history, current } = drafts.load();
    expect(current?.title).toBe('F5');
    expect(history.map((d) => d.title)).toEqual(['F4', 'F3', 'F2']);
    expect(history.every((d, i) => i === 0 || d.savedAt < history[i - 1]!.savedAt)).toBe(true);
    drafts.forget(history[1]!.id);
    expect(drafts.load().history.map((d) => d.title)).toEqual(['F4', 'F2']);
  });

  test('restoring an unknown id changes nothing', () => {
    const drafts = store();
    drafts.save({ code: 'x' });
    expect(drafts.restore('nope')).toEqual({ draft: null, status: { ok: true } });
    expect(drafts.load().current?.code).toBe('x');
  });

  test('titles: the workflow class, else the first line, shortened', () => {
    expect(guessTitle('import x;\nclass ParallelFlow extends Workflow {')).toBe('ParallelFlow');
    expect(guessTitle('\n\n// ' + 'long '.repeat(20))).toMatch(/^\/\/ long .*\.\.\.$/);
    expect(guessTitle('')).toBe('Empty draft');
  });
});

describe('storage that fails never throws out of the draft store', () => {
  test('full storage: things opened and never edited give way, oldest first, so the user\'s edit is saved', () => {
    storage.quota = 60_000;
    const drafts = store();
    // Five links that unpacked to 10,000 characters each fill most of the room.
    for (let i = 0; i < 5; i++) expect(drafts.remember({ code: `${i}`.repeat(10_000), origin: 'link', title: `link ${i}` })).toEqual({ ok: true });
    expect(drafts.load().opened).toHaveLength(5);
    expect(drafts.save({ code: 'mine'.repeat(5_000) })).toEqual({ ok: true });
    const loaded = drafts.load();
    expect(loaded.current?.code).toBe('mine'.repeat(5_000));
    // The newest opened ones are still there; the oldest went.
    expect(loaded.opened.map((d) => d.title)).toEqual(['link 4', 'link 3', 'link 2']);
    // Past what any giving way frees, the save still says storage is full.
    expect(drafts.save({ code: 'x'.repeat(70_000) })).toMatchObject({ ok: false, problem: 'full' });
  });

  test('full storage: the save reports it, and what was saved before is still there', () => {
    const drafts = store();
    drafts.save({ code: 'first' });
    storage.failWrites = quotaExceeded();
    expect(drafts.save({ code: 'second' })).toEqual({
      ok: false,
      problem: 'full',
      message: 'Your draft could not be saved: browser storage is full. Free some space (e.g. clear old drafts) and keep this tab open.',
    });
    expect(drafts.open({ code: 'link' })).toMatchObject({ ok: false, problem: 'full' });
    storage.failWrites = null;
    expect(drafts.load().current?.code).toBe('first');
  });

  test('blocked storage (SecurityError), even on access to localStorage itself', () => {
    const blocked = createDraftStore(lazyStorage(() => {
      throw securityError();
    }));
    expect(blocked.load()).toMatchObject({ current: null, history: [], status: { ok: false, problem: 'blocked' } });
    expect(blocked.save({ code: 'x' })).toMatchObject({ ok: false, problem: 'blocked', message: expect.stringContaining('Your draft could not be saved') });
    expect(blocked.keepCurrent()).toMatchObject({ ok: false, problem: 'blocked' });
    expect(blocked.restore('x')).toMatchObject({ draft: null });
    expect(blocked.forget('x')).toMatchObject({ ok: false });
  });

  test('an odd error is reported as unavailable storage', () => {
    storage.failAll = new TypeError('weird');
    expect(store().save({ code: 'x' })).toMatchObject({ ok: false, problem: 'unavailable' });
  });

  test.each([
    ['not JSON', '{"v":1,"current":'],
    ['another version', '{"v":7,"drafts":[]}'],
    ['not an object', '"hello"'],
    ['null', 'null'],
  ])('corrupted stored JSON (%s) is set aside, reported, and the store starts afresh', (_name, text) => {
    storage.data.set(DRAFTS_KEY, text);
    const drafts = store();
    expect(drafts.load()).toMatchObject({ current: null, history: [], status: { ok: false, problem: 'corrupt' } });
    expect(storage.data.get(DRAFTS_BACKUP_KEY)).toBe(text);
    expect(drafts.save({ code: 'new' })).toEqual({ ok: true });
    expect(drafts.load()).toMatchObject({ current: { code: 'new' }, status: { ok: true } });
  });

  test('damaged entries inside a valid value are dropped, the rest kept', () => {
    storage.data.set(DRAFTS_KEY, JSON.stringify({ v: 1, current: { code: 5 }, history: [{ id: 'a', code: 'ok', title: 't', savedAt: 1, origin: 'typed' }, null, { id: 'b' }] }));
    const { current, history, status } = store().load();
    expect(status).toEqual({ ok: true });
    expect(current).toBeNull();
    expect(history.map((d) => d.id)).toEqual(['a']);
  });
});
