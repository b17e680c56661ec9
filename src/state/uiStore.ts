import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

export type BottomPanel = 'console' | 'problems';

/** The tabs of the dock under the graph. */
export type DockTab = 'console' | 'timeline' | 'inspector' | 'runs';

/** Two runs of the page being compared, by number: the second is drawn against the first. */
export interface ComparePair {
  first: number;
  second: number;
}

/**
 * What the inspector shows: one event or one invocation of the run, by its trace id, or every event
 * of a type (what an event node stands for).
 */
export type Selection = { kind: 'event'; id: number } | { kind: 'invocation'; id: number } | { kind: 'eventType'; type: string };

export interface UiState {
  /** The step the user is looking at: from a node click or from the editor cursor. */
  selectedStep: string | null;
  /** Where the selection came from, so the editor does not move its own cursor in a loop. */
  selectedBy: 'graph' | 'editor' | null;
  panel: BottomPanel;
  /**
   * A request for the editor to put its cursor (and selection) here; bumped `nonce` repeats it.
   * `inPlace`: without moving the page to the editor (see `revealInEditor`).
   */
  reveal: { from: number; to: number; nonce: number; inPlace: boolean } | null;
  selection: Selection | null;
  dock: DockTab;
  /** The runs compared in the Runs tab; the graph is coloured by where the second went differently. */
  compare: ComparePair | null;
  /**
   * While a comparison is shown: how each step (by name) and event type of the graph fared in the
   * second run, for the graph to colour its nodes.
   */
  compareMarks: CompareMarks | null;
  /** The fork editor is open; `event`: the event it starts on (from an inspector item), if any. */
  fork: { event: number | null } | null;
  /** "Why is it stuck?" is open under the playback bar. */
  whyStuck: boolean;
}

export interface CompareMarks {
  steps: Record<string, string>;
  events: Record<string, string>;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>(() => ({ selectedStep: null, selectedBy: null, panel: 'console', reveal: null, selection: null, dock: 'console', compare: null, compareMarks: null, fork: null, whyStuck: false }));
}

export function selectStep(store: UiStore, step: string | null, by: 'graph' | 'editor'): void {
  const state = store.getState();
  if (state.selectedStep === step && state.selectedBy === by) return;
  store.setState({ selectedStep: step, selectedBy: by });
}

export function showPanel(store: UiStore, panel: BottomPanel): void {
  store.setState({ panel });
}

/**
 * Selects code in the editor and scrolls the editor to it. `inPlace` keeps the page where it is: a
 * click in the graph shows the code it stands for, but when the panes are stacked (below 1100 px) the
 * editor is above the graph, and bringing it into view took the user away from the graph and the
 * inspector they were reading.
 */
export function revealInEditor(store: UiStore, from: number, to: number, inPlace = false): void {
  const nonce = (store.getState().reveal?.nonce ?? 0) + 1;
  store.setState({ reveal: { from, to, nonce, inPlace } });
}

/** Selects an event or invocation; `show` brings the inspector's tab to the front. */
export function selectItem(store: UiStore, selection: Selection | null, show = true): void {
  const state = store.getState();
  const same = selectionKey(state.selection) === selectionKey(selection);
  const dock = show && selection ? 'inspector' : state.dock;
  if (same && dock === state.dock) return;
  store.setState({ selection, dock });
}

export function showDock(store: UiStore, dock: DockTab): void {
  if (store.getState().dock !== dock) store.setState({ dock });
}

/** Compares two runs of the page and shows the comparison; null closes it. */
export function compareRunPair(store: UiStore, pair: ComparePair | null): void {
  store.setState(pair ? { compare: pair, dock: 'runs' } : { compare: null });
}

/** Opens the fork editor (on `event`, when one is named) or closes it (null). */
export function openForkEditor(store: UiStore, fork: { event: number | null } | null): void {
  store.setState({ fork });
}

/** Opens or closes "Why is it stuck?". */
export function openWhyStuck(store: UiStore, open: boolean): void {
  store.setState({ whyStuck: open });
}

/** One string per selection: `event:3`, `invocation:1`, `eventType:StepThreeEvent`. */
export function selectionKey(selection: Selection | null): string {
  if (!selection) return '';
  return selection.kind === 'eventType' ? `eventType:${selection.type}` : `${selection.kind}:${selection.id}`;
}
