import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { KeyValueStorage } from '../../share/safeStorage.ts';

/**
 * How the page's panes are sized: the code column's share of the width, the tutorial's share of the
 * code column (it sits above the editor), the dock's height, and the result's share beside the dock.
 */
export interface PaneSizes {
  /** Code column, % of the workspace's width. */
  code: number;
  /** Tutorial, % of the code column's height. */
  tutorial: number;
  /** Console / timeline / inspector and the result, px. */
  dock: number;
  /** Result, % of the width under the graph. */
  result: number;
}

export const PANE_LIMITS: Record<keyof PaneSizes, { min: number; max: number; initial: number }> = {
  code: { min: 24, max: 64, initial: 36 },
  tutorial: { min: 20, max: 80, initial: 48 },
  dock: { min: 120, max: 640, initial: 230 },
  result: { min: 15, max: 60, initial: 30 },
};

export const PANE_STORAGE_KEY = 'flowplay:panes';

export function clampPane(name: keyof PaneSizes, value: number): number {
  const { min, max, initial } = PANE_LIMITS[name];
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : initial;
}

export const INITIAL_PANES: PaneSizes = { code: PANE_LIMITS.code.initial, tutorial: PANE_LIMITS.tutorial.initial, dock: PANE_LIMITS.dock.initial, result: PANE_LIMITS.result.initial };

/** Sizes from storage: whatever was kept there, each number clamped, anything else the default. */
export function parsePaneSizes(stored: string | null): PaneSizes {
  let data: unknown = null;
  try {
    data = stored ? JSON.parse(stored) : null;
  } catch {
    data = null;
  }
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const sizes = { ...INITIAL_PANES };
  for (const name of Object.keys(PANE_LIMITS) as (keyof PaneSizes)[]) {
    const value = record[name];
    if (typeof value === 'number') sizes[name] = clampPane(name, value);
  }
  return sizes;
}

export type PaneStore = StoreApi<PaneSizes> & { resize(name: keyof PaneSizes, value: number): void; reset(name: keyof PaneSizes): void };

/** The sizes, remembered in `storage` a moment after the last change (a drag writes once, at its end). */
export function createPaneStore(storage: KeyValueStorage, schedule: (save: () => void) => void = (save) => save()): PaneStore {
  let stored: string | null = null;
  try {
    stored = storage.getItem(PANE_STORAGE_KEY);
  } catch {
    // Blocked storage: the default sizes, not remembered.
  }
  const store = createStore<PaneSizes>(() => parsePaneSizes(stored));
  store.subscribe((sizes) =>
    schedule(() => {
      try {
        storage.setItem(PANE_STORAGE_KEY, JSON.stringify(sizes));
      } catch {
        // Full or blocked: the sizes hold for this visit.
      }
    }),
  );
  return Object.assign(store, {
    resize: (name: keyof PaneSizes, value: number) => {
      const next = clampPane(name, value);
      if (store.getState()[name] !== next) store.setState({ [name]: next } as Partial<PaneSizes>);
    },
    reset: (name: keyof PaneSizes) => store.setState({ [name]: PANE_LIMITS[name].initial } as Partial<PaneSizes>),
  });
}
