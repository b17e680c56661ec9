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

/** A step's view while the fold runs: its state is worked out from these and `last` when it is read. */
interface StepAcc extends Omit<StepView, 'name' | 'state'> {
  last: 'done' | 'failed' | 'cancelled' | null;
}

/** An invocation's phase, one byte each: a 100,000-invocation run keeps 100 KB of them per snapshot. */
const UNSEEN = 0;
const QUEUED = 1;
const RUNNING = 2;
const ENDED = 3;

/**
 * Everything a fold holds at one cursor, to start another fold there (see `FoldCheckpoints`). What only
 * grows with the records and never changes once written (event types, an invocation's step, console
 * lines) is shared with the fold it came from instead of copied.
 */
export interface FoldSnapshot {
  readonly cursor: number;
  readonly status: RunFold['status'];
  readonly workflow: string | null;
  readonly finished: RunFinishedRecord | null;
  readonly finishedAt: number;
  readonly failedStep: string | null;
  readonly t: number;
  readonly steps: ReadonlyMap<string, Readonly<StepAcc>>;
  readonly eventCounts: ReadonlyMap<string, number>;
  readonly consoleCount: number;
  readonly phases: Uint8Array;
  readonly shared: SharedFoldData;
}

/** The parts of a fold that every fold of the same trace can share (each entry depends only on one record). */
export interface SharedFoldData {
  readonly eventTypes: string[];
  readonly invocationStep: string[];
  readonly console: ConsoleLine[];
}

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
  readonly eventTypes: string[];
  /**
   * The console lines of the records folded so far are the first `consoleCount`; the array may hold
   * more, written by a fold of the same trace that went further (a line depends only on its record).
   */
  readonly console: ConsoleLine[];
  consoleCount = 0;
  private phases = new Uint8Array(64);
  private readonly invocationStep: string[];

  constructor(shared?: SharedFoldData) {
    this.eventTypes = shared?.eventTypes ?? [];
    this.invocationStep = shared?.invocationStep ?? [];
    this.console = shared?.console ?? [];
  }

  static of(records: readonly TraceRecord[], count = records.length): RunFold {
    const fold = new RunFold();
    fold.advance(records, count);
    return fold;
  }

  /** A copy of this fold's state that `RunFold.from` turns back into a fold (the shared parts are not copied). */
  snapshot(): FoldSnapshot {
    const steps = new Map<string, StepAcc>();
    for (const [name, acc] of this.steps) steps.set(name, { ...acc });
    return {
      cursor: this.cursor,
      status: this.status,
      workflow: this.workflow,
      finished: this.finished,
      finishedAt: this.finishedAt,
      failedStep: this.failedStep,
      t: this.t,
      steps,
      eventCounts: new Map(this.eventCounts),
      consoleCount: this.consoleCount,
      phases: this.phases.slice(0, this.invocationStep.length),
      shared: this.sharedData(),
    };
  }

  /** A fold at the snapshot's cursor, ready to advance; the snapshot stays unchanged. */
  static from(snapshot: FoldSnapshot): RunFold {
    const fold = new RunFold(snapshot.shared);
    fold.cursor = snapshot.cursor;
    fold.status = snapshot.status;
    fold.workflow = snapshot.workflow;
    fold.finished = snapshot.finished;
    fold.finishedAt = snapshot.finishedAt;
    fold.failedStep = snapshot.failedStep;
    fold.t = snapshot.t;
    for (const [name, acc] of snapshot.steps) fold.steps.set(name, { ...acc });
    for (const [type, count] of snapshot.eventCounts) fold.eventCounts.set(type, count);
    fold.consoleCount = snapshot.consoleCount;
    fold.phases = new Uint8Array(Math.max(64, snapshot.phases.length * 2));
    fold.phases.set(snapshot.phases);
    return fold;
  }

  /** What a new fold of the same trace may share with this one (see `FoldSnapshot`). */
  sharedData(): SharedFoldData {
    return { eventTypes: this.eventTypes, invocationStep: this.invocationStep, console: this.console };
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
        for (let inv = 0; inv < this.invocationStep.length; inv++) {
          const phase = this.phases[inv];
          if (phase === RUNNING || phase === QUEUED) this.end(inv, 'cancelled');
        }
        // A step's failure is already in the console from its `step.failed`; say it once.
        if (r.error && r.status !== 'stopped' && !(r.status === 'failed' && this.failedStep !== null)) {
          this.log({ seq: r.seq, t: r.t, step: r.error.step ?? null, level: 'error', text: `${r.error.name}: ${r.error.message}`, ...(isPageWritten(r) ? { fromPage: true as const } : {}) });
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
        const phase = this.phaseOf(r.invocation);
        if (phase === QUEUED) acc.queued--;
        if (phase !== RUNNING) acc.running++;
        this.setPhase(r.invocation, RUNNING);
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
          if (this.phaseOf(r.invocation) === RUNNING) acc.running--;
          this.setPhase(r.invocation, UNSEEN);
          this.log({ seq: r.seq, t: r.t, step: r.step, level: 'warn', text: `attempt ${r.attempt} failed: ${r.error.message}; retrying` });
        } else {
          this.end(r.invocation, 'failed', r.step);
          this.failedStep ??= r.step;
          this.log({ seq: r.seq, t: r.t, step: r.step, level: 'error', text: `${r.error.name}: ${r.error.message}` });
        }
        break;
      case 'collect.progress': {
        const order = Object.keys(r.need);
        this.step(r.step).collect = order.map((type) => ({ type, have: r.have[type] ?? 0, need: r.need[type] ?? 0 }));
        break;
      }
      case 'log':
        this.log({ seq: r.seq, t: r.t, step: r.step, level: r.level, text: r.text, ...(isPageWritten(r) ? { fromPage: true as const } : {}) });
        break;
      default:
        break;
    }
  }

  /** An invocation waits for a worker (from its delivery or a `step.queued`); counted once. */
  private queue(step: string, invocation: number): void {
    this.invocationStep[invocation] = step;
    if (this.phaseOf(invocation) === UNSEEN) {
      this.setPhase(invocation, QUEUED);
      this.step(step).queued++;
    }
  }

  private phaseOf(invocation: number): number {
    return invocation < this.phases.length ? this.phases[invocation]! : UNSEEN;
  }

  /** Invocation ids are dense from 0 (a checked file's run ahead of the ones seen by at most 10,000). */
  private setPhase(invocation: number, phase: number): void {
    if (invocation >= this.phases.length) {
      const grown = new Uint8Array(Math.max(invocation + 1, this.phases.length * 2));
      grown.set(this.phases);
      this.phases = grown;
    }
    this.phases[invocation] = phase;
  }

  /**
   * Counts the record's console line; writes it only when no fold of this trace wrote it before, so the
   * lines a refold from a checkpoint passes over stay the objects the console is already showing.
   */
  private log(line: ConsoleLine): void {
    if (this.consoleCount === this.console.length) this.console.push(line);
    this.consoleCount++;
  }

  /** `waiting`: the invocation ended at `waitForEvent`; its re-run, not it, has the outcome. */
  private end(invocation: number, outcome: 'done' | 'failed' | 'cancelled' | 'waiting', stepName?: string): void {
    const name = stepName ?? this.invocationStep[invocation];
    if (name === undefined) return;
    const acc = this.step(name);
    const phase = this.phaseOf(invocation);
    if (phase === ENDED) return;
    if (phase === RUNNING) acc.running--;
    else if (phase === QUEUED) acc.queued--;
    this.setPhase(invocation, ENDED);
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
