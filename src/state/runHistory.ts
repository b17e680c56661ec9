import type { GraphModel } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import { resetRun } from './runStore.ts';
import type { RunStore, SavedStart } from './runStore.ts';
import type { ReplayVerdict } from './replayVerdict.ts';
import { statusOf } from './runList.ts';

/** How many earlier runs are kept (each holds its trace; the page's memory is the limit). */
export const HISTORY_SIZE = 8;

/** A run set aside because the code changed: reachable, and shown again only with its own code. */
export interface PastRun {
  /** 1 for the page's first run, counting up. */
  number: number;
  code: string;
  graph: GraphModel | null;
  trace: TraceRecord[];
  /** How it ended, from its last record (`running` when it was cut short by the edit). */
  status: string;
  events: number;
  origin: 'live' | 'file';
  /** For a re-run or a fork: the run it came from, and what the fork changed. */
  parent?: number;
  change?: string | null;
  /** For a re-run or a fork: how it compared with the run it came from, shown again when it is reopened. */
  verdict?: ReplayVerdict;
  /** For a run resumed from a saved one: where it started (see `RunState.resumedFrom`). */
  resumedFrom?: SavedStart;
}

/**
 * Sets the run on screen aside into the history when the code it came from is no longer the code
 * in the editor, leaving the view idle: the old run's counters, console and result are never drawn
 * over code it did not come from. Returns whether it did.
 */
export function setRunAside(run: RunStore, source: string): boolean {
  const state = run.getState();
  if (state.trace.length === 0 || state.code === null || state.code === source) return false;
  keepInHistory(run);
  resetRun(run);
  return true;
}

/** Puts the run on screen into the history (newest first) and leaves it on screen. */
export function keepInHistory(run: RunStore): void {
  const state = run.getState();
  if (state.trace.length === 0 || state.code === null) return;
  // With a child run open, the run kept is the one it was opened from.
  const trace = state.openedFrom.at(-1)?.trace ?? state.trace;
  const past: PastRun = {
    number: state.runNumber,
    code: state.code,
    graph: state.graph,
    trace,
    status: statusOf(trace),
    events: trace.filter((r) => r.kind === 'event.emitted').length,
    origin: state.origin,
    ...(state.verdict ? { parent: state.verdict.of, change: state.verdict.change, verdict: state.verdict } : {}),
    ...(state.resumedFrom ? { resumedFrom: state.resumedFrom } : {}),
  };
  const history = [past, ...state.history.filter((p) => p.trace !== trace)].slice(0, HISTORY_SIZE);
  run.setState({ history });
}
