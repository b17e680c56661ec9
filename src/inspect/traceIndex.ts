import type {
  CollectProgressRecord,
  EventDroppedRecord,
  EventEmittedRecord,
  EventUnhandledRecord,
  LogRecord,
  ResourceInjectedRecord,
  RunFinishedRecord,
  RunStartedRecord,
  StateChangedRecord,
  StepFailedRecord,
  StepFinishedRecord,
  StepStartedRecord,
  TraceRecord,
  WaitRecord,
} from '../engine/trace.ts';

/**
 * One delivery of an event to a step, as the inspector reads it. The trace carries deliveries inside
 * their event's `event.emitted` record, so `seq` and `t` are that record's: a delivery happens when its
 * event is emitted.
 */
export interface DeliveryEntry {
  event: number;
  step: string;
  invocation: number;
  seq: number;
  t: number;
  /** Its place in the step's queue when it had to wait for a worker. */
  queued?: number;
}

/** When an invocation had to wait for a worker: at its delivery, or at a `step.queued` record. */
export interface QueuedEntry {
  seq: number;
  t: number;
  position: number;
}

/** Everything the trace says about one event, in record order. */
export interface EventEntry {
  emitted: EventEmittedRecord;
  deliveries: DeliveryEntry[];
  dropped: EventDroppedRecord[];
  unhandled: EventUnhandledRecord | null;
  /** Seq of its `stream.published` record, when it was published to the caller. */
  publishedSeq: number | null;
  /** Seq of the `collect.leftover` that reported it still buffered when the run ended. */
  leftoverSeq: number | null;
}

/** Everything the trace says about one invocation, in record order. */
export interface InvocationEntry {
  id: number;
  step: string;
  deliveries: DeliveryEntry[];
  queued: QueuedEntry | null;
  /** One per attempt. */
  starts: StepStartedRecord[];
  failures: StepFailedRecord[];
  finished: StepFinishedRecord | null;
  /** Events it produced (returned, sent, streamed), in emission order. */
  emitted: EventEmittedRecord[];
  logs: LogRecord[];
  stateChanges: StateChangedRecord[];
  collects: CollectProgressRecord[];
  waits: WaitRecord[];
  /** What it got for its resource parameters (empty for a step without resources). */
  resources: ResourceInjectedRecord[];
}

/**
 * Lookup tables over one run's trace, built once and extended as records arrive, so that the
 * inspector's questions cost only the size of their answer rather than a scan of the trace.
 * Entries hold the trace's own record objects (no copies): treat them as read-only.
 */
export class TraceIndex {
  records: readonly TraceRecord[] = [];
  started: RunStartedRecord | null = null;
  finished: RunFinishedRecord | null = null;
  readonly events = new Map<number, EventEntry>();
  readonly invocations = new Map<number, InvocationEntry>();
  /** Every `state.changed`, in seq order, for `stateAt`. */
  readonly stateChanges: StateChangedRecord[] = [];
  /** `resource#instance` -> the invocation whose resolution made it. */
  readonly resourceMakers = new Map<string, number>();
  private indexed = 0;

  static of(records: readonly TraceRecord[]): TraceIndex {
    const index = new TraceIndex();
    index.extend(records);
    return index;
  }

  /** Records indexed so far. */
  get length(): number {
    return this.indexed;
  }

  /**
   * Indexes `records[this.length..]`. The earlier records must be the same as before (the run store's
   * trace is append-only); a different or shorter trace needs a new index.
   */
  extend(records: readonly TraceRecord[]): void {
    this.records = records;
    for (let i = this.indexed; i < records.length; i++) this.add(records[i]!);
    this.indexed = records.length;
  }

  private invocation(id: number, step: string): InvocationEntry {
    let entry = this.invocations.get(id);
    if (!entry) {
      entry = { id, step, deliveries: [], queued: null, starts: [], failures: [], finished: null, emitted: [], logs: [], stateChanges: [], collects: [], waits: [], resources: [] };
      this.invocations.set(id, entry);
    }
    return entry;
  }

  private add(r: TraceRecord): void {
    switch (r.kind) {
      case 'run.started':
        this.started = r;
        break;
      case 'run.finished':
        this.finished = r;
        break;
      case 'event.emitted': {
        const deliveries: DeliveryEntry[] = [];
        this.events.set(r.event, { emitted: r, deliveries, dropped: [], unhandled: null, publishedSeq: null, leftoverSeq: null });
        if (r.invocation !== null && r.step !== null) this.invocation(r.invocation, r.step).emitted.push(r);
        for (const d of r.to) {
          const delivery: DeliveryEntry = { event: r.event, step: d.step, invocation: d.invocation, seq: r.seq, t: r.t };
          const target = this.invocation(d.invocation, d.step);
          if (d.queued !== undefined) {
            delivery.queued = d.queued;
            target.queued ??= { seq: r.seq, t: r.t, position: d.queued };
          }
          deliveries.push(delivery);
          target.deliveries.push(delivery);
        }
        break;
      }
      case 'event.dropped':
        this.events.get(r.event)?.dropped.push(r);
        break;
      case 'event.unhandled': {
        const entry = this.events.get(r.event);
        if (entry) entry.unhandled = r;
        break;
      }
      case 'stream.published': {
        const entry = this.events.get(r.event);
        if (entry) entry.publishedSeq = r.seq;
        break;
      }
      case 'collect.leftover':
        for (const id of r.events) {
          const entry = this.events.get(id);
          if (entry) entry.leftoverSeq = r.seq;
        }
        break;
      case 'step.queued':
        this.invocation(r.invocation, r.step).queued = { seq: r.seq, t: r.t, position: r.position };
        break;
      case 'step.started':
        this.invocation(r.invocation, r.step).starts.push(r);
        break;
      case 'step.failed':
        this.invocation(r.invocation, r.step).failures.push(r);
        break;
      case 'step.finished':
        this.invocation(r.invocation, r.step).finished = r;
        break;
      case 'collect.progress':
        this.invocation(r.invocation, r.step).collects.push(r);
        break;
      case 'wait.started':
      case 'wait.finished':
        this.invocation(r.invocation, r.step).waits.push(r);
        break;
      case 'state.changed':
        this.stateChanges.push(r);
        if (r.invocation !== null && r.step !== null) this.invocation(r.invocation, r.step).stateChanges.push(r);
        break;
      case 'log':
        if (r.invocation !== null && r.step !== null) this.invocation(r.invocation, r.step).logs.push(r);
        break;
      case 'resource.injected':
        this.invocation(r.invocation, r.step).resources.push(r);
        if (r.created && !this.resourceMakers.has(`${r.resource}#${r.instance}`)) this.resourceMakers.set(`${r.resource}#${r.instance}`, r.invocation);
        break;
      default:
        break;
    }
  }
}

/** The records of `list` (in seq order) up to and including `seq`, without copying when all qualify. */
export function upToSeq<R extends { seq: number }>(list: readonly R[], seq: number): readonly R[] {
  if (list.length === 0 || list[list.length - 1]!.seq <= seq) return list;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return list.slice(0, lo);
}
