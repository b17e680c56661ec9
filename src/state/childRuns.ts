/**
 * Child runs: workflow runs started inside a step of the run on screen (their `run.started` names the
 * parent run, step and invocation). The runner streams their records along with the run's own; they
 * are kept apart here, one trace per child, and a child can be opened in place of its parent (the
 * graph, timeline, inspector and console then show it) and left again the way it was opened.
 */
import type { RunStartedRecord, TraceRecord } from '../engine/trace.ts';
import type { RunState, RunStore } from './runStore.ts';

export interface ChildRun {
  runId: string;
  workflow: string;
  parentRun: string;
  parentStep: string | null;
  parentInvocation: number | null;
  /** Its records, appended in place as they arrive. */
  trace: TraceRecord[];
}

/** The view of a run that a child was opened from, to go back to. */
export interface OpenedFrom {
  trace: TraceRecord[];
  now: number;
  cursor: number | null;
  viewPaused: boolean;
  /** The invocation that started the child, to select on the way back. */
  invocation: number | null;
}

/**
 * Splits a batch of the runner into the records of the run it started (the first run without a
 * parent, and records before any run) and those of its child runs, by run id.
 */
export class FamilySplitter {
  private root: string | null = null;
  private readonly family = new Set<string>();

  split(batch: readonly TraceRecord[]): { own: TraceRecord[]; children: TraceRecord[] } {
    const own: TraceRecord[] = [];
    const children: TraceRecord[] = [];
    for (const record of batch) {
      if (record.kind === 'run.started') {
        if (this.root === null && record.parentRun === undefined) this.root = record.runId;
        else if (record.parentRun !== undefined && (record.parentRun === this.root || this.family.has(record.parentRun))) this.family.add(record.runId);
      }
      if (this.family.has(record.runId)) children.push(record);
      else if (this.root === null || record.runId === this.root || record.runId === 'host') own.push(record);
    }
    return { own, children };
  }
}

/** Adds child-run records to the run that owns `trace` (the one begun with it); others are ignored. */
export function appendChildRecords(store: RunStore, trace: TraceRecord[], records: readonly TraceRecord[]): void {
  if (records.length === 0) return;
  const state = store.getState();
  if (state.trace !== trace && state.openedFrom[0]?.trace !== trace) return;
  let childRuns = state.childRuns;
  for (const record of records) {
    let child = childRuns.find((c) => c.runId === record.runId);
    if (!child && record.kind === 'run.started') {
      child = childOf(record);
      childRuns = [...childRuns, child];
    }
    child?.trace.push(record);
  }
  store.setState({ childRuns, childLength: state.childLength + records.length });
}

function childOf(record: RunStartedRecord): ChildRun {
  return {
    runId: record.runId,
    workflow: record.workflow,
    parentRun: record.parentRun ?? '',
    parentStep: record.parentStep ?? null,
    parentInvocation: record.parentInvocation ?? null,
    trace: [],
  };
}

/** The run id of the trace on screen (its `run.started`), or null before it started. */
export function runIdOf(trace: readonly TraceRecord[]): string | null {
  const first = trace[0];
  return first && first.kind === 'run.started' ? first.runId : (trace.find((r) => r.kind === 'run.started')?.runId ?? null);
}

/** Child runs of the run on screen, optionally only those started by one invocation. */
export function childRunsOf(state: Pick<RunState, 'trace' | 'childRuns'>, invocation?: number): ChildRun[] {
  const runId = runIdOf(state.trace);
  if (runId === null) return [];
  return state.childRuns.filter((c) => c.parentRun === runId && (invocation === undefined || c.parentInvocation === invocation));
}

/** The child run shown now, when one was opened. */
export function shownChild(state: Pick<RunState, 'trace' | 'childRuns' | 'openedFrom'>): ChildRun | null {
  if (state.openedFrom.length === 0) return null;
  return state.childRuns.find((c) => c.trace === state.trace) ?? null;
}

/**
 * Shows a child run in place of the run on screen, from its start to its end; the view it leaves is
 * kept to come back to. Only once the runner is done: a live run's records keep going to its own trace.
 */
export function openChildRun(store: RunStore, runId: string): boolean {
  const state = store.getState();
  const child = state.childRuns.find((c) => c.runId === runId);
  if (!child || state.engine === 'running' || child.trace === state.trace) return false;
  const from: OpenedFrom = { trace: state.trace, now: state.now, cursor: state.cursor, viewPaused: state.viewPaused, invocation: child.parentInvocation };
  store.setState({ openedFrom: [from, ...state.openedFrom], trace: child.trace, length: child.trace.length, now: Number.POSITIVE_INFINITY, cursor: null, viewPaused: false });
  return true;
}

/** Goes back to the run the shown child was opened from, as it was left; returns the invoking invocation. */
export function closeChildRun(store: RunStore): number | null {
  const state = store.getState();
  const [from, ...rest] = state.openedFrom;
  if (!from) return null;
  store.setState({ openedFrom: rest, trace: from.trace, length: from.trace.length, now: from.now, cursor: from.cursor, viewPaused: from.viewPaused });
  return from.invocation;
}
