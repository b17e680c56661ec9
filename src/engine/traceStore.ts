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
import type { TraceRecord } from './trace.ts';
import {
  A, DROPPED, DROP_REASONS, EMITTED, FINISHED, NONE, OBJECT, PROGRESS, PUBLISHED, QUEUED, STARTED, STRIDE, TraceTables, UNHANDLED,
  kindOf, type ProgressNeed,
} from './traceTables.ts';

/**
 * Rows of a store and what its tables gained since the previous packet: what a reader in another
 * thread needs to give the same records back (`TraceDecoder`). Plain data; the typed arrays can be
 * transferred.
 */
export interface TracePacket {
  /** `STRIDE` ints per row. */
  ints: Int32Array;
  times: Float64Array;
  /** Per row: its object (a record, a payload), or null. */
  objects: unknown[];
  names: string[];
  runIds: string[];
  shapes: string[][];
  list: Int32Array;
  values: unknown[];
  needs: ProgressNeed[];
}

/** How a packet's maker may replace a row's object on the way out: a whole record, or an event's payload. */
export type PacketObject = { record: TraceRecord } | { payload: unknown };

/** An event class as the store knows it: its type name's id, and the id of its instances' usual key list (or NONE). */
interface EventClassInfo {
  readonly cls: Function;
  readonly type: number;
  shape: number;
}

class Chunk {
  readonly ints: Int32Array;
  readonly times: Float64Array;
  /**
   * Per row: a payload, an expectation, or the whole record; undefined when none. Made for the
   * chunk's first row that has one: the rows a big run writes have none, and an array of them
   * would be thousands of slots for the collector to go through.
   */
  objects: unknown[] | null = null;

  constructor(readonly rows: number) {
    this.ints = new Int32Array(rows * STRIDE);
    this.times = new Float64Array(rows);
  }

  object(row: number): unknown {
    return this.objects === null ? undefined : this.objects[row];
  }

  setObject(row: number, object: unknown): void {
    (this.objects ??= new Array(this.rows))[row] = object;
  }
}

export class TraceStore extends TraceTables {
  private n = 0;
  /** Rows per chunk: a power of two, so a record's chunk and row are a shift and a mask away. */
  private readonly shift: number;
  private readonly chunks: Chunk[] = [];
  /** The chunk being written, and the next free row in it. */
  private chunk: Chunk;
  private row = 0;
  /** Lists opened and not yet closed; while one is, a packet carries the list only up to it. */
  private openLists = 0;
  private firstOpen = 0;
  private readonly nameIds = new Map<string, number>();
  private readonly classes = new Map<Function, EventClassInfo>();
  private lastClass: EventClassInfo | null = null;
  private classBefore: EventClassInfo | null = null;
  private readonly shapeIds = new Map<string, number>();
  /** Each collect expectation's id in `needs` (plain data a packet can carry). */
  private readonly needIds = new WeakMap<Need, number>();
  private lastNeed: Need | null = null;
  private lastNeedId = NONE;
  /** How much of each table the packets so far have carried. */
  private sentNames = 0;
  private sentRunIds = 0;
  private sentShapes = 0;
  private sentList = 0;
  private sentValues = 0;
  private sentNeeds = 0;
  /**
   * Told of each record the engine has written, by index, right after it is complete: how a host that
   * keeps the store hears of the run's progress without an object per record.
   */
  onWritten: ((index: number) => void) | null = null;

  /** `chunkRows`: records per chunk, rounded up to a power of two (a run's own store holds only a few). */
  constructor(chunkRows = 8192) {
    const shift = Math.max(0, Math.ceil(Math.log2(Math.max(1, chunkRows))));
    super(1 << shift);
    this.shift = shift;
    this.chunk = new Chunk(1 << this.shift);
    this.chunks.push(this.chunk);
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
    this.sentList = 0;
    this.sentValues = 0;
    this.chunks.length = 1;
    this.chunk = this.chunks[0]!;
    this.chunk.objects = null;
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
    return this.classOf(cls).type;
  }

