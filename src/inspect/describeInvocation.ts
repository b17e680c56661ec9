import type { ErrorInfo, LogRecord, StateChangedRecord } from '../engine/trace.ts';
import type { TraceIndex } from './traceIndex.ts';
import { upToSeq } from './traceIndex.ts';
import { errorLocation } from './userLocation.ts';
import type { UserLocation } from './userLocation.ts';

export type InvocationStatus = 'queued' | 'running' | 'retrying' | 'done' | 'failed' | 'cancelled' | 'waiting';

export interface AttemptDescription {
  attempt: number;
  worker: number;
  start: number;
  /** Workflow time it ended, or null while it runs. */
  end: number | null;
  outcome: 'running' | 'done' | 'failed' | 'cancelled' | 'waiting';
  error: ErrorInfo | null;
}

export interface InvocationError extends ErrorInfo {
  /** Where in the user's source it was raised, when the stack says. */
  location: UserLocation | null;
}

export interface InvocationDescription {
  id: number;
  step: string;
  status: InvocationStatus;
  /** Input events: one, or a gather step's batch (of the latest attempt). */
  inputs: { event: number; type: string }[];
  /** Returned events, in the order returned. */
  returned: { event: number; type: string }[];
  /** Events sent or written to the stream while it ran. */
  sent: { event: number; type: string; via: 'send' | 'stream'; target: string | null }[];
  logs: readonly LogRecord[];
  stateChanges: readonly StateChangedRecord[];
  /** Workflow times: delivered, first started, ended (null while not yet). */
  deliveredAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  /** Time spent waiting for a worker before the first attempt (ms). */
  queuedFor: number | null;
  /** From the first start to the end, or to `now` while it runs (ms), retries included. */
  duration: number | null;
  /** The worker of the latest attempt. */
  worker: number | null;
  attempt: number;
  attempts: AttemptDescription[];
  /** The error that failed it for good (or the latest attempt's while it is retrying). */
  error: InvocationError | null;
  /** The invocation whose `waitForEvent` this one continues (a re-run from the top), or null. */
  rerunOf: number | null;
  /** For an invocation that ended waiting: the re-run that continued it, once started, or null. */
  rerunBy: number | null;
  /** Its resource parameters: which instance each got, and which invocation's resolution made it. */
  resources: InjectedResource[];
}

export interface InjectedResource {
  param: string;
  resource: string;
  instance: number;
  /** The factory ran for this invocation. */
  created: boolean;
  /** The invocation for which the factory made this instance (itself when `created`), if in the trace. */
  madeBy: number | null;
}

/**
 * What the trace says about invocation `invocationId`, up to seq `atSeq`, or null when it does not
 * exist yet. `now` (workflow time) bounds the duration of one still running.
 *
 * @example
 * describeInvocation(TraceIndex.of(trace), 2)?.error?.location?.line // 12
 */
export function describeInvocation(
  index: TraceIndex,
  invocationId: number,
  atSeq = Number.POSITIVE_INFINITY,
  now?: number,
): InvocationDescription | null {
  const entry = index.invocations.get(invocationId);
  if (!entry) return null;
  const deliveries = upToSeq(entry.deliveries, atSeq);
  const starts = upToSeq(entry.starts, atSeq);
  if (deliveries.length === 0 && starts.length === 0) return null;
  const failures = upToSeq(entry.failures, atSeq);
  const finished = entry.finished !== null && entry.finished.seq <= atSeq ? entry.finished : null;
  const typeOf = (id: number): string => index.events.get(id)?.emitted.type ?? '?';

  const attempts: AttemptDescription[] = starts.map((s) => {
    const failure = failures.find((f) => f.attempt === s.attempt) ?? null;
    const end = failure ?? (finished && s === starts[starts.length - 1] ? finished : null);
    return {
      attempt: s.attempt,
      worker: s.worker,
      start: s.t,
      end: end?.t ?? null,
      outcome: failure ? 'failed' : finished && end === finished ? finished.status : 'running',
      error: failure?.error ?? null,
    };
  });
  const lastFailure = failures[failures.length - 1] ?? null;
  const lastStart = starts[starts.length - 1] ?? null;
  const runEnded = index.finished !== null && index.finished.seq <= atSeq;
  const status = statusOf(lastStart !== null, lastFailure, finished, attempts, runEnded);
  const emitted = upToSeq(entry.emitted, atSeq);
  const returnedIds = new Set(finished?.outputs ?? []);
  const startedAt = starts[0]?.t ?? null;
  const endedAt = status === 'failed' ? lastFailure!.t : finished?.t ?? null;
  const deliveredAt = deliveries[0]?.t ?? null;
  const liveEnd = endedAt ?? (now !== undefined ? now : index.records[index.records.length - 1]?.t ?? null);
  return {
    id: entry.id,
    step: entry.step,
    status,
    inputs: (lastStart?.events ?? deliveries.map((d) => d.event)).map((event) => ({ event, type: typeOf(event) })),
    returned: emitted.filter((e) => e.via === 'return' || returnedIds.has(e.event)).map((e) => ({ event: e.event, type: e.type })),
    sent: emitted
      .filter((e): e is typeof e & { via: 'send' | 'stream' } => e.via === 'send' || e.via === 'stream')
      .map((e) => ({ event: e.event, type: e.type, via: e.via, target: e.target })),
    logs: upToSeq(entry.logs, atSeq),
    stateChanges: upToSeq(entry.stateChanges, atSeq),
    deliveredAt,
    startedAt,
    endedAt,
    queuedFor: deliveredAt !== null && startedAt !== null ? startedAt - deliveredAt : null,
    duration: startedAt !== null && liveEnd !== null ? Math.max(0, liveEnd - startedAt) : null,
    worker: lastStart?.worker ?? null,
    attempt: lastStart?.attempt ?? 0,
    attempts,
    error: lastFailure && (status === 'failed' || status === 'retrying') ? { ...lastFailure.error, location: errorLocation(lastFailure.error) } : null,
    rerunOf: starts[0]?.rerunOf ?? null,
    rerunBy: status === 'waiting' ? rerunOfWaiting(index, entry.id, atSeq) : null,
    resources: upToSeq(entry.resources, atSeq).map((r) => ({
      param: r.param,
      resource: r.resource,
      instance: r.instance,
      created: r.created,
      madeBy: index.resourceMakers.get(`${r.resource}#${r.instance}`) ?? null,
    })),
  };
}

function rerunOfWaiting(index: TraceIndex, id: number, atSeq: number): number | null {
  for (const other of index.invocations.values()) {
    const start = other.starts[0];
    if (start && start.rerunOf === id && start.seq <= atSeq) return other.id;
  }
  return null;
}

function statusOf(
  started: boolean,
  lastFailure: { willRetry: boolean; seq: number } | null,
  finished: { status: 'done' | 'cancelled' | 'waiting' } | null,
  attempts: AttemptDescription[],
  runEnded: boolean,
): InvocationStatus {
  if (finished) return finished.status;
  if (lastFailure && !lastFailure.willRetry) return 'failed';
  // A delivery still queued when the run ended was dropped: it never runs.
  if (!started) return runEnded ? 'cancelled' : 'queued';
  // A failure that will be retried leaves the invocation waiting for its next attempt.
  return attempts[attempts.length - 1]?.outcome === 'failed' ? 'retrying' : 'running';
}
