import { resolveTheme } from '../ui/theme/themePreference.ts';
import type { EmbedTheme } from './embedOptions.ts';

/** What the embed reads of the reader's colour scheme: a `matchMedia('(prefers-color-scheme: dark)')`. */
export interface DarkQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/**
 * Keeps `data-theme` on the embed's root `light` or `dark` (which the shared colour tokens read): the
 * chosen theme, or for `auto` the reader's colour scheme, followed when it changes (a system switching
 * to dark at dusk). The host can change the choice later (the element's `theme` attribute, the
 * `set-theme` message). Unlike the playground's theme, nothing is remembered: an embed keeps nothing.
 */
export function followEmbedTheme(root: HTMLElement, choice: EmbedTheme, dark: DarkQuery): { set(choice: EmbedTheme): void } {
  let current = choice;
  const apply = () => {
    root.dataset.theme = resolveTheme(current === 'auto' ? 'system' : current, dark.matches);
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
