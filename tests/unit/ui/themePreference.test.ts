import { describe, expect, it } from 'vitest';
import { createThemeController } from '../../../src/ui/theme/themeController.ts';
import { nextPreference, parsePreference, resolveTheme } from '../../../src/ui/theme/themePreference.ts';
import type { Theme } from '../../../src/ui/theme/themePreference.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

function fakeMedia(matches: boolean) {
  const listeners: ((event: { matches: boolean }) => void)[] = [];
  return {
    matches,
    addEventListener: (_: string, listener: (event: { matches: boolean }) => void) => void listeners.push(listener),
    change(next: boolean) {
      this.matches = next;
      for (const listener of listeners) listener({ matches: next });
    },
  };
}

describe('theme preference', () => {
  it('reads only the words it knows from storage; anything else follows the system', () => {
    expect(['light', 'dark', 'system', null, 'DARK', '{"x":1}'].map(parsePreference)).toEqual(['light', 'dark', 'system', 'system', 'system', 'system']);
  });

  it('the first press always changes what is on screen, and the third goes back to the system', () => {
    for (const systemDark of [false, true]) {
      const seen: string[] = [];
      let preference = parsePreference(null);
      for (let i = 0; i < 3; i++) {
        preference = nextPreference(preference, systemDark);
        seen.push(`${preference}:${resolveTheme(preference, systemDark)}`);
      }
      expect(seen).toEqual(systemDark ? ['light:light', 'dark:dark', 'system:dark'] : ['dark:dark', 'light:light', 'system:light']);
    }
  });
});

describe('theme controller', () => {
  it('applies the system theme, follows its changes, and stops following once a theme is chosen', () => {
    const applied: Theme[] = [];
    const media = fakeMedia(false);
    const storage = memoryStorage();
    const controller = createThemeController({ storage, media, apply: (theme) => applied.push(theme) });
    media.change(true);
    controller.cycle(); // system (dark) -> light
    media.change(false);
    media.change(true);
    expect(applied).toEqual(['light', 'dark', 'light']);
    expect(storage.data.get('flowplay:theme')).toBe('light');
  });

  it('remembers the choice for the next visit, and forgets it when set back to the system', () => {
    const storage = memoryStorage({ 'flowplay:theme': 'dark' });
    const applied: Theme[] = [];
    const controller = createThemeController({ storage, media: fakeMedia(false), apply: (theme) => applied.push(theme) });
    expect(applied).toEqual(['dark']);
    controller.set('system');
    expect(applied).toEqual(['dark', 'light']);
    expect(storage.data.has('flowplay:theme')).toBe(false);
  });

  it('works with storage that throws: the choice holds for the visit', () => {
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => { throw new Error('blocked'); } };
    const applied: Theme[] = [];
    const controller = createThemeController({ storage: broken, media: null, apply: (theme) => applied.push(theme) });
    controller.cycle();
    expect(applied).toEqual(['light', 'dark']);
    expect(controller.store.getState().preference).toBe('dark');
  });
});
