/**
 * The one vocabulary in which a run describes itself. Everything the UI shows about a run (animation,
 * counters, timeline, inspector, replay, exports) and everything the CLI prints is derived from these
 * records alone, so they carry ids rather than object references and only JSON-safe payloads.
 *
 * Ids are small integers local to a run: `event` ids number emitted events, `invocation` ids number
 * step invocations (assigned when an event is delivered to a step, so a queued invocation already has
 * its id). `t` is workflow time in milliseconds since the run started (virtual or scaled real).
 *
 * Version 2 is the lean trace: what always happens together is one record. Routing is synchronous, so
 * an event's deliveries (and, for a step with no free worker, its place in the queue) are known when
 * it is emitted and travel in its `event.emitted` record (`to`) instead of an `event.delivered` and a
 * `step.queued` record each. Version 1 traces are converted on load (`src/inspect/traceV1.ts`).
 */
import type { JsonValue } from './jsonSafe.ts';

export const TRACE_VERSION = 2;

export type RunStatus = 'stopped' | 'failed' | 'timeout' | 'cancelled';

/** How an event came to exist. */
export type EmitVia =
  | 'return' // returned from a step (or an element of a returned array)
  | 'send' // ctx.sendEvent
  | 'stream' // ctx.writeEventToStream: published to the caller, not routed
  | 'input' // the StartEvent built from the run's input
  | 'external'; // handler.sendEvent from outside the run (e.g. a human's answer)

export interface ErrorInfo {
  name: string;
  message: string;
  stack?: string;
  /** The step whose code raised it, when known. */
  step?: string;
}

export interface StepInfo {
  name: string;
  accepts: string[];
  returns: string[];
  numWorkers: number;
  /** The step's event parameter is an array: it is called once per fan-out batch. */
  gather: boolean;
  /** The step returns an array of events (typed fan-out). */
  fanOut: boolean;
}

interface RecordBase {
  v: typeof TRACE_VERSION;
  runId: string;
  seq: number;
  t: number;
}

export interface RunStartedRecord extends RecordBase {
  kind: 'run.started';
  workflow: string;
  steps: StepInfo[];
  clock: 'virtual' | 'real';
  speed: number;
  seed: number | null;
  timeout: number | null;
  /**
   * A child run (a workflow run started inside a step of another run) names the run, the step and
   * the invocation that started it; a run started from outside any step has none of the three.
   */
  parentRun?: string;
  parentStep?: string;
  parentInvocation?: number;
  /**
   * True when the run records what its host sends in from outside as `input.received` records (every
   * run since that record was added). A trace without it is older: its external events stand for its
   * inputs when it is replayed.
   */
  inputs?: boolean;
}
export interface RunFinishedRecord extends RecordBase {
  kind: 'run.finished';
  status: RunStatus;
  /** The result as the caller sees it (JSON-safe), for `stopped`. */
  result?: JsonValue;
  /** The stop event's id, for `stopped`. */
  event?: number;
  error?: ErrorInfo;
}
/** One step an event was routed to, as part of its `event.emitted` record. */
export interface Delivery {
  step: string;
  /** The invocation that will handle it (for a gather step: the batch's collected call). */
  invocation: number;
  /**
   * Present when the invocation had to wait for a worker: its position in the step's queue (0 = next
   * to run). Absent when a worker was free, and for a delivery into a gather step's batch (the batch's
   * call is queued when the batch completes, with a `step.queued` record).
   */
  queued?: number;
}

export interface EventEmittedRecord extends RecordBase {
  kind: 'event.emitted';
  event: number;
  type: string;
  payload: JsonValue;
  via: EmitVia;
  /** The invocation that produced it, and its step; null for input and external events. */
  invocation: number | null;
  step: string | null;
  /** `sendEvent(ev, "name")` targets one step. */
  target: string | null;
  /** The event whose handling produced this one (causal parent). */
  parent: number | null;
  /**
   * The steps it was routed to, in the order the workflow declares them. Empty when no step took it:
   * a stop event, an event a `waitForEvent` took, a streamed event, one no step accepts
   * (`event.unhandled` follows), or one emitted after the run ended (`event.dropped` follows).
   */
  to: Delivery[];
}
export interface EventDroppedRecord extends RecordBase {
  kind: 'event.dropped';
  event: number;
  step: string | null;
  reason: 'run-ended' | 'collected-leftover';
}
export interface EventUnhandledRecord extends RecordBase {
  kind: 'event.unhandled';
  event: number;
  type: string;
}
/**
 * An invocation that waits for a worker without an event being delivered at that moment: a retry after
 * its delay, or a gather step's call when its batch completes. (A delivery's wait is in its `Delivery`.)
 */
