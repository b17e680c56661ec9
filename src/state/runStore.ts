import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { GraphModel } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { ClockKind } from '../worker/protocol.ts';

export interface RunSettings {
  /** The start event's fields as the user typed them (JSON). */
  inputText: string;
  seed: number;
  clock: ClockKind;
  /** Playback speed, and the real clock's speed factor. */
  speed: number;
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
}

export type RunStore = StoreApi<RunState>;

export function createRunStore(settings?: Partial<RunSettings>): RunStore {
  return createStore<RunState>(() => ({
    settings: { inputText: '{ "message": "Start the workflow." }', seed: 42, clock: 'virtual', speed: 1, ...settings },
    inputError: null,
    engine: 'idle',
    trace: [],
    length: 0,
    graph: null,
    now: 0,
    lastBatchAt: 0,
  }));
}

export function updateSettings(store: RunStore, patch: Partial<RunSettings>): void {
  const settings = { ...store.getState().settings, ...patch };
  store.setState({ settings, inputError: patch.inputText === undefined ? store.getState().inputError : null });
}

export function beginRun(store: RunStore, graph: GraphModel | null, wallNow: number): TraceRecord[] {
  const trace: TraceRecord[] = [];
  store.setState({ engine: 'running', trace, length: 0, graph, now: 0, lastBatchAt: wallNow, inputError: null });
  return trace;
}

/** Appends a batch to the run that owns `trace`; batches of a superseded run are ignored. */
export function appendTrace(store: RunStore, trace: TraceRecord[], batch: readonly TraceRecord[], wallNow: number): void {
  if (store.getState().trace !== trace) return;
  for (const record of batch) trace.push(record);
  store.setState({ length: trace.length, lastBatchAt: wallNow });
}

export function endRun(store: RunStore, trace: TraceRecord[]): void {
  if (store.getState().trace !== trace) return;
  store.setState({ engine: 'done', length: trace.length });
}

export function setPlaybackTime(store: RunStore, now: number): void {
  if (store.getState().now !== now) store.setState({ now });
}
