import { describe, expect, test } from 'vitest';
import { chapterHash, encodeShare, exampleSearch, parseLocation } from '../../../src/share/index.ts';

describe('what the address asks to open', () => {
  test('a share link, decoded (and never run)', () => {
    const hash = encodeShare({ code: 'x', chapter: 'state' });
    expect(parseLocation({ hash, search: '' })).toEqual({ kind: 'share', result: { ok: true, state: { code: 'x', chapter: 'state' }, version: 1 } });
  });

  test('a broken share link still counts as a share link, so the page can say it is broken', () => {
    const cut = encodeShare({ code: 'a workflow '.repeat(50) }).slice(0, 30);
    expect(parseLocation({ hash: cut })).toMatchObject({ kind: 'share', result: { ok: false, reason: 'truncated' } });
    expect(parseLocation({ hash: '#v1.abc' })).toMatchObject({ kind: 'share', result: { ok: false, reason: 'not-gzip' } });
    expect(parseLocation({ hash: '#v9.abc' })).toMatchObject({ kind: 'share', result: { ok: false, reason: 'newer-version' } });
  });

  test('a chapter and an example, and links made for them', () => {
    expect(parseLocation({ hash: '#chapter/map-reduce' })).toEqual({ kind: 'chapter', id: 'map-reduce' });
    expect(parseLocation({ hash: chapterHash('fan-out-fan-in') })).toEqual({ kind: 'chapter', id: 'fan-out-fan-in' });
    expect(parseLocation({ search: '?example=retrieval' })).toEqual({ kind: 'example', id: 'retrieval' });
    expect(parseLocation({ search: exampleSearch('agent-loop') + '&x=1' })).toEqual({ kind: 'example', id: 'agent-loop' });
  });

  test('a share link wins over ?example=; junk ids and empty addresses open nothing', () => {
    expect(parseLocation({ search: '?example=parallel', hash: encodeShare({ code: 'y' }) }).kind).toBe('share');
    expect(parseLocation({ search: '?example=parallel', hash: '#chapter/state' })).toEqual({ kind: 'chapter', id: 'state' });
    expect(parseLocation({ hash: '#chapter/%E0%A4%A' })).toEqual({ kind: 'none' });
    expect(parseLocation({ hash: '#chapter/<script>' })).toEqual({ kind: 'none' });
    expect(parseLocation({ search: '?example=' })).toEqual({ kind: 'none' });
    expect(parseLocation({})).toEqual({ kind: 'none' });
  });
});
