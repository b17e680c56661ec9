import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { KeyValueStorage } from '../../share/safeStorage.ts';
import { THEME_STORAGE_KEY, nextPreference, parsePreference, resolveTheme } from './themePreference.ts';
import type { Theme, ThemePreference } from './themePreference.ts';

export interface ThemeState {
  preference: ThemePreference;
  systemDark: boolean;
  theme: Theme;
}

export interface ThemeController {
  store: StoreApi<ThemeState>;
  /** The theme button: next choice, remembered. */
  cycle(): void;
  set(preference: ThemePreference): void;
}

interface SystemThemeQuery {
  matches: boolean;
  addEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void;
}

interface ThemeHost {
  storage: KeyValueStorage;
  /** `matchMedia('(prefers-color-scheme: dark)')`, or null where there is none. */
  media: SystemThemeQuery | null;
  /** Where the theme is written for the style sheets (`data-theme` on the root element). */
  apply(theme: Theme): void;
}

/** Keeps the page's theme: the stored choice, else the system's, and follows the system as it changes. */
export function createThemeController(host: ThemeHost): ThemeController {
  let stored: string | null = null;
  try {
    stored = host.storage.getItem(THEME_STORAGE_KEY);
  } catch {
    // Storage blocked: the system's theme it is, for this visit.
  }
  const preference = parsePreference(stored);
  const systemDark = host.media?.matches ?? false;
  const store = createStore<ThemeState>(() => ({ preference, systemDark, theme: resolveTheme(preference, systemDark) }));
  const update = (next: Partial<ThemeState>) => {
    const merged = { ...store.getState(), ...next };
    store.setState({ ...merged, theme: resolveTheme(merged.preference, merged.systemDark) });
  };
  host.apply(store.getState().theme);
  store.subscribe((state, previous) => {
    if (state.theme !== previous.theme) host.apply(state.theme);
  });
  host.media?.addEventListener('change', (event) => update({ systemDark: event.matches }));

  const set = (next: ThemePreference) => {
    update({ preference: next });
    try {
      if (next === 'system') host.storage.removeItem(THEME_STORAGE_KEY);
      else host.storage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not remembered, but applied: the choice still holds until the page closes.
    }
  };
  return {
    store,
    set,
    cycle: () => set(nextPreference(store.getState().preference, store.getState().systemDark)),
  };
}