  /**
   * What the store knows of an event class. The last two classes seen are checked before the map: a
   * big run sends events of a class or two, one after the other.
   */
  private classOf(cls: Function): EventClassInfo {
    const last = this.lastClass;
    if (last !== null && last.cls === cls) return last;
    const before = this.classBefore;
    if (before !== null && before.cls === cls) {
      this.classBefore = last;
      this.lastClass = before;
      return before;
    }
    let info = this.classes.get(cls);
    if (info === undefined) {
      info = { cls, type: this.nameId(eventTypeName(cls)), shape: NONE };
      this.classes.set(cls, info);
    }
    this.classBefore = last;
    this.lastClass = info;
    return info;
  }

  /** A run's number in this store, given once when the run starts writing. */
  runRef(runId: string): number {
    return this.runIds.push(runId) - 1;
  }

  /** Starts an int list; `listAdd` appends to it and `listClose` seals it. Returns its offset. */
  listOpen(): number {
    const at = this.listLength;
    if (this.openLists++ === 0) this.firstOpen = at;
    this.listAdd(0);
    return at;
  }

  listAdd(value: number): void {
    if (this.listLength === this.list.length) this.listRoom(1);
    this.list[this.listLength++] = value;
  }

  listClose(at: number): void {
    this.list[at] = this.listLength - at - 1;
    this.openLists--;
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
    if (object !== undefined) chunk.setObject(row, object);
    else if (chunk.objects !== null) chunk.objects[row] = undefined;
    this.row = row + 1;
    this.n++;
    return at + A;
  }

  /**
   * The fields of an event that holds only a few numbers, booleans and short strings (what
   * `eventFields` copies as they are), appended to `values` after the id of their key list: no object
   * per event. Returns where they start, or NONE for an event that needs `eventFields`' careful copy.
   */
  private flatFields(ev: Event, info: EventClassInfo): number {
    const values = this.values;
    const at = values.length;
    const shape = info.shape;
    const keys = shape === NONE ? null : this.shapes[shape]!;
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
    if (!same || keys!.length !== n) values[at] = info.shape = this.shapeOf(ev);
    return at;
  }

  /** The id of the event's key list (interned); its class remembers it as its usual one. */
  private shapeOf(ev: Event): number {
    const keys: string[] = [];
    for (const key in ev) keys.push(key);
    const joined = keys.join('\u0000');
    let id = this.shapeIds.get(joined);
    if (id === undefined) {
      id = this.shapes.push(keys) - 1;
      this.shapeIds.set(joined, id);
    }
    return id;
  }

  /** A record of a kind written rarely, kept as it is (its envelope already filled in). */
  addObject(record: TraceRecord, run: number): void {
    this.add(OBJECT, 0, run, record.seq, record.t, record);
  }

