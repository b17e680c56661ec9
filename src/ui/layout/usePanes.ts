import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createPaneStore } from './paneSizes.ts';
import type { PaneSizes, PaneStore } from './paneSizes.ts';

export const PaneContext = createContext<PaneStore | null>(null);

/** Sizes for a page without a store given (tests, previews): remembered nowhere. */
const unsaved = createPaneStore({ getItem: () => null, setItem: () => undefined, removeItem: () => undefined });

export function usePanes(): { sizes: PaneSizes; panes: PaneStore } {
  const panes = useContext(PaneContext) ?? unsaved;
  return { sizes: useStore(panes), panes };
}
