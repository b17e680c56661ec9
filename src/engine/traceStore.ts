/**
 * A trace kept in columns. A run that keeps every record as an object spends most of its time in the
 * garbage collector moving those objects (seven per item of a traced fan-out, each with an array or
 * two of its own); here the records a run writes by the hundred thousand (events, step starts and
 * ends, collect progress, queueing) are a few numbers in typed arrays, their strings interned, and a
 * record becomes an object only when a reader asks for it (`record(i)`). What the run writes rarely
 * (state changes, logs, failures, the run's start and end, inputs) is kept as the record object itself.
 *
 * `record(i)` gives exactly the record a trace listener receives for that write, field for field and
 * in the same key order, so nothing downstream can tell a stored trace from a listened one. One store
 * may keep several runs (a run and its child runs write to the host's store), in the order written.
 */
import { eventFields, eventTypeName, type Event } from './event.ts';
import type { Need } from './collectBuffer.ts';
import type { JsonValue } from './jsonSafe.ts';
import { TRACE_VERSION, type Delivery, type EmitVia, type StepFinishedRecord, type TraceRecord } from './trace.ts';

/**
 * Record layouts. `OBJECT` keeps the record itself; the others are spread over the int columns:
 * - `EMITTED`: a event, b type, c invocation, d parent, e step, f target, g deliveries; flag via; object payload.
 * - `STARTED`: a step, b invocation, c worker, d attempt, e rerunOf, f one event id or a list; flag 1 = list.
 * - `FINISHED`: a step, b invocation, c worker, d first output id, e output count; flag status.
 * - `PROGRESS`: a step, b invocation, c buffer, d event, g have (a list); flag complete; object the expectation.
 * - `QUEUED`: a step, b invocation, c event, d position.
 * - `PUBLISHED`, `UNHANDLED`: a event, b type. `DROPPED`: a event, b step; flag reason.
 */
const OBJECT = 0;
const EMITTED = 1;
const STARTED = 2;
const FINISHED = 3;
const PROGRESS = 4;
const QUEUED = 5;
const PUBLISHED = 6;
const UNHANDLED = 7;
const DROPPED = 8;

const VIAS: readonly EmitVia[] = ['return', 'send', 'stream', 'input', 'external'];
const VIA_CODE: Readonly<Record<EmitVia, number>> = { return: 0, send: 1, stream: 2, input: 3, external: 4 };
const STATUSES: readonly StepFinishedRecord['status'][] = ['done', 'cancelled', 'waiting'];
const STATUS_CODE: Readonly<Record<StepFinishedRecord['status'], number>> = { done: 0, cancelled: 1, waiting: 2 };
const DROP_REASONS = ['run-ended', 'collected-leftover'] as const;

/** Stands for null in an int column (ids, invocations and name ids are never negative). */
const NONE = -1;

/**
 * Ints per row: the header (layout in 4 bits, flag in 4, the run's number above), seq, then the
 * layout's a to h. Rows live in chunks that are never copied: growing a store by doubling its arrays
 * would copy and zero-fill it again and again.
 */
const STRIDE = 10;
const A = 2;

class Chunk {
  readonly ints: Int32Array;
  readonly times: Float64Array;
  /** Per row: a payload, an expectation, or the whole record; undefined when none. */
  readonly objects: unknown[];

  constructor(rows: number) {
    this.ints = new Int32Array(rows * STRIDE);
    this.times = new Float64Array(rows);
    this.objects = new Array(rows);
  }
}

export class TraceStore {
  private n = 0;
  /** Rows per chunk: a power of two, so a record's chunk and row are a shift and a mask away. */
  private readonly shift: number;
  private readonly chunks: Chunk[] = [];
  /** The chunk being written, and the next free row in it. */
  private chunk: Chunk;
  private row = 0;
  /** Variable-length int lists (deliveries, batches, collect counts), each `[count, ...items]`. */
  private list: Int32Array;
  private listLength = 0;
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private readonly typeIds = new Map<Function, number>();
  private readonly runIds: string[] = [];
  /** Flat event fields, each event's after the id of its key list (`flatFields`). */
  private values: unknown[] = [];
  private readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();
  private readonly classShapes = new Map<Function, number>();

  /** `chunkRows`: records per chunk, rounded up to a power of two (a run's own store holds only a few). */
  constructor(chunkRows = 8192) {
    this.shift = Math.max(0, Math.ceil(Math.log2(Math.max(1, chunkRows))));
    this.chunk = new Chunk(1 << this.shift);
    this.chunks.push(this.chunk);
    this.list = new Int32Array(Math.max(16, 1 << this.shift));
  }

  /** How many records it holds. */
  get length(): number {
    return this.n;
  }

  /** Forgets every record; interned names stay, so a writer's ids remain valid. */
  clear(): void {
    this.n = 0;
    this.row = 0;
    this.listLength = 0;
    this.values.length = 0;
    this.chunks.length = 1;
    this.chunk = this.chunks[0]!;
    this.chunk.objects.fill(undefined);
  }

  // ---- writing (the engine) --------------------------------------------------------------------

