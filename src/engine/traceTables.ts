/**
 * How a trace kept in columns is laid out, and how one row becomes the record object again. The
 * writer (`TraceStore`) and a reader in another thread (`TraceDecoder`, fed the store's packets) share
 * this decoding, so a record read on either side is the same record, field for field.
 */
import type { JsonValue } from './jsonSafe.ts';
import { TRACE_VERSION, type Delivery, type EmitVia, type StepFinishedRecord, type TraceRecord } from './trace.ts';

/**
 * Row layouts. `OBJECT` keeps the record itself; the others are spread over the int columns:
 * - `EMITTED`: a event, b type, c invocation, d parent, e step, f target, g deliveries, h flat fields; flag via; object a payload that is not flat.
 * - `STARTED`: a step, b invocation, c worker, d attempt, e rerunOf, f one event id or a list; flag 1 = list.
 * - `FINISHED`: a step, b invocation, c worker, d first output id, e output count; flag status.
 * - `PROGRESS`: a step, b invocation, c buffer, d event, e expectation (`ProgressNeed`, interned), g have (a list); flag complete.
 * - `QUEUED`: a step, b invocation, c event, d position.
 * - `PUBLISHED`, `UNHANDLED`: a event, b type. `DROPPED`: a event, b step; flag reason.
 */
export const OBJECT = 0;
export const EMITTED = 1;
export const STARTED = 2;
export const FINISHED = 3;
export const PROGRESS = 4;
export const QUEUED = 5;
export const PUBLISHED = 6;
export const UNHANDLED = 7;
export const DROPPED = 8;

const KINDS: readonly TraceRecord['kind'][] = ['log', 'event.emitted', 'step.started', 'step.finished', 'collect.progress', 'step.queued', 'stream.published', 'event.unhandled', 'event.dropped'];

export const VIAS: readonly EmitVia[] = ['return', 'send', 'stream', 'input', 'external'];
export const STATUSES: readonly StepFinishedRecord['status'][] = ['done', 'cancelled', 'waiting'];

/** A row's code for how its event came (its index in `VIAS`): comparisons, where a keyed lookup of a string costs a row several times more. */
export function viaCode(via: EmitVia): number {
  return via === 'return' ? 0 : via === 'send' ? 1 : via === 'stream' ? 2 : via === 'input' ? 3 : 4;
}

/** A row's code for a step's end (its index in `STATUSES`). */
export function statusCode(status: StepFinishedRecord['status']): number {
  return status === 'done' ? 0 : status === 'cancelled' ? 1 : 2;
}
export const DROP_REASONS = ['run-ended', 'collected-leftover'] as const;

/** Stands for null in an int column (ids, invocations and name ids are never negative). */
export const NONE = -1;

/** Ints per row: the header (layout in 4 bits, flag in 4, the run's number above), seq, then the layout's a to h. */
export const STRIDE = 10;
/** Where a row's a is, from the row's first int. */
export const A = 2;

/**
 * A step's call that takes more returned events than this is not a record any run writes: a reader
 * of untrusted rows refuses it instead of making an array that size.
 */
const MAX_OUTPUTS = 10_000_000;

/** A collect expectation as the trace needs it: the type names in order, and the counts per name. */
export interface ProgressNeed {
  readonly types: readonly string[];
  readonly names: Readonly<Record<string, number>>;
}

/** The layout of a row, from its header int. */
export function layoutOf(header: number): number {
  return header & 15;
}

/**
 * A row's kind without building the record (`OBJECT` rows answer from their object). `object` is the
 * row's object.
 */
export function kindOf(header: number, object: unknown): TraceRecord['kind'] {
  const layout = header & 15;
  return layout === OBJECT ? (object as TraceRecord).kind : KINDS[layout]!;
}

/** The tables rows point into: interned names, run ids, key lists, int lists and flat field values. */
export class TraceTables {
  protected readonly names: string[] = [];
  protected readonly runIds: string[] = [];
  protected readonly shapes: string[][] = [];
  /** Variable-length int lists (deliveries, batches, collect counts), each `[count, ...items]`. */
  protected list: Int32Array;
  protected listLength = 0;
  /** Flat event fields, each event's after the id of its key list. */
  protected values: unknown[] = [];
  /** Collect expectations, one per gather's expected list (its records all point to it). */
  protected readonly needs: ProgressNeed[] = [];

  constructor(listCapacity = 16) {
    this.list = new Int32Array(Math.max(16, listCapacity));
  }

  /** Makes room for `more` ints in `list`, doubling it as needed. */
  protected listRoom(more: number): void {
    if (this.listLength + more <= this.list.length) return;
    let size = this.list.length * 2;
    while (size < this.listLength + more) size *= 2;
    const next = new Int32Array(size);
    next.set(this.list.subarray(0, this.listLength));
    this.list = next;
  }

