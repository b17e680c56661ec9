import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/**
 * One query for the page, made on first use. Every edge reads it at every render, and while a run
 * plays that is every edge at every frame: `matchMedia` parses the query and makes a new list each
 * time (about 3 ms a second of the page's thread in a profile of a 10,000-event run), where reading
 * `matches` of a kept list is a lookup.
 */
let media: MediaQueryList | null | undefined;

function query(): MediaQueryList | null {
  if (media === undefined) media = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
  return media;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  if (list === null) return () => {};
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const reducedNow = (): boolean => query()?.matches ?? false;

/** Whether the user asked the system for less motion. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, reducedNow, () => false);
}
