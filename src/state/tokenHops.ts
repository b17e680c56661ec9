import type { TraceRecord } from '../engine/trace.ts';
import type { GraphIndex } from './graphIndex.ts';
import type { PlaybackSchedule } from './playbackSchedule.ts';

export interface TokenView {
  /** Stable while the token travels: `<event id>:<hop target>`, or `group:<n>` for a collapsed bunch. */
  key: string;
  type: string;
  /** 0 at the source end of the edge, 1 at the target end. */
  progress: number;
  /** How many events this token stands for (many on one edge collapse into one count). */
  count: number;
}

/** More tokens than this on one edge collapse into counted bunches. */
export const MAX_TOKENS_PER_EDGE = 5;

/** A bunch per type and tenth of its edge. */
const SLOTS = 10;

/**
 * Every hop a token makes in one scheduled trace on one graph, kept as columns of numbers: when it
 * sets off, its edge, its event type, and the record and delivery it comes from. A frame of a
 * 100,000-event fan-out has tens of thousands of tokens in flight; reading them from these columns
 * costs no string, map lookup or allocation per token, where reading them from the records cost a few
 * milliseconds a frame. Built once per record as the view moves forward (hops only ever add up).
 *
 * A hop is an emitted event leaving its producer (at the record's time) or one of its deliveries
 * leaving the event node (one hop later, or at once for an input event). Hops are kept in record order
 * and, within a record, the producer's hop before the deliveries in their order, which is the order
 * tokens are listed in.
 */
export class TokenHops {
  /** Hops of the records before record i: `firstHop[i]`, for the records read so far (and one more). */
  private firstHop = new Int32Array(1024);
  private start = new Float64Array(1024);
  private edge = new Int32Array(1024);
  private type = new Int32Array(1024);
  private record = new Int32Array(1024);
  /** The delivery's place in its record's `to`, or -1 for the producer's hop. */
  private target = new Int32Array(1024);
  private records = 0;
  private hops = 0;
  private readonly edgeIds: string[] = [];
  private readonly edgeNumbers = new Map<string, number>();
  private readonly typeNames: string[] = [];
  private readonly typeNumbers = new Map<string, number>();
  // Scratch for one frame: the hops in flight, tokens per edge, and the bunch of each (edge, type,
  // tenth) with its frame.
  private flying = new Int32Array(0);
  private counts = new Int32Array(0);
  private bunches: TokenView[] = [];
  private bunchFrame = new Int32Array(0);
  private frame = 0;

  constructor(
    readonly schedule: PlaybackSchedule,
    readonly index: GraphIndex,
  ) {}

  /**
   * The tokens in flight at presentation time `now`, per edge id, among the hops of records
   * `[from, to)`: those that set off within one hop before `now` (deliveries only before `stopAt`).
   */
  tokensAt(trace: readonly TraceRecord[], from: number, to: number, now: number, stopAt: number): Record<string, TokenView[]> {
    this.readTo(trace, to);
    const hop = this.schedule.timing.hop;
    const first = this.firstHop[Math.min(from, to)]!;
    const last = this.firstHop[to]!;
    const { start, edge, target } = this;
    if (this.flying.length < last - first) this.flying = new Int32Array(last - first);
    // The hops in flight, and how many per edge: whether an edge's tokens are bunched depends on it.
    const flying = this.flying;
    const counts = this.counts;
    counts.fill(0);
    let n = 0;
    for (let h = first; h < last; h++) {
      const s = start[h]!;
      if (s > now || now - s >= hop || (target[h]! >= 0 && s >= stopAt)) continue;
      counts[edge[h]!]!++;
      flying[n++] = h;
    }
    if (n === 0) return {};
    const perEdge: Record<string, TokenView[]> = {};
    const frame = ++this.frame;
    const types = this.typeNames.length;
    for (let k = 0; k < n; k++) {
      const h = flying[k]!;
      const s = start[h]!;
      const e = edge[h]!;
      const id = this.edgeIds[e]!;
      const list = (perEdge[id] ??= []);
      const progress = (now - s) / hop;
      const type = this.typeNames[this.type[h]!]!;
      if (counts[e]! <= MAX_TOKENS_PER_EDGE) {
        list.push({ key: this.keyOf(trace, h), type, progress, count: 1 });
        continue;
      }
      // Bunched by type and by tenth of the edge, each bunch drawn once with its count.
      const slot = Math.min(SLOTS - 1, Math.floor(progress * SLOTS));
      const b = (e * types + this.type[h]!) * SLOTS + slot;
      if (this.bunchFrame[b] === frame) {
        const bunch = this.bunches[b]!;
        bunch.count++;
        bunch.progress = Math.max(bunch.progress, progress);
      } else {
        const created = { key: `group:${type}@${slot}`, type, progress, count: 1 };
        this.bunchFrame[b] = frame;
        this.bunches[b] = created;
        list.push(created);
      }
    }
    return perEdge;
  }

  private keyOf(trace: readonly TraceRecord[], h: number): string {
    const r = trace[this.record[h]!] as Extract<TraceRecord, { kind: 'event.emitted' }>;
    const t = this.target[h]!;
    return t < 0 ? `${r.event}:event` : `${r.event}:${r.to[t]!.step}`;
  }

  /** Reads the hops of records up to `to` (the schedule has placed them). */
  private readTo(trace: readonly TraceRecord[], to: number): void {
    if (to <= this.records) return;
    if (this.firstHop.length < to + 1) this.firstHop = grown(this.firstHop, to + 1);
    const schedule = this.schedule;
    for (let i = this.records; i < to; i++) {
      this.firstHop[i] = this.hops;
      const r = trace[i]!;
      if (r.kind !== 'event.emitted') continue;
      const p = schedule.tokenStarts[i]!;
      if (r.step !== null && !Number.isNaN(p)) this.add(this.index.producedEdge(r.step, r.type), p, r.type, i, -1);
      if (r.to.length === 0) continue;
      const q = schedule.deliveryStart(i, r);
      for (let d = 0; d < r.to.length; d++) this.add(this.index.consumedEdge(r.type, r.to[d]!.step), q, r.type, i, d);
    }
    this.records = to;
    this.firstHop[to] = this.hops;
    this.sizeScratch();
  }

  private add(edgeId: string | undefined, start: number, type: string, record: number, target: number): void {
    if (edgeId === undefined) return;
    const h = this.hops;
    if (h === this.start.length) {
      const size = h * 2;
      this.start = grown(this.start, size);
      this.edge = grown(this.edge, size);
      this.type = grown(this.type, size);
      this.record = grown(this.record, size);
      this.target = grown(this.target, size);
    }
    this.start[h] = start;
    this.edge[h] = numberOf(edgeId, this.edgeIds, this.edgeNumbers);
    this.type[h] = numberOf(type, this.typeNames, this.typeNumbers);
    this.record[h] = record;
    this.target[h] = target;
    this.hops = h + 1;
  }

  private sizeScratch(): void {
    if (this.counts.length < this.edgeIds.length) this.counts = new Int32Array(this.edgeIds.length);
    const bunches = this.edgeIds.length * this.typeNames.length * SLOTS;
    if (this.bunchFrame.length < bunches) {
      this.bunchFrame = new Int32Array(bunches);
      this.bunches = new Array<TokenView>(bunches);
      this.frame = 0;
    }
  }
}

function numberOf(name: string, names: string[], numbers: Map<string, number>): number {
  let n = numbers.get(name);
  if (n === undefined) {
    n = names.length;
    names.push(name);
    numbers.set(name, n);
  }
  return n;
}

function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}
