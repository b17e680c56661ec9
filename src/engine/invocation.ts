/**
 * One call of a step: taking a worker, running the user's method, and what happens with its result
 * (routing returned events, opening a fan-out batch) or its error (retry, or failing the run).
 */
import type { Batch } from './batch.ts';
import type { Buffered, CollectBuffer } from './collectBuffer.ts';
import { microtask } from './clock.ts';
import { StepFailedEvent } from './catchError.ts';
import { errorInfo, typeNameOf } from './describe.ts';
import { isEvent, StopEvent, type Event } from './event.ts';
import { tagErrorWithStep, WorkflowRuntimeError } from './errors.ts';
import { firstAttemptAt, nextDelay, type RetryState } from './retryState.ts';
import { runMessages } from './validationMessages.ts';
import { verboseLines } from './verbose.ts';
import type { RunCore } from './runCore.ts';
import type { StepRuntime } from './stepRuntime.ts';
import { withFrame, type Frame } from './scope.ts';
import type { ResolvedResource } from './resource.ts';
import { resolveStepResources } from './stepResources.ts';

/** Work waiting in a step's queue; the invocation id is fixed when the event is delivered. */
export interface Pending {
  readonly id: number;
  /** One event, or a gather step's batch. */
  readonly input: Event | Event[];
  readonly eventIds: number | number[];
  /** Causal parent of whatever this invocation emits. */
  readonly parentEvent: number | null;
  readonly batch: Batch | null;
  attempt: number;
  /** Set on a retry only. */
  retry?: RetryState;
  /** How often each `@catchError` handler has recovered along this chain of events; set once one has. */
  recoveries?: Recoveries;
}

export type Recoveries = Readonly<Record<string, number>>;

/** One `collectEvents` call of an attempt, to undo it if the attempt fails and runs again. */
export interface CollectCall {
  buffer: CollectBuffer;
  added: Buffered;
  taken: Buffered[] | null;
}

/**
 * Takes back what a failed attempt did to its collect buffers, last call first: a batch it took goes
 * back in front, the event it added comes out. The retry then finds the buffers as the failed
 * attempt did, and adds its event once (it is the same event, delivered again).
 */
export function undoCollects(inv: Invocation): void {
  const calls = inv.collects;
  if (!calls) return;
  inv.collects = null;
  for (let i = calls.length - 1; i >= 0; i--) {
    const { buffer, added, taken } = calls[i]!;
    if (taken) buffer.restore(taken);
    buffer.remove(added);
  }
}

export class Invocation implements Frame {
  settled = false;
  /**
   * When the attempt began (run clock, in whole microseconds), or -1: read for steps with a retry policy
   * and, when it costs nothing (see RunCore.timesAttempts), for the WorkflowFailedEvent's elapsed time.
   * Whole microseconds stay a small integer for runs under half an hour: a fractional value would give
   * every invocation a heap-allocated number, which a traced 10,000-event run pays for in GC.
   */
  startedAtUs = -1;
  /** Set when the step called `waitForEvent` for something not there yet: it ends as waiting. */
  waitingFor: string | null = null;
  /** The values of the step's resource parameters, once resolved (only for steps that declare some). */
  resourceValues: unknown[] | null = null;
  /**
   * This attempt's `collectEvents` calls: the event each added to a buffer and the batch it took,
   * if it completed one. Until the step returns, a saved context hands the taken events back to the
   * step (as the library commits a step's buffer changes only when it returns), so a resumed re-run
   * finds them again; and an attempt that fails and is retried takes all of it back (see `fail`).
   */
  collects: CollectCall[] | null = null;

  constructor(
    readonly run: RunCore,
    readonly rt: StepRuntime,
    readonly pending: Pending,
    public worker: number,
  ) {}

  get invocation(): number {
    return this.pending.id;
  }

  get step(): string {
    return this.rt.def.name;
  }

  acquire(): void {
    this.rt.running++;
    this.run.running++;
    this.worker = this.rt.takeWorker();
    this.rt.slots[this.worker] = this;
  }

  /** Marks the invocation finished; false when it had already ended (e.g. the run was cancelled). */
  settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.release();
    return true;
  }

  private release(): void {
    this.rt.running--;
    this.run.running--;
    this.rt.freeWorker(this.worker);
    this.run.scheduleDrain();
  }
}

