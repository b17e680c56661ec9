import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { GraphModel } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { JsonValue } from '../engine/jsonSafe.ts';
import type { SavedContext } from '../engine/savedContext.ts';
import type { ClockKind } from '../worker/protocol.ts';
import type { PastRun } from './runHistory.ts';
import type { ChildRun, OpenedFrom } from './childRuns.ts';
import type { ReplayVerdict } from './replayVerdict.ts';

export interface RunSettings {
  /** The start event's fields as the user typed them (JSON). */
  inputText: string;
  seed: number;
  clock: ClockKind;
  /** Playback speed, and the real clock's speed factor. */
  speed: number;
  /** Step mode: the engine pauses before each delivery and goes on one at a time. */
  stepMode: boolean;
  /** Steps the engine pauses before (breakpoints); also sent to a run in progress. */
  breakpoints: string[];
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 10] as const;

export interface RunState {
  settings: RunSettings;
  inputError: string | null;
  /** The runner's side: is the engine still working on this run? */
  engine: 'idle' | 'running' | 'done';
  /** Append-only record of the current run; a new run gets a new array. */
  trace: TraceRecord[];
  /** `trace.length`, so subscribers notice appends to the same array. */
  length: number;
  /** The graph the run was started with (edits during a run do not move its tokens). */
  graph: GraphModel | null;
  /** Playback time in presentation ms at 1x (see PlaybackSchedule). */
  now: number;
  /** Wall-clock ms (performance.now) when the last batch arrived, for following a real-clock run. */
  lastBatchAt: number;
  /**
   * Records shown when stepping record by record (null: follow `now`). Several records can share one
   * playback time, so a time alone cannot stop between them.
   */
  cursor: number | null;
  /** The view is held still (the run itself goes on): scrubbing, stepping, the pause button. */
  viewPaused: boolean;
  /**
   * The playback has shown the whole run once (or was stopped): from then on a cursor moved back is
   * looking at the past, not a run in progress.
   */
  playbackDone: boolean;
  /** Where the trace came from: a run of the code, or a saved run file (replayed, never run). */
  origin: 'live' | 'file';
  /** The source the trace was made from (edits after Run do not change it), for saving the run. */
  code: string | null;
  /** Which run this is (counting from 1 on this page); 0 before the first. */
  runNumber: number;
  /** Earlier runs, newest first, set aside when the code changed (see runHistory.ts). */
  history: PastRun[];
  /** Runs started inside steps of this run, and of those (see childRuns.ts). */
  childRuns: ChildRun[];
  /** Records in `childRuns`, so subscribers notice appends. */
  childLength: number;
  /** The views a shown child run was opened from, innermost first; empty when the run itself is shown. */
  openedFrom: OpenedFrom[];
  /** For a re-run or a fork: which run it repeats and whether it did, record for record. */
  verdict: ReplayVerdict | null;
  /**
   * A fork of the code being written: the run it forks (its number and records) and the moment;
   * Continue runs the code in the editor with that run's inputs up to there.
   */
  codeFork: { of: number; trace: TraceRecord[]; at: number; resumedFrom: SavedStart | null } | null;
  /**
   * A saved run that had not ended, loaded with its context: Resume goes on from it (with the file's
   * start input) in a new run of the same code.
   */
  resumable: SavedStart | null;
  /**
   * The saved context and start input the run on screen was resumed from, or null for a run that
   * started fresh: a re-run or a fork of it starts from the same context, or it would not repeat it.
   */
  resumedFrom: SavedStart | null;
}

/** Where a resumed run starts: a saved run's context, and the file's start input. */
export interface SavedStart {
  context: SavedContext;
  input: Record<string, JsonValue>;
}

export type RunStore = StoreApi<RunState>;

export function createRunStore(settings?: Partial<RunSettings>): RunStore {
  return createStore<RunState>(() => ({
    settings: {
      inputText: '{ "message": "Start the workflow." }',
      seed: 42,
      clock: 'virtual',
      speed: 1,
      stepMode: false,
      breakpoints: [],
      ...settings,
    },
    inputError: null,
    engine: 'idle',
    trace: [],
    length: 0,
    graph: null,
    now: 0,
    lastBatchAt: 0,
    cursor: null,
    viewPaused: false,
    playbackDone: false,
    origin: 'live',
    code: null,
    runNumber: 0,
    history: [],
    childRuns: [],
    childLength: 0,
    openedFrom: [],
    verdict: null,
    codeFork: null,
    resumable: null,
    resumedFrom: null,
  }));
}

export function updateSettings(store: RunStore, patch: Partial<RunSettings>): void {
  const settings = { ...store.getState().settings, ...patch };
  store.setState({ settings, inputError: patch.inputText === undefined ? store.getState().inputError : null });
}