export interface StepQueuedRecord extends RecordBase {
  kind: 'step.queued';
  step: string;
  invocation: number;
  event: number;
  /** Position in the step's queue (0 = next to run) when it had to wait for a worker. */
  position: number;
}
export interface StepStartedRecord extends RecordBase {
  kind: 'step.started';
  step: string;
  invocation: number;
  worker: number;
  /** Input event ids: one, or a gather step's whole batch. */
  events: number[];
  attempt: number;
  /** This invocation re-runs the step after `waitForEvent` in that invocation got its event (or timed out). */
  rerunOf?: number;
}
export interface StepFinishedRecord extends RecordBase {
  kind: 'step.finished';
  step: string;
  invocation: number;
  worker: number;
  /** Event ids it returned (sent events are in their own `event.emitted` records). */
  outputs: number[];
  /**
   * `cancelled`: the run ended while it ran; its late output, if any, was dropped. `waiting`: it
   * called `waitForEvent` and ended there; a later invocation (`rerunOf`) runs the step again.
   */
  status: 'done' | 'cancelled' | 'waiting';
}
export interface StepFailedRecord extends RecordBase {
  kind: 'step.failed';
  step: string;
  invocation: number;
  worker: number;
  attempt: number;
  error: ErrorInfo;
  /** Another attempt follows after `retryDelay` seconds. */
  willRetry: boolean;
  retryDelay?: number;
  /** The failure went to this `@catchError` step as a StepFailedEvent instead of failing the run. */
  caughtBy?: string;
}
export interface CollectProgressRecord extends RecordBase {
  kind: 'collect.progress';
  step: string;
  invocation: number;
  buffer: string;
  event: number;
  /** Per type: how many are buffered (capped at what is needed) and how many are needed. */
  have: Record<string, number>;
  /** Shared between records of the same expectation: treat as read-only. */
  need: Readonly<Record<string, number>>;
  complete: boolean;
}
export interface CollectLeftoverRecord extends RecordBase {
  kind: 'collect.leftover';
  step: string;
  buffer: string;
  events: number[];
  types: Record<string, number>;
}
export interface StateChangedRecord extends RecordBase {
  kind: 'state.changed';
  key: string;
  value: JsonValue;
  step: string | null;
  invocation: number | null;
}
export interface StreamPublishedRecord extends RecordBase {
  kind: 'stream.published';
  event: number;
  type: string;
}
export interface WaitRecord extends RecordBase {
  kind: 'wait.started' | 'wait.finished';
  step: string;
  invocation: number;
  type: string;
  /** For `wait.finished`: the event that satisfied it, or null on timeout / cancel. */
  event: number | null;
}
export interface RunPausedRecord extends RecordBase {
  kind: 'run.paused';
  /** `step`: step mode; `breakpoint`: a breakpoint on `step`; `user`: paused from outside. */
  reason: 'step' | 'breakpoint' | 'user';
  /** The step and invocation held back, when the pause is before an invocation. */
  step: string | null;
  invocation: number | null;
}
export interface RunResumedRecord extends RecordBase {
  kind: 'run.resumed';
}
/**
 * What an invocation got for one of its resource parameters, written before the step's code runs.
 * `instance` numbers the factory's calls within the workflow's resource manager, so two invocations
 * with the same `resource` and `instance` share one object.
 */
export interface ResourceInjectedRecord extends RecordBase {
  kind: 'resource.injected';
  step: string;
  invocation: number;
  param: string;
  /** The factory's name. */
  resource: string;
  instance: number;
  /** The factory ran for this invocation; false when the value came from the cache. */
  created: boolean;
}
/**
 * Something the run's host handed in from outside the program, at this moment (written just before
 * its effect): a person's answer or an event sent from outside (`event`, followed by its
 * `event.emitted` with via `external`), a cancel (`cancel`, followed by the run's end), or a change a
 * fork makes: a state value set (`state`) or the fields of an event replaced as it is emitted
 * (`fields`, followed by that event's record). Events the program's own code sends are not inputs:
 * they happen again when the code runs again. A replay (`src/engine/replay.ts`) sends every input
 * again at its moment, so a run with the same code, seed and inputs on the virtual clock writes the
 * same records.
 */
export interface InputReceivedRecord extends RecordBase {
  kind: 'input.received';
  input: 'event' | 'cancel' | 'state' | 'fields';
  /** The event's type, for `event` and `fields`. */
  type: string | null;
  /** The step an `event` was sent to (`sendEvent(ev, step)`), or null for every step that accepts it. */
  target: string | null;
  /** The state path a `state` input set (dot-separated). */
  key: string | null;
  /** An event's fields (`event`, `fields`) or the state value (`state`), as JSON. */
  value: JsonValue;
}
export interface LogRecord extends RecordBase {
  kind: 'log';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
  step: string | null;
  invocation: number | null;
}

export type TraceRecord =
  | RunStartedRecord
  | RunFinishedRecord
  | EventEmittedRecord
  | EventDroppedRecord
  | EventUnhandledRecord
  | StepQueuedRecord
  | StepStartedRecord
  | StepFinishedRecord
  | StepFailedRecord
  | CollectProgressRecord
  | CollectLeftoverRecord
  | StateChangedRecord
  | StreamPublishedRecord
  | WaitRecord
  | RunPausedRecord
  | RunResumedRecord
  | ResourceInjectedRecord
  | InputReceivedRecord
  | LogRecord;

export type TraceKind = TraceRecord['kind'];

/** Distributes over the union so a record can be written without its envelope. */
export type TraceBody<R = TraceRecord> = R extends TraceRecord ? Omit<R, keyof RecordBase> : never;

export type TraceListener = (record: TraceRecord) => void;