/** Calls the user's method (a plain function, not a closure per invocation: this is the hot path). */
function callStep(inv: Invocation): unknown {
  const { run, pending } = inv;
  const def = inv.rt.def;
  return def.withContext ? def.fn.call(run.workflow, run.context(inv), pending.input) : def.fn.call(run.workflow, pending.input);
}

/** Calls a step that declares resources: they follow the event, in the order the step declares them. */
function callStepWithResources(inv: Invocation): unknown {
  const { run, pending } = inv;
  const def = inv.rt.def;
  const values = inv.resourceValues!;
  return def.withContext ? def.fn.call(run.workflow, run.context(inv), pending.input, ...values) : def.fn.call(run.workflow, pending.input, ...values);
}

/** Runs the factories first (each in the invocation's frame, so `sleep`, `random` and logs belong to it), then the step. */
function startWithResources(inv: Invocation): void {
  const run = inv.run;
  const def = inv.rt.def;
  resolveStepResources(inv).then(
    (resolved) => {
      if (inv.settled || run.ended) return;
      if (run.traceStore) {
        for (let i = 0; i < resolved.length; i++) {
          const r = resolved[i]!;
          run.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'resource.injected', step: def.name, invocation: inv.invocation, param: def.resources![i]!.param, resource: r.name, instance: r.instance, created: r.created });
        }
      }
      inv.resourceValues = resolved.map((r) => r.value);
      callAndSettle(inv, callStepWithResources);
    },
    (error) => fail(inv, error),
  );
}

/** Calls the step in its frame and settles the invocation with what it returns or throws. */
function callAndSettle(inv: Invocation, call: (inv: Invocation) => unknown): void {
  let out: unknown;
  try {
    out = withFrame(inv, call, inv);
  } catch (error) {
    inv.run.codeRan();
    fail(inv, error);
    return;
  }
  inv.run.codeRan();
  if (out !== null && typeof out === 'object' && typeof (out as PromiseLike<unknown>).then === 'function') {
    (out as PromiseLike<unknown>).then(
      (value) => inTurn(inv, value, complete),
      (error) => inTurn(inv, error, fail),
    );
  } else microtask(() => inTurn(inv, out, complete));
}

/** An invocation's end as one of the engine's turns: its records (the step's end, the events it returned) share one clock reading. */
function inTurn(inv: Invocation, value: unknown, end: (inv: Invocation, value: unknown) => void): void {
  const run = inv.run;
  if (run.traceStore === null) return end(inv, value); // nothing reads the time: no turn to keep
  const opened = run.beginTurn();
  try {
    end(inv, value);
  } finally {
    run.endTurn(opened);
  }
}

export function startInvocation(run: RunCore, rt: StepRuntime, pending: Pending): void {
  const inv = new Invocation(run, rt, pending, 0);
  inv.acquire();
  const def = rt.def;
  // A traced start reads the clock for its record anyway: the invocation's start time is that reading,
  // so keeping attempt times costs a traced run no second clock read per invocation.
  let startedAt = -1;
  if (run.traceStore) startedAt = run.traceStarted(rt, pending, inv.worker);
  if (run.settings.verbose) run.verbose(verboseLines.started(def.name, inv.worker, pending.input));
  if (def.retry !== null || run.timesAttempts || run.plan.catchFor.size > 0) inv.startedAtUs = Math.round((startedAt >= 0 ? startedAt : run.clock.now()) * 1000);
  if (def.resources !== null) startWithResources(inv);
  else callAndSettle(inv, callStep);
}

const NO_EVENTS: readonly Event[] = Object.freeze([]);

function complete(inv: Invocation, value: unknown): void {
  if (inv.waitingFor !== null) return endWaiting(inv);
  const run = inv.run;
  const def = inv.rt.def;
  // One returned event is the usual case: it is kept as `single`, without an array around it.
  let single: Event | null = null;
  let outputs: readonly Event[] = NO_EVENTS;
  let fanOut = false;
  if (value === null || value === undefined) outputs = NO_EVENTS;
  else if (isEvent(value)) single = value;
  else if (Array.isArray(value) && (value as unknown[]).every(isEvent)) {
    outputs = value as Event[];
    fanOut = true;
  } else {
    // Raised as if the step had thrown it, as in the library: a retry policy applies.
    fail(inv, new WorkflowRuntimeError(runMessages.stepReturned(def.name, typeNameOf(value))));
    return;
  }
  if (!inv.settle() || run.ended) return;
  const { pending } = inv;
  const batch: Batch | null = fanOut ? run.openBatch(pending.batch, def) : pending.batch;
  if (run.settings.verbose) {
    const all = single ? [single] : outputs;
    run.verbose(verboseLines.completed(def.name, inv.worker, all));
    for (const ev of all) if (ev instanceof StopEvent) run.verbose(verboseLines.result(ev));
  }
  // Ids are given in emission order, right below; recording them first keeps `step.finished` ahead
  // of a StopEvent's `run.finished`.
  if (run.traceStore) run.traceFinished(inv.rt, pending.id, inv.worker, single ? 1 : outputs.length, 'done');
  if (single) run.emit(single, 'return', inv, null, batch);
  for (let i = 0; i < outputs.length && !run.ended; i++) run.emit(outputs[i]!, 'return', inv, null, batch);
  if (batch !== pending.batch) {
    run.checkBatch(batch!);
  }
  run.batchWorkDone(pending.batch);
  run.scheduleIdle();
}

