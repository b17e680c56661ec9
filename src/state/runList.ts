import type { TraceRecord } from '../engine/trace.ts';
import type { RunState } from './runStore.ts';

/** A run of this page as the run list shows it: the one on screen or one from the history. */
export interface ListedRun {
  number: number;
  trace: readonly TraceRecord[];
  code: string | null;
  status: string;
  seed: number | null;
  clock: 'virtual' | 'real' | null;
  /** Workflow time of its last record, ms. */
  duration: number;
  events: number;
  origin: 'live' | 'file';
  /** For a re-run or a fork: the run it came from, and what the fork changed (null for a re-run). */
  parent: number | null;
  change: string | null;
  onScreen: boolean;
  /** How deep in the tree of forks it sits (0: a run of its own). */
  depth: number;
}

/**
 * The page's runs, as a tree of forks: each run of its own, newest first, followed by the re-runs and
 * forks made from it (and theirs), newest first. A fork whose parent is no longer kept stands alone.
 */
export function listRuns(state: RunState): ListedRun[] {
  const flat: ListedRun[] = [];
  if (state.trace.length > 0 && state.code !== null) {
    const trace = state.openedFrom.at(-1)?.trace ?? state.trace;
    flat.push(listed(state.runNumber, trace, state.code, state.origin, state.verdict?.of ?? null, state.verdict?.change ?? null, true));
  }
  for (const past of state.history) {
    if (past.number === state.runNumber && flat.length > 0) continue;
    flat.push(listed(past.number, past.trace, past.code, past.origin, past.parent ?? null, past.change ?? null, false));
  }
  flat.sort((a, b) => b.number - a.number);
  const known = new Set(flat.map((r) => r.number));
  const children = new Map<number, ListedRun[]>();
  const roots: ListedRun[] = [];
  for (const run of flat) {
    if (run.parent !== null && known.has(run.parent) && run.parent !== run.number) (children.get(run.parent) ?? children.set(run.parent, []).get(run.parent)!).push(run);
    else roots.push(run);
  }
  const out: ListedRun[] = [];
  const visit = (run: ListedRun, depth: number) => {
    out.push({ ...run, depth });
    for (const child of children.get(run.number) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return out;
}

function listed(number: number, trace: readonly TraceRecord[], code: string | null, origin: 'live' | 'file', parent: number | null, change: string | null, onScreen: boolean): ListedRun {
  const started = trace.find((r) => r.kind === 'run.started');
  return {
    number,
    trace,
    code,
    status: statusOf(trace),
    seed: started?.kind === 'run.started' ? started.seed : null,
    clock: clockOf(trace),
    duration: trace.at(-1)?.t ?? 0,
    events: trace.filter((r) => r.kind === 'event.emitted').length,
    origin,
    parent,
    change,
    onScreen,
    depth: 0,
  };
}

/** The clock the run ran on, as its own start says (the settings may have changed since), or null before it starts. */
export function clockOf(trace: readonly TraceRecord[]): 'virtual' | 'real' | null {
  const started = trace.find((r) => r.kind === 'run.started');
  return started?.kind === 'run.started' ? started.clock : null;
}

/** The run's end (a note or a console record may follow it), or `running` when it has none. */
export function statusOf(trace: readonly TraceRecord[]): string {
  for (let i = trace.length - 1; i >= 0; i--) {
    const record = trace[i]!;
    if (record.kind === 'run.finished') return record.status;
  }
  return 'running';
}

/**
 * A short name for a program text (FNV-1a, 6 hex digits), so runs made from the same code show the
 * same mark and a run made from other code is told apart at a glance.
 */
export function codeMark(code: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}
