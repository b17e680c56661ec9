/**
 * One `ctx.collectEvents` buffer: events kept per exact class in arrival order. A call costs
 * O(distinct expected types), not O(buffered events), and the expected list's counts are cached per
 * array so a step that hoists `Array(n).fill(Done)` gathers n events in linear time overall.
 */
import { eventTypeName, isEventClass, type Event } from './event.ts';
import { Fifo } from './fifo.ts';

export interface Buffered {
  readonly ev: Event;
  readonly id: number;
}

/** The expected list reduced to counts per class (first-seen order kept for messages). */
export interface Need {
  readonly order: readonly Function[];
  readonly counts: ReadonlyMap<Function, number>;
  /** The same as two arrays, the classes and how many of each: a hot loop then allocates no iterator. */
  readonly classes: readonly Function[];
  readonly amounts: readonly number[];
  /** Counts per type name for the trace, built once per expectation and shared by its records. */
  readonly names: Readonly<Record<string, number>>;
}

const NEED_CACHE = new WeakMap<readonly unknown[], Need>();

export function needOf(types: readonly unknown[]): Need {
  const cached = NEED_CACHE.get(types);
  if (cached && cached.order.length > 0 && cached.order.length === types.length) return cached;
  if (!Array.isArray(types)) throw new TypeError('collectEvents expects a list of event classes as its second argument.');
  const counts = new Map<Function, number>();
  for (const cls of types) {
    if (!isEventClass(cls)) throw new TypeError(`collectEvents expects event classes, got ${String(cls)}.`);
    counts.set(cls, (counts.get(cls) ?? 0) + 1);
  }
  const names: Record<string, number> = {};
  for (const [cls, n] of counts) names[eventTypeName(cls)] = n;
  const need = { order: types as Function[], counts, classes: [...counts.keys()], amounts: [...counts.values()], names: Object.freeze(names) };
  NEED_CACHE.set(types, need);
  return need;
}

export class CollectBuffer {
  private readonly byType = new Map<Function, Fifo<Buffered>>();
  size = 0;
  /** The last expectation seen, to explain a timeout. */
  lastNeed: Need | null = null;

  add(ev: Event, id: number): Buffered {
    const cls = ev.constructor;
    let fifo = this.byType.get(cls);
    if (!fifo) this.byType.set(cls, (fifo = new Fifo()));
    const item = { ev, id };
    fifo.push(item);
    this.size++;
    return item;
  }

  /** Takes back one event added by a step attempt that failed; false when a batch took it already. */
  remove(item: Buffered): boolean {
    const removed = this.byType.get(item.ev.constructor)?.remove(item) ?? false;
    if (removed) this.size--;
    return removed;
  }

  /** Puts a taken batch (as `take` gave it) back ahead of what arrived since, each class in its arrival order. */
  restore(items: readonly Buffered[]): void {
    const byType = new Map<Function, Buffered[]>();
    for (const item of items) (byType.get(item.ev.constructor) ?? byType.set(item.ev.constructor, []).get(item.ev.constructor)!).push(item);
    for (const [cls, list] of byType) {
      let fifo = this.byType.get(cls);
      if (!fifo) this.byType.set(cls, (fifo = new Fifo()));
      fifo.unshift(list);
    }
    this.size += items.length;
  }

  count(cls: Function): number {
    return this.byType.get(cls)?.length ?? 0;
  }

  isSatisfied(need: Need): boolean {
    const { classes, amounts } = need;
    for (let i = 0; i < classes.length; i++) if (this.count(classes[i]!) < amounts[i]!) return false;
    return true;
  }

  /** Removes one batch, in the order of the expected list and arrival order within a class. */
  take(need: Need): Buffered[] {
    const out: Buffered[] = new Array(need.order.length);
    for (let i = 0; i < need.order.length; i++) {
      out[i] = this.byType.get(need.order[i]!)!.shift()!;
    }
    this.size -= out.length;
    return out;
  }

  /** Per type name, how many are buffered, capped at what is needed (for the trace). */
  have(need: Need): Record<string, number> {
    const have: Record<string, number> = {};
    for (const [cls, n] of need.counts) have[eventTypeName(cls)] = Math.min(this.count(cls), n);
    return have;
  }

  /** What is still missing, e.g. `1 more StepThreeEvent (2 of 3 collected)`. */
  missing(need: Need): string[] {
    const parts: string[] = [];
    for (const [cls, n] of need.counts) {
      const have = this.count(cls);
      if (have < n) parts.push(`${n - have} more ${eventTypeName(cls)} (${have} of ${n} collected)`);
    }
    return parts;
  }

  leftovers(): Buffered[] {
    const out: Buffered[] = [];
    for (const fifo of this.byType.values()) out.push(...fifo);
    return out.sort((a, b) => a.id - b.id);
  }
}
