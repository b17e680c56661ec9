import { describe, expect, test } from 'vitest';
import { encodeShare, parseLocation } from '../share/index.ts';
import type { Draft } from '../share/index.ts';
import { lengthWarning, planOpening } from './openingPlan.ts';

const catalogue = {
  example: (id: string) => (id === 'collect' ? { title: 'Collect', source: 'collect source' } : undefined),
  chapter: (id: string) => (id === 'state' ? { title: 'State', example: 'state example' } : undefined),
  fallback: { title: 'Parallel', source: 'parallel source' },
};
const draft: Draft = { id: 'd1', code: 'my code', title: 'Mine', savedAt: 1, origin: 'typed' };
const at = (where: { search?: string; hash?: string }, saved: Draft | null = draft) => planOpening(parseLocation(where), saved, catalogue);

describe('what the page opens with', () => {
  test('a plain visit restores the draft, or shows the default example', () => {
    expect(at({})).toMatchObject({ source: 'my code', open: null, notice: null });
    expect(at({}, null)).toMatchObject({ source: 'parallel source', open: null, notice: null });
  });

  test('a share link shows its code, input, seed and chapter, keeps the draft aside, and is cleared from the address', () => {
    const plan = at({ hash: encodeShare({ code: 'shared', input: { a: 1 }, seed: 7, chapter: 'state' }) });
    expect(plan.source).toBe('shared');
    expect(plan.open).toEqual({ code: 'shared', origin: 'link', title: 'Shared link', input: { a: 1 }, seed: 7, chapter: 'state' });
    expect(plan.chapter).toBe('state');
    expect(plan.notice).toEqual({ tone: 'info', message: 'Opened a shared workflow. Nothing runs until you press Run.', setsAside: true });
    expect(at({ hash: encodeShare({ code: 'shared' }) }, null).notice?.setsAside).toBe(false);
    expect(plan.clearLocation).toBe(true);
  });

  test('a share link naming an unknown chapter still opens its code', () => {
    const plan = at({ hash: encodeShare({ code: 'shared', chapter: 'from-the-future' }) });
    expect(plan).toMatchObject({ source: 'shared', chapter: null });
    expect(plan.open).not.toHaveProperty('chapter');
  });

  test('a broken link keeps the current work and says why', () => {
    for (const hash of ['#v1.', '#v1.@@@', '#v7.abc']) {
      const plan = at({ hash });
      expect(plan.source).toBe('my code');
      expect(plan.open).toBeNull();
      expect(plan.notice?.tone).toBe('error');
      expect(plan.notice?.message).toMatch(/Your draft is still here\.$/);
      expect(plan.clearLocation).toBe(true);
    }
    expect(at({ hash: '#v7.abc' }).notice?.message).toMatch(/newer Flowplay/);
  });

  test('a chapter link loads the chapter example, unless the draft is work on that chapter', () => {
    expect(at({ hash: '#chapter/state' })).toMatchObject({ source: 'state example', chapter: 'state', open: { origin: 'chapter', chapter: 'state' } });
    expect(at({ hash: '#chapter/state' }, { ...draft, chapter: 'state' })).toMatchObject({ source: 'my code', chapter: 'state', open: null });
    expect(at({ hash: '#chapter/nope' })).toMatchObject({ source: 'my code', chapter: null, notice: { tone: 'error' } });
  });

  test('an example link opens the example and keeps the draft aside', () => {
    expect(at({ search: '?example=collect' })).toMatchObject({ source: 'collect source', open: { origin: 'example', title: 'Collect' }, clearLocation: true });
    expect(at({ search: '?example=collect' }, null).notice).toBeNull();
    expect(at({ search: '?example=nope' })).toMatchObject({ source: 'my code', notice: { tone: 'error' } });
  });
});

describe('a link whose code is far longer than the screen says so', () => {
  test('short code says nothing; many lines, a very long line or a blank stretch before more code are named', () => {
    expect(lengthWarning('class A {}\n'.repeat(20))).toBe('');
    expect(lengthWarning('x\n'.repeat(1_000))).toBe(' Its code is 1,001 lines long (2 KB), far more than fits on screen; read it all before you run it.');
    expect(lengthWarning(`ok\n${'y'.repeat(5_000)}\n`)).toMatch(/a line of this code is 5,000 characters long/);
    expect(lengthWarning(`ok\n${'\n'.repeat(60)}evil()\n`)).toBe(' Careful: lines 2-61 are blank and there is more code after them (63 lines, 1 KB in all); read it all before you run it.');
  });
});
