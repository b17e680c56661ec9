import { describe, expect, test } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, embedSearch, parseEmbedOptions } from '../../../src/embed/embedOptions.ts';
import { parseEmbedMessage, parseHostMessage } from '../../../src/embed/embedProtocol.ts';
import { embedSnippet } from '../../../src/embed/embedSnippet.ts';

const envelope = { source: 'flowplay-embed', version: 1, id: 'fp1' } as const;

describe('embed messages (host side)', () => {
  test.each([
    [{ ...envelope, type: 'ready', title: 'HelloFlow', workflow: 'HelloFlow' }],
    [{ ...envelope, type: 'ready', title: 'Flowplay', workflow: null }],
    [{ ...envelope, type: 'resize', height: 612 }],
    [{ ...envelope, type: 'run-started' }],
    [{ ...envelope, type: 'run-finished', status: 'stopped', result: { answer: 42 } }],
    [{ ...envelope, type: 'run-finished', status: 'failed', error: { name: 'Error', message: 'no luck' } }],
  ])('takes %j as it is', (message) => {
    expect(parseEmbedMessage(message)).toEqual(message);
  });

  test.each([
    ['not an object', 'ready'],
    ['another source', { ...envelope, source: 'someone-else', type: 'run-started' }],
    ['a newer version', { ...envelope, version: 2, type: 'run-started' }],
    ['no id', { source: 'flowplay-embed', version: 1, type: 'run-started' }],
    ['an unknown type', { ...envelope, type: 'run' }],
    ['a height that is not a number', { ...envelope, type: 'resize', height: '600' }],
    ['a negative height', { ...envelope, type: 'resize', height: -1 }],
    ['an absurd height', { ...envelope, type: 'resize', height: 1e9 }],
    ['an unknown status', { ...envelope, type: 'run-finished', status: 'exploded' }],
    ['an error without a message', { ...envelope, type: 'run-finished', status: 'failed', error: { name: 'Error' } }],
    ['a title that is not text', { ...envelope, type: 'ready', title: 3, workflow: null }],
  ])('refuses %s', (_why, message) => {
    expect(parseEmbedMessage(message)).toBeNull();
  });

  test('keeps only the known fields', () => {
    expect(parseEmbedMessage({ ...envelope, type: 'run-started', extra: '<img onerror=…>' })).toEqual({ ...envelope, type: 'run-started' });
  });
});

describe('host messages (embed side)', () => {
  test('a theme is the only thing a host can ask for', () => {
    for (const theme of ['dark', 'light', 'auto'] as const) {
      expect(parseHostMessage({ source: 'flowplay-host', version: 1, type: 'set-theme', theme })).toEqual({ source: 'flowplay-host', version: 1, type: 'set-theme', theme });
    }
    for (const message of [
      { source: 'flowplay-host', version: 1, type: 'run' },
      { source: 'flowplay-host', version: 1, type: 'set-theme', theme: 'neon' },
      { source: 'flowplay-host', version: 2, type: 'set-theme', theme: 'dark' },
      { source: 'flowplay-embed', version: 1, type: 'set-theme', theme: 'dark' },
      null,
      'set-theme',
    ]) {
      expect(parseHostMessage(message)).toBeNull();
    }
  });
});

describe('embed options', () => {
  test("defaults: read-only, every pane, the code first, the reader's colour scheme", () => {
    expect(parseEmbedOptions('')).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(DEFAULT_EMBED_OPTIONS).toEqual({ editable: false, panes: ['graph', 'code', 'console'], tab: 'code', theme: 'auto', id: '' });
  });

  test('a theme is light, dark or the reader\'s, and written only when chosen', () => {
    expect(parseEmbedOptions('?theme=light').theme).toBe('light');
    expect(parseEmbedOptions('?theme=dark').theme).toBe('dark');
    expect(parseEmbedOptions('?theme=auto').theme).toBe('auto');
    expect(embedSearch({ theme: 'light' })).toBe('?theme=light');
    expect(embedSearch({ theme: 'auto' })).toBe('');
  });

  test('read back what embedSearch wrote', () => {
    const options = { editable: true, panes: ['graph', 'console'] as const, tab: 'console' as const, theme: 'dark' as const, id: 'fp7' };
    expect(parseEmbedOptions(embedSearch({ ...options, panes: [...options.panes] }))).toEqual({ ...options, panes: ['graph', 'console'] });
    expect(embedSearch(DEFAULT_EMBED_OPTIONS)).toBe('');
  });

  test('bad values fall back, and the first tab is one that shows', () => {
    expect(parseEmbedOptions('?panes=graph,console,bogus&tab=code&theme=neon&id=<x>&editable=maybe')).toEqual({
      editable: false,
      panes: ['graph', 'console'],
      tab: 'console',
      theme: 'auto',
      id: '',
    });
    expect(parseEmbedOptions('?panes=nothing').panes).toEqual(['graph', 'code', 'console']);
  });

  test('there is no option that runs the code', () => {
    expect(Object.keys(parseEmbedOptions('?autoplay=1&run=1'))).not.toContain('autoplay');
  });
});

describe('embed snippet', () => {
  test('the element script and the link, from the deployment the playground runs under', () => {
    expect(embedSnippet('https://example.org/tools/flowplay/', '#v1.abc')).toBe(
      '<script src="https://example.org/tools/flowplay/flowplay-embed.js"></script>\n<flowplay-embed src="https://example.org/tools/flowplay/#v1.abc"></flowplay-embed>',
    );
    expect(embedSnippet('https://example.org/tools/flowplay/index.html', '#v1.abc')).toContain('src="https://example.org/tools/flowplay/#v1.abc"');
  });
});
