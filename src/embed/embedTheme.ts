import type { EmbedTheme } from './embedOptions.ts';

/** What the embed reads of the reader's colour scheme: a `matchMedia('(prefers-color-scheme: dark)')`. */
export interface DarkQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/**
 * Keeps `data-theme` on the embed's root `light` or `dark`: the chosen theme, or for `auto` the
 * reader's colour scheme, followed when it changes (a system switching to dark at dusk). The host can
 * change the choice later (the element's `theme` attribute, the `set-theme` message).
 */
export function createThemeController(root: HTMLElement, choice: EmbedTheme, dark: DarkQuery): { set(choice: EmbedTheme): void } {
  let current = choice;
  const apply = () => {
    root.dataset.theme = current === 'auto' ? (dark.matches ? 'dark' : 'light') : current;
  };
  dark.addEventListener('change', () => {
    if (current === 'auto') apply();
  });
  apply();
  return {
    set(next) {
      current = next;
      apply();
    },
  };
}
