import { useSyncExternalStore } from 'react';
import type { Theme } from './themePreference.ts';

/**
 * The theme the page shows, read from `data-theme` on the root element: the playground's theme
 * button and the embed's host both write it there, so whatever draws outside the style sheets (the
 * editor, the graph's canvas parts, the timeline) follows either.
 */
export function useDocumentTheme(): Theme {
  return useSyncExternalStore(subscribe, documentTheme, () => 'light');
}

export function documentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