export function beginRun(store: RunStore, graph: GraphModel | null, wallNow: number, code: string | null = null): TraceRecord[] {
  const trace: TraceRecord[] = [];
  const runNumber = nextRunNumber(store.getState());
  store.setState({ engine: 'running', trace, length: 0, graph, now: 0, lastBatchAt: wallNow, inputError: null, cursor: null, viewPaused: false, playbackDone: false, origin: 'live', code, runNumber, childRuns: [], childLength: 0, openedFrom: [], verdict: null, resumable: null, resumedFrom: null });
  return trace;
}

/** The number the page's next run gets: after every run shown or kept (a reopened run is an old number). */
export function nextRunNumber(state: RunState): number {
  return Math.max(state.runNumber, ...state.history.map((p) => p.number)) + 1;
}

/** No run on screen: the view is idle, counters at zero (the settings and the history stay). */
export function resetRun(store: RunStore): void {
  store.setState({ engine: 'idle', trace: [], length: 0, graph: null, now: 0, cursor: null, viewPaused: false, playbackDone: false, origin: 'live', inputError: null, code: null, childRuns: [], childLength: 0, openedFrom: [], verdict: null, resumable: null, resumedFrom: null });
}

/**
 * Appends a batch to the run that owns `trace`; batches of a superseded run are ignored. With
 * `publish: false` the records are in the trace at once (in order, for whoever reads it next) but
 * subscribers hear of them only at the next `publishTrace`: a fan-out sends its records in tens of
 * thousands of small batches, and a render per batch was most of a busy page's frame time.
 */
export function appendTrace(store: RunStore, trace: TraceRecord[], batch: readonly TraceRecord[], wallNow: number, publish = true): void {
  if (store.getState().trace !== trace) return;
  for (const record of batch) trace.push(record);
  if (publish) store.setState({ length: trace.length, lastBatchAt: wallNow });
}

/** Tells subscribers about the records appended quietly; `wallNow` is when the last batch arrived. */
export function publishTrace(store: RunStore, trace: TraceRecord[], wallNow: number): void {
  const state = store.getState();
  if (state.trace !== trace || (state.length === trace.length && state.lastBatchAt === wallNow)) return;
  store.setState({ length: trace.length, lastBatchAt: wallNow });
}

export function endRun(store: RunStore, trace: TraceRecord[]): void {
  if (store.getState().trace !== trace) return;
  store.setState({ engine: 'done', length: trace.length });
}

/** Shows the run at playback time `now` (everything recorded by then); drops a record cursor. */
export function setPlaybackTime(store: RunStore, now: number): void {
  const state = store.getState();
  if (state.now !== now || state.cursor !== null) store.setState({ now, cursor: null });
}

/** Shows exactly the first `count` records at playback time `now`, and holds the view there. */
export function setRecordCursor(store: RunStore, count: number, now: number): void {
  store.setState({ cursor: count, now, viewPaused: true });
}

/** Holds the view still (a live run goes on recording) or lets it play again from where it is. */
export function setViewPaused(store: RunStore, paused: boolean): void {
  const state = store.getState();
  if (paused) {
    if (!state.viewPaused) store.setState({ viewPaused: true });
  } else if (state.viewPaused || state.cursor !== null) {
    store.setState({ viewPaused: false, cursor: null });
  }
}

/** A saved run, to replay from the start; nothing of it runs. */
export function loadRecordedRun(store: RunStore, trace: TraceRecord[], graph: GraphModel | null, code: string | null = null, runNumber?: number): void {
  store.setState({ runNumber: runNumber ?? nextRunNumber(store.getState()), engine: 'done', trace, length: trace.length, graph, now: 0, cursor: null, viewPaused: false, playbackDone: true, origin: 'file', inputError: null, code, childRuns: [], childLength: 0, openedFrom: [], verdict: null, resumable: null, resumedFrom: null });
}

/** The playback has reached the end of a finished run: the run's status is now its ending. */
export function markPlaybackDone(store: RunStore): void {
  const state = store.getState();
  if (!state.playbackDone && state.engine === 'done') store.setState({ playbackDone: true });
}

/**
 * Stops a run that the engine has finished but the page is still playing (the virtual clock): the run
 * ends where the playback is. The records after the first `shown` give way to `ending`, and what was
 * still running then shows as cancelled, as a run stopped at that moment would.
 */
export function stopPlaybackAt(store: RunStore, shown: number, ending: (kept: TraceRecord[]) => TraceRecord): void {
  const state = store.getState();
  if (state.engine !== 'done' || state.playbackDone || state.origin !== 'live') return;
  if (shown >= state.trace.length) return void store.setState({ playbackDone: true, now: Number.POSITIVE_INFINITY, cursor: null });
  const kept = state.trace.slice(0, Math.max(0, Math.min(shown, state.trace.length)));
  const trace = [...kept, ending(kept)];
  store.setState({ trace, length: trace.length, now: Number.POSITIVE_INFINITY, cursor: null, viewPaused: false, playbackDone: true });
}