  /** The id of a name (a step, a buffer): ids are small and stable for the store's life. */
  nameId(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.push(name) - 1;
      this.nameIds.set(name, id);
    }
    return id;
  }

  /** The name id of an event class's type name, looked up by the class. */
  typeId(cls: Function): number {
    let id = this.typeIds.get(cls);
    if (id === undefined) {
      id = this.nameId(eventTypeName(cls));
      this.typeIds.set(cls, id);
    }
    return id;
  }

  /** A run's number in this store, given once when the run starts writing. */
  runRef(runId: string): number {
    return this.runIds.push(runId) - 1;
  }

  /** Starts an int list; `listAdd` appends to it and `listClose` seals it. Returns its offset. */
  listOpen(): number {
    const at = this.listLength;
    this.listAdd(0);
    return at;
  }

  listAdd(value: number): void {
    if (this.listLength === this.list.length) {
      const next = new Int32Array(this.list.length * 2);
      next.set(this.list);
      this.list = next;
    }
    this.list[this.listLength++] = value;
  }

  listClose(at: number): void {
    this.list[at] = this.listLength - at - 1;
  }

  /** A new row with its envelope filled in; returns where its ints start in `this.chunk.ints`. */
  private add(layout: number, flag: number, run: number, seq: number, t: number, object: unknown): number {
    let row = this.row;
    if (row === 1 << this.shift) {
      const index = this.n >> this.shift;
      if (index === this.chunks.length) this.chunks.push(new Chunk(1 << this.shift));
      this.chunk = this.chunks[index]!;
      row = 0;
    }
    const chunk = this.chunk;
    const at = row * STRIDE;
    chunk.ints[at] = layout | (flag << 4) | (run << 8);
    chunk.ints[at + 1] = seq;
    chunk.times[row] = t;
    chunk.objects[row] = object;
    this.row = row + 1;
    this.n++;
    return at + A;
  }

  /**
   * The fields of an event that holds only a few numbers, booleans and short strings (what
   * `eventFields` copies as they are), appended to `values` after the id of their key list: no object
   * per event. Returns where they start, or NONE for an event that needs `eventFields`' careful copy.
   */
  private flatFields(ev: Event): number {
    const values = this.values;
    const at = values.length;
    const shape = this.classShapes.get(ev.constructor);
    const keys = shape === undefined ? null : this.shapes[shape]!;
    let same = keys !== null;
    let n = 0;
    values.push(shape);
    for (const key in ev) {
      const value = (ev as unknown as Record<string, unknown>)[key];
      const kind = typeof value;
      if (++n > 16 || !(kind === 'number' ? Number.isFinite(value) : kind === 'boolean' || (kind === 'string' && (value as string).length <= 200))) {
        values.length = at;
        return NONE;
      }
      if (same && keys![n - 1] !== key) same = false;
      values.push(value);
    }
    if (!same || keys!.length !== n) values[at] = this.shapeOf(ev);
    return at;
  }

  /** The id of the event's key list (interned), remembered as its class's usual one. */
  private shapeOf(ev: Event): number {
    const keys: string[] = [];
    for (const key in ev) keys.push(key);
    const joined = keys.join('\u0000');
    let id = this.shapeIds.get(joined);
    if (id === undefined) {
      id = this.shapes.push(keys) - 1;
      this.shapeIds.set(joined, id);
    }
    this.classShapes.set(ev.constructor, id);
    return id;
  }

  private fieldsAt(at: number): JsonValue {
    const keys = this.shapes[this.values[at] as number]!;
    const out: Record<string, JsonValue> = {};
    for (let k = 0; k < keys.length; k++) out[keys[k]!] = this.values[at + 1 + k] as JsonValue;
    return out;
  }

  /** A record of a kind written rarely, kept as it is (its envelope already filled in). */
  addObject(record: TraceRecord, run: number): void {
    this.add(OBJECT, 0, run, record.seq, record.t, record);
  }

  /**
   * `event.emitted`, with a snapshot of the event's fields; `deliveries` is a list of `[step,
   * invocation, queued or -1]` triples, or -1 for none.
   */
  addEmitted(run: number, seq: number, t: number, event: number, type: number, ev: Event, via: EmitVia, invocation: number, step: number, target: number, parent: number, deliveries: number): void {
    const fields = this.flatFields(ev);
    const at = this.add(EMITTED, VIA_CODE[via], run, seq, t, fields === NONE ? eventFields(ev) : undefined);
    const ints = this.chunk.ints;
    ints[at + 7] = fields;
    ints[at] = event;
    ints[at + 1] = type;
    ints[at + 2] = invocation;
    ints[at + 3] = parent;
    ints[at + 4] = step;
    ints[at + 5] = target;
    ints[at + 6] = deliveries;
  }

  /** `step.started` with one input event (`list` false) or a batch's list. */
  addStarted(run: number, seq: number, t: number, step: number, invocation: number, worker: number, events: number, list: boolean, attempt: number, rerunOf: number): void {
    const at = this.add(STARTED, list ? 1 : 0, run, seq, t, undefined);
    const ints = this.chunk.ints;
    ints[at] = step;
    ints[at + 1] = invocation;
    ints[at + 2] = worker;
    ints[at + 3] = attempt;
    ints[at + 4] = rerunOf;
    ints[at + 5] = events;
  }

  /** `step.finished`; its outputs are the `count` consecutive event ids from `first`. */
  addFinished(run: number, seq: number, t: number, step: number, invocation: number, worker: number, first: number, count: number, status: StepFinishedRecord['status']): void {
    const at = this.add(FINISHED, STATUS_CODE[status], run, seq, t, undefined);
    const ints = this.chunk.ints;
    ints[at] = step;
    ints[at + 1] = invocation;
    ints[at + 2] = worker;
    ints[at + 3] = first;
    ints[at + 4] = count;
  }

  /** `collect.progress`; `have` is a list of counts in the order of `need.classes`. */
  addProgress(run: number, seq: number, t: number, step: number, invocation: number, buffer: number, event: number, need: Need, have: number, complete: boolean): void {
    const at = this.add(PROGRESS, complete ? 1 : 0, run, seq, t, need);
    const ints = this.chunk.ints;
    ints[at] = step;
    ints[at + 1] = invocation;
    ints[at + 2] = buffer;
    ints[at + 3] = event;
    ints[at + 6] = have;
  }

  addQueued(run: number, seq: number, t: number, step: number, invocation: number, event: number, position: number): void {
    const at = this.add(QUEUED, 0, run, seq, t, undefined);
    const ints = this.chunk.ints;
    ints[at] = step;
    ints[at + 1] = invocation;
    ints[at + 2] = event;
    ints[at + 3] = position;
  }

  /** `stream.published` or `event.unhandled`: an event and its type. */
  addEventOnly(kind: 'stream.published' | 'event.unhandled', run: number, seq: number, t: number, event: number, type: number): void {
    const at = this.add(kind === 'stream.published' ? PUBLISHED : UNHANDLED, 0, run, seq, t, undefined);
    const ints = this.chunk.ints;
    ints[at] = event;
    ints[at + 1] = type;
  }

  addDropped(run: number, seq: number, t: number, event: number, step: number, reason: (typeof DROP_REASONS)[number]): void {
    const at = this.add(DROPPED, reason === 'run-ended' ? 0 : 1, run, seq, t, undefined);
    const ints = this.chunk.ints;
    ints[at] = event;
    ints[at + 1] = step;
  }

  // ---- reading -----------------------------------------------------------------------------------

  /** The `i`th record (0-based), as a trace listener received it; a new object for each call. */
  record(i: number): TraceRecord {
    if (!(i >= 0 && i < this.n)) throw new RangeError(`No record ${i} in a trace of ${this.n}.`);
    const chunk = this.chunks[i >> this.shift]!;
    const row = i & ((1 << this.shift) - 1);
    const ints = chunk.ints;
    const at = row * STRIDE;
    const layout = ints[at]! & 15;
    const flag = (ints[at]! >> 4) & 15;
    const object = chunk.objects[row];
    if (layout === OBJECT) return object as TraceRecord;
    const v = TRACE_VERSION;
    const runId = this.runIds[ints[at]! >>> 8]!;
    const seq = ints[at + 1]!;
    const t = chunk.times[row]!;
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
        const outputs: number[] = new Array(e);
        for (let k = 0; k < e; k++) outputs[k] = d + k;
        return { v, runId, seq, t, kind: 'step.finished', step: this.names[a]!, invocation: b, worker: c, outputs, status: STATUSES[flag]! };
      }
      case PROGRESS: {
        const need = object as Need;
        const have: Record<string, number> = {};
        for (let k = 0; k < need.classes.length; k++) have[eventTypeName(need.classes[k]!)] = this.list[g + 1 + k]!;
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
        throw new Error(`Record ${i} has an unknown layout ${layout}.`);
    }
  }

  /** Records `from` to `to` (exclusive), as objects. */
  records(from = 0, to = this.n): TraceRecord[] {
    const end = Math.min(to, this.n);
    const out: TraceRecord[] = [];
    for (let i = Math.max(0, from); i < end; i++) out.push(this.record(i));
    return out;
  }

  *[Symbol.iterator](): IterableIterator<TraceRecord> {
    for (let i = 0; i < this.n; i++) yield this.record(i);
  }

  private nameOrNull(id: number): string | null {
    return id === NONE ? null : this.names[id]!;
  }

  private ids(at: number): number[] {
    const count = this.list[at]!;
    const out: number[] = new Array(count);
    for (let k = 0; k < count; k++) out[k] = this.list[at + 1 + k]!;
    return out;
  }

  private deliveries(at: number): Delivery[] {
    if (at === NONE) return [];
    const count = this.list[at]! / 3;
    const out: Delivery[] = new Array(count);
    for (let k = 0, p = at + 1; k < count; k++, p += 3) {
      const step = this.names[this.list[p]!]!;
      const invocation = this.list[p + 1]!;
      const queued = this.list[p + 2]!;
      out[k] = queued === NONE ? { step, invocation } : { step, invocation, queued };
    }
    return out;
  }
}