/**
 * The step called `waitForEvent` for an event that is not there yet: this invocation ends here, and
 * whatever it returned or threw after that is ignored (the library does the same). Its fan-out batch
 * stays open: the re-run finishes that piece of work.
 */
function endWaiting(inv: Invocation): void {
  const run = inv.run;
  if (!inv.settle() || run.ended) return;
  const def = inv.rt.def;
  if (run.settings.verbose) run.verbose(verboseLines.completed(def.name, inv.worker, []));
  if (run.traceStore) run.traceFinished(inv.rt, inv.pending.id, inv.worker, 0, 'waiting');
  run.scheduleIdle();
}

function fail(inv: Invocation, error: unknown): void {
  if (inv.waitingFor !== null) return endWaiting(inv);
  const run = inv.run;
  if (!inv.settle() || run.ended) return;
  const policy = inv.rt.def.retry;
  if (policy) {
    let delay: number | null;
    try {
      delay = nextDelay(inv, policy, error);
    } catch (policyError) {
      failRun(inv, policyError);
      return;
    }
    if (delay !== null) {
      const { pending } = inv;
      if (run.traceStore) {
        run.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'step.failed', step: inv.step, invocation: pending.id, worker: inv.worker, attempt: pending.attempt, error: errorInfo(error, inv.step), willRetry: true, retryDelay: delay });
      }
      pending.retry = { firstAttemptAt: firstAttemptAt(inv), lastError: error, lastFailedAt: run.clock.now() };
      // The retry gets the same event again: what this attempt added or took must not count twice.
      undoCollects(inv);
      run.retryLater(inv.rt, pending, delay);
      return;
    }
  }
  if (run.plan.catchFor.size > 0 && handOff(inv, error)) return;
  failRun(inv, error);
}

/**
 * Sends a StepFailedEvent to the `@catchError` handler that covers the step, if there is one and it
 * has recoveries left on this chain of events. The failed invocation's share of its batch ends here;
 * the handler's work joins the batch instead.
 */
function handOff(inv: Invocation, error: unknown): boolean {
  const run = inv.run;
  const handler = run.plan.catchFor.get(inv.step);
  if (!handler) return false;
  const { pending } = inv;
  const count = (pending.recoveries?.[handler.name] ?? 0) + 1;
  if (count > handler.catches!.maxRecoveries) return false;
  const now = run.clock.now();
  if (run.traceStore) {
    run.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'step.failed', step: inv.step, invocation: pending.id, worker: inv.worker, attempt: pending.attempt, error: errorInfo(error, inv.step), willRetry: false, caughtBy: handler.name });
  }
  const failed = new StepFailedEvent({
    stepName: inv.step,
    inputEvent: pending.input,
    exception: error,
    attempts: pending.attempt,
    elapsedSeconds: Math.max(0, now - firstAttemptAt(inv)) / 1000,
    failedAt: now / 1000,
  });
  run.emit(failed, 'send', inv, handler.name, pending.batch, { ...pending.recoveries, [handler.name]: count });
  run.batchWorkDone(pending.batch);
  run.scheduleIdle();
  return true;
}

function failRun(inv: Invocation, error: unknown): void {
  const run = inv.run;
  if (run.traceStore) {
    run.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'step.failed', step: inv.step, invocation: inv.pending.id, worker: inv.worker, attempt: inv.pending.attempt, error: errorInfo(error, inv.step), willRetry: false });
  }
  tagErrorWithStep(error, inv.step);
  run.finish('failed', error, undefined, run.failedEvent(error, inv));
}

