/** What the person chose: follow the system, or one theme whatever the system says. */
export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'flowplay:theme';

/** A stored value is anything the browser kept: only the three known words count. */
export function parsePreference(stored: string | null): ThemePreference {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
}

/**
 * The theme button's next choice. From "system" it goes to the theme the system is not showing, so
 * the first press always changes what is on screen; then to the other one; then back to the system.
 */
export function nextPreference(preference: ThemePreference, systemDark: boolean): ThemePreference {
  const system: Theme = systemDark ? 'dark' : 'light';
  const other: Theme = systemDark ? 'light' : 'dark';
  if (preference === 'system') return other;
  if (preference === other) return system;
  return 'system';
}

/** Words for the button: what is on screen and why. */
export function describePreference(preference: ThemePreference, systemDark: boolean): string {
  const theme = resolveTheme(preference, systemDark);
  return preference === 'system' ? `${theme === 'dark' ? 'Dark' : 'Light'} (follows the system)` : `${theme === 'dark' ? 'Dark' : 'Light'} (your choice)`;
}