  /** The record of a row whose ints start at `at` in `ints`; throws on a row that points nowhere. */
  protected decode(ints: Int32Array, at: number, t: number, object: unknown): TraceRecord {
    const header = ints[at]!;
    const layout = header & 15;
    const flag = (header >> 4) & 15;
    if (layout === OBJECT) return object as TraceRecord;
    const v = TRACE_VERSION;
    const runId = this.runIds[header >>> 8]!;
    const seq = ints[at + 1]!;
    const a = ints[at + A]!;
    const b = ints[at + A + 1]!;
    const c = ints[at + A + 2]!;
    const d = ints[at + A + 3]!;
    const e = ints[at + A + 4]!;
    const f = ints[at + A + 5]!;
    const g = ints[at + A + 6]!;
    const h = ints[at + A + 7]!;
    switch (layout) {
      case EMITTED:
        return {
          v, runId, seq, t, kind: 'event.emitted', event: a, type: this.names[b]!, payload: h === NONE ? (object as JsonValue) : this.fieldsAt(h), via: VIAS[flag]!,
          invocation: c === NONE ? null : c, step: this.nameOrNull(e), target: this.nameOrNull(f), parent: d === NONE ? null : d, to: this.deliveries(g),
        };
      case STARTED: {
        const events = flag === 1 ? this.ids(f) : [f];
        return e === NONE
          ? { v, runId, seq, t, kind: 'step.started', step: this.names[a]!, invocation: b, worker: c, events, attempt: d }
          : { v, runId, seq, t, kind: 'step.started', step: this.names[a]!, invocation: b, worker: c, events, attempt: d, rerunOf: e };
      }
      case FINISHED: {
        if (!(e >= 0 && e <= MAX_OUTPUTS)) throw new RangeError(`A step.finished row with ${e} outputs.`);
        const outputs: number[] = new Array(e);
        for (let k = 0; k < e; k++) outputs[k] = d + k;
        return { v, runId, seq, t, kind: 'step.finished', step: this.names[a]!, invocation: b, worker: c, outputs, status: STATUSES[flag]! };
      }
      case PROGRESS: {
        const need = this.needs[e];
        if (need === undefined) throw new RangeError(`A collect.progress row points to expectation ${e}, which is not there.`);
        const count = this.listCount(g);
        if (count !== need.types.length) throw new RangeError('A collect.progress row whose counts do not match its expectation.');
        const have: Record<string, number> = {};
        for (let k = 0; k < count; k++) have[need.types[k]!] = this.list[g + 1 + k]!;
        return { v, runId, seq, t, kind: 'collect.progress', step: this.names[a]!, invocation: b, buffer: this.names[c]!, event: d, have, need: need.names, complete: flag === 1 };
      }
      case QUEUED:
        return { v, runId, seq, t, kind: 'step.queued', step: this.names[a]!, invocation: b, event: c, position: d };
      case PUBLISHED:
        return { v, runId, seq, t, kind: 'stream.published', event: a, type: this.names[b]! };
      case UNHANDLED:
        return { v, runId, seq, t, kind: 'event.unhandled', event: a, type: this.names[b]! };
      case DROPPED:
        return { v, runId, seq, t, kind: 'event.dropped', event: a, step: this.nameOrNull(b), reason: DROP_REASONS[flag]! };
      default:
        throw new RangeError(`A row of unknown layout ${layout}.`);
    }
  }

  private nameOrNull(id: number): string | null {
    return id === NONE ? null : this.names[id]!;
  }

  /** The length of the list at `at`, checked against what the list holds. */
  private listCount(at: number): number {
    const count = at >= 0 && at < this.listLength ? this.list[at]! : -1;
    if (!(count >= 0 && at + count < this.listLength)) throw new RangeError(`A row points to a list at ${at} that is not there.`);
    return count;
  }

  private ids(at: number): number[] {
    const count = this.listCount(at);
    const out: number[] = new Array(count);
    for (let k = 0; k < count; k++) out[k] = this.list[at + 1 + k]!;
    return out;
  }

  private deliveries(at: number): Delivery[] {
    if (at === NONE) return [];
    const count = this.listCount(at) / 3;
    const out: Delivery[] = new Array(Math.floor(count));
    for (let k = 0, p = at + 1; k < out.length; k++, p += 3) {
      const step = this.names[this.list[p]!]!;
      const invocation = this.list[p + 1]!;
      const queued = this.list[p + 2]!;
      out[k] = queued === NONE ? { step, invocation } : { step, invocation, queued };
    }
    return out;
  }

  private fieldsAt(at: number): JsonValue {
    const keys = this.shapes[this.values[at] as number];
    if (keys === undefined || at + keys.length >= this.values.length) throw new RangeError(`A row points to fields at ${at} that are not there.`);
    const out: Record<string, JsonValue> = {};
    for (let k = 0; k < keys.length; k++) out[keys[k]!] = this.values[at + 1 + k] as JsonValue;
    return out;
  }
}
