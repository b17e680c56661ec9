import { describe, expect, test } from 'vitest';
import { followEmbedTheme } from '../../../src/embed/embedTheme.ts';
import type { DarkQuery } from '../../../src/embed/embedTheme.ts';

/** A reader's colour scheme that the test can switch, as a system does at dusk. */
function scheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query: DarkQuery & { switch(dark: boolean): void } = {
    matches: dark,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    switch(next) {
      (query as { matches: boolean }).matches = next;
      for (const listener of listeners) listener();
    },
  };
  return query;
}

const root = () => ({ dataset: {} as Record<string, string> }) as unknown as HTMLElement;

describe('the embed theme', () => {
  test('auto follows the reader, and keeps following', () => {
    const el = root();
    const reader = scheme(true);
    followEmbedTheme(el, 'auto', reader);
    expect(el.dataset.theme).toBe('dark');
    reader.switch(false);
    expect(el.dataset.theme).toBe('light');
  });

  test('a chosen theme holds whatever the reader prefers, until the host chooses again', () => {
    const el = root();
    const reader = scheme(true);
    const theme = followEmbedTheme(el, 'light', reader);
    expect(el.dataset.theme).toBe('light');
    reader.switch(false);
    reader.switch(true);
    expect(el.dataset.theme).toBe('light');
    theme.set('dark');
    expect(el.dataset.theme).toBe('dark');
    theme.set('auto');
    expect(el.dataset.theme).toBe('dark');
    reader.switch(false);
    expect(el.dataset.theme).toBe('light');
  });
});
