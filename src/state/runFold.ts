import { isPageWritten } from './pageNotes.ts';
import type { ErrorInfo, RunFinishedRecord, RunStatus, StepInfo, TraceRecord } from '../engine/trace.ts';

export type StepState = 'idle' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CollectView {
  type: string;
  have: number;
  need: number;
}

export interface StepView {
  name: string;
  state: StepState;
  running: number;
  queued: number;
  numWorkers: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Latest `collectEvents` progress of the step, per type in the order it was asked for. */
  collect: CollectView[] | null;
  error: ErrorInfo | null;
}

export interface ConsoleLine {
  seq: number;
  t: number;
  step: string | null;
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
  /** Written by the page itself (a note about the run), not by the run's code or the runner. */
  fromPage?: true;
}

interface StepAcc {
  running: number;
  queued: number;
  numWorkers: number;
  done: number;
  failed: number;
  cancelled: number;
  last: 'done' | 'failed' | 'cancelled' | null;
  collect: CollectView[] | null;
  error: ErrorInfo | null;
}

type InvocationPhase = 'queued' | 'running' | 'ended';

/**
 * The running totals of a trace prefix: a left fold over records, kept mutable so that playing forward
 * costs only the new records. `RunFold.of(records, n)` is the pure view of it.
 */
export class RunFold {
  cursor = 0;
  status: 'idle' | 'running' | RunStatus = 'idle';
  workflow: string | null = null;
  finished: RunFinishedRecord | null = null;
  /** Index of the `run.finished` record, or -1. */
  finishedAt = -1;
  /** The step whose failure (after its retries) ended the run, when one did. */
  failedStep: string | null = null;
  /** Workflow time of the last folded record. */
  t = 0;
  readonly steps = new Map<string, StepAcc>();
  readonly eventCounts = new Map<string, number>();
  /** Event id -> type, for colouring tokens and naming what a step received. */
  readonly eventTypes: string[] = [];
  readonly console: ConsoleLine[] = [];
  private readonly phases: (InvocationPhase | undefined)[] = [];
  private readonly invocationStep: string[] = [];

  static of(records: readonly TraceRecord[], count = records.length): RunFold {
    const fold = new RunFold();
    fold.advance(records, count);
    return fold;
  }

  advance(records: readonly TraceRecord[], to: number): void {
    for (let i = this.cursor; i < to; i++) {
      const r = records[i]!;
      if (r.kind === 'run.finished') this.finishedAt = i;
      this.apply(r);
    }
    this.cursor = Math.max(this.cursor, to);
  }

  stepView(name: string): StepView {
    const acc = this.steps.get(name) ?? blankStep(1);
    const state: StepState =
      acc.running > 0 ? 'running' : acc.queued > 0 ? 'queued' : (acc.last ?? 'idle');
    return {
      name,
      state,
      running: acc.running,
      queued: acc.queued,
      numWorkers: acc.numWorkers,
      done: acc.done,
      failed: acc.failed,
      cancelled: acc.cancelled,
      collect: acc.collect,
      error: acc.error,
    };
  }

  private step(name: string): StepAcc {
    let acc = this.steps.get(name);
    if (!acc) {
      acc = blankStep(1);
      this.steps.set(name, acc);
    }
    return acc;
  }

  private apply(r: TraceRecord): void {
    this.t = Math.max(this.t, r.t);
    switch (r.kind) {
      case 'run.started':
        this.status = 'running';
        this.workflow = r.workflow;
        for (const s of r.steps) this.steps.set(s.name, blankStep(numWorkersOf(s)));
        break;
      case 'run.finished':
        this.status = r.status;
        this.finished = r;
        // Anything still shown as busy ended with the run (e.g. a runner that had to be replaced).
        for (let inv = 0; inv < this.phases.length; inv++) {
          const phase = this.phases[inv];
          if (phase === 'running' || phase === 'queued') this.end(inv, 'cancelled');
        }
        // A step's failure is already in the console from its `step.failed`; say it once.
        if (r.error && r.status !== 'stopped' && !(r.status === 'failed' && this.failedStep !== null)) {
          this.console.push({ seq: r.seq, t: r.t, step: r.error.step ?? null, level: 'error', text: `${r.error.name}: ${r.error.message}`, ...(isPageWritten(r) ? { fromPage: true as const } : {}) });
        }
        break;
      case 'event.emitted':
        this.eventTypes[r.event] = r.type;
        this.eventCounts.set(r.type, (this.eventCounts.get(r.type) ?? 0) + 1);
        for (const d of r.to) if (d.queued !== undefined) this.queue(d.step, d.invocation);
        break;
      case 'step.queued':
        this.queue(r.step, r.invocation);
        break;
      case 'step.started': {
        this.invocationStep[r.invocation] = r.step;
        const acc = this.step(r.step);
        const phase = this.phases[r.invocation];
        if (phase === 'queued') acc.queued--;
        if (phase !== 'running') acc.running++;
        this.phases[r.invocation] = 'running';
        break;
      }
      case 'step.finished':
        this.end(r.invocation, r.status, r.step);
        break;
      case 'step.failed':
        this.step(r.step).error = r.error;
        if (r.willRetry) {
          // The retry is a new attempt of the same invocation: it waits, then starts again.
          const acc = this.step(r.step);
          if (this.phases[r.invocation] === 'running') acc.running--;
          this.phases[r.invocation] = undefined;
          this.console.push({ seq: r.seq, t: r.t, step: r.step, level: 'warn', text: `attempt ${r.attempt} failed: ${r.error.message}; retrying` });
        } else {
          this.end(r.invocation, 'failed', r.step);
          this.failedStep ??= r.step;
          this.console.push({ seq: r.seq, t: r.t, step: r.step, level: 'error', text: `${r.error.name}: ${r.error.message}` });
        }
        break;
      case 'collect.progress': {
        const order = Object.keys(r.need);
        this.step(r.step).collect = order.map((type) => ({ type, have: r.have[type] ?? 0, need: r.need[type] ?? 0 }));
        break;
      }
      case 'log':
        this.console.push({ seq: r.seq, t: r.t, step: r.step, level: r.level, text: r.text, ...(isPageWritten(r) ? { fromPage: true as const } : {}) });
        break;
      default:
        break;
    }
  }

  /** An invocation waits for a worker (from its delivery or a `step.queued`); counted once. */
  private queue(step: string, invocation: number): void {
    this.invocationStep[invocation] = step;
    if (this.phases[invocation] === undefined) {
      this.phases[invocation] = 'queued';
      this.step(step).queued++;
    }
  }

  /** `waiting`: the invocation ended at `waitForEvent`; its re-run, not it, has the outcome. */
  private end(invocation: number, outcome: 'done' | 'failed' | 'cancelled' | 'waiting', stepName?: string): void {
    const name = stepName ?? this.invocationStep[invocation];
    if (name === undefined) return;
    const acc = this.step(name);
    const phase = this.phases[invocation];
    if (phase === 'ended') return;
    if (phase === 'running') acc.running--;
    else if (phase === 'queued') acc.queued--;
    this.phases[invocation] = 'ended';
    if (outcome === 'waiting') return;
    acc[outcome]++;
    // Failure is the outcome worth seeing; a cancelled sibling does not hide a completed one's failure.
    if (acc.last !== 'failed') acc.last = outcome;
  }
}

function blankStep(numWorkers: number): StepAcc {
  return { running: 0, queued: 0, numWorkers, done: 0, failed: 0, cancelled: 0, last: null, collect: null, error: null };
}

function numWorkersOf(s: StepInfo): number {
  return s.numWorkers > 0 ? s.numWorkers : 1;
}