  /**
   * `event.emitted`, with a snapshot of the event's fields; `via` is its `viaCode`; `deliveries` is a
   * list of `[step, invocation, queued or -1]` triples, or -1 for none.
   */
  addEmitted(run: number, seq: number, t: number, event: number, ev: Event, via: number, invocation: number, step: number, target: number, parent: number, deliveries: number): void {
    const info = this.classOf(ev.constructor);
    const fields = this.flatFields(ev, info);
    const at = this.add(EMITTED, via, run, seq, t, fields === NONE ? eventFields(ev) : undefined);
    const ints = this.chunk.ints;
    ints[at + 7] = fields;
    ints[at] = event;
    ints[at + 1] = info.type;
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

  /** `step.finished`; its outputs are the `count` consecutive event ids from `first`; `status` is its `statusCode`. */
  addFinished(run: number, seq: number, t: number, step: number, invocation: number, worker: number, first: number, count: number, status: number): void {
    const at = this.add(FINISHED, status, run, seq, t, undefined);
    const ints = this.chunk.ints;
    ints[at] = step;
    ints[at + 1] = invocation;
    ints[at + 2] = worker;
    ints[at + 3] = first;
    ints[at + 4] = count;
  }

  /** `collect.progress`; `have` is a list of counts in the order of `need.classes`. */
  addProgress(run: number, seq: number, t: number, step: number, invocation: number, buffer: number, event: number, need: Need, have: number, complete: boolean): void {
    // A gather's records share one expectation: the last one is checked before the map.
    let kept = need === this.lastNeed ? this.lastNeedId : this.needIds.get(need);
    if (kept === undefined) {
      kept = this.needs.push({ types: need.classes.map(eventTypeName), names: need.names }) - 1;
      this.needIds.set(need, kept);
    }
    this.lastNeed = need;
    this.lastNeedId = kept;
    const at = this.add(PROGRESS, complete ? 1 : 0, run, seq, t, undefined);
    const ints = this.chunk.ints;
    ints[at] = step;
    ints[at + 1] = invocation;
    ints[at + 2] = buffer;
    ints[at + 3] = event;
    ints[at + 4] = kept;
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
    return this.decode(chunk.ints, row * STRIDE, chunk.times[row]!, chunk.object(row));
  }

  /** The kind of the `i`th record, without building it. */
  kindAt(i: number): TraceRecord['kind'] {
    const chunk = this.chunks[i >> this.shift]!;
    const row = i & ((1 << this.shift) - 1);
    return kindOf(chunk.ints[row * STRIDE]!, chunk.object(row));
  }

  /** The event type of the `i`th record when it is an `event.emitted`, else null; builds nothing. */
  emittedTypeAt(i: number): string | null {
    const chunk = this.chunks[i >> this.shift]!;
    const at = (i & ((1 << this.shift) - 1)) * STRIDE;
    return (chunk.ints[at]! & 15) === EMITTED ? this.names[chunk.ints[at + A + 1]!]! : null;
  }

  /** The store's number for the run that wrote the `i`th record (see `runRef`). */
  runRefAt(i: number): number {
    const chunk = this.chunks[i >> this.shift]!;
    return chunk.ints[(i & ((1 << this.shift) - 1)) * STRIDE]! >>> 8;
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

  /**
   * Records `from` to `to` (those `keep` keeps) as a packet, with what the tables gained since the
   * last packet: one reader (`TraceDecoder`) takes the packets in the order made and gives back the same
   * records. `replace` may put another object in a row's place: a record kept whole, or an event's
   * payload that is not a few flat fields (the page's runner bounds the values it sends so).
   */
  packet(from: number, to: number, keep: (i: number) => boolean = () => true, replace: (object: PacketObject) => unknown = (o) => ('record' in o ? o.record : o.payload)): TracePacket {
    let rows = 0;
    for (let i = from; i < to; i++) if (keep(i)) rows++;
    const ints = new Int32Array(rows * STRIDE);
    const times = new Float64Array(rows);
    const objects: unknown[] = new Array(rows).fill(null);
    const mask = (1 << this.shift) - 1;
    // Kept rows are copied a run at a time (a run of consecutive kept rows within one chunk): a row at
    // a time was a typed-array view made and dropped per row, most of the runner's work in a big run.
    for (let i = from, r = 0; i < to; ) {
      if (!keep(i)) {
        i++;
        continue;
      }
      const chunk = this.chunks[i >> this.shift]!;
      const first = i & mask;
      let end = i + 1;
      while (end < to && (end & mask) !== 0 && keep(end)) end++;
      const count = end - i;
      ints.set(chunk.ints.subarray(first * STRIDE, (first + count) * STRIDE), r * STRIDE);
      times.set(chunk.times.subarray(first, first + count), r);
      if (chunk.objects !== null) {
        for (let k = 0; k < count; k++) {
          const object = chunk.objects[first + k];
          if (object === undefined) continue;
          const layout = chunk.ints[(first + k) * STRIDE]! & 15;
          objects[r + k] = layout === OBJECT ? replace({ record: object as TraceRecord }) : layout === EMITTED ? replace({ payload: object }) : object;
        }
      }
      r += count;
      i = end;
    }
    const listEnd = this.openLists > 0 ? this.firstOpen : this.listLength;
    const packet: TracePacket = {
      ints, times, objects,
      names: this.names.slice(this.sentNames),
      runIds: this.runIds.slice(this.sentRunIds),
      shapes: this.shapes.slice(this.sentShapes),
      list: this.list.slice(this.sentList, listEnd),
      values: this.values.slice(this.sentValues),
      needs: this.needs.slice(this.sentNeeds),
    };
    this.sentNeeds = this.needs.length;
    this.sentNames = this.names.length;
    this.sentRunIds = this.runIds.length;
    this.sentShapes = this.shapes.length;
    this.sentList = listEnd;
    this.sentValues = this.values.length;
    return packet;
  }
}

