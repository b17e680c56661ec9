/** Steps waiting inside `ctx.waitForEvent` for an event of a type with given field values. */
import type { Event, EventClass } from './event.ts';

export interface Waiter {
  readonly type: EventClass;
  readonly requirements: Record<string, unknown> | undefined;
  /** Resumes the step with the event, or rejects it with `error`. */
  readonly settle: (ev: Event | null, id: number | null, error?: unknown) => void;
}

export class Waiters {
  private list: Waiter[] = [];

  get size(): number {
    return this.list.length;
  }

  add(waiter: Waiter): void {
    this.list.push(waiter);
  }

  remove(waiter: Waiter): void {
    this.list = this.list.filter((w) => w !== waiter);
  }

  /**
   * Takes the first waiter `ev` satisfies out of the list, without settling it: the caller records the
   * event first and then wakes the waiter, so the trace says the event was emitted before it was awaited.
   */
  take(ev: Event): Waiter | null {
    const index = this.list.findIndex(
      (w) => ev.constructor === w.type && Object.entries(w.requirements ?? {}).every(([k, v]) => (ev as Record<string, unknown>)[k] === v),
    );
    if (index < 0) return null;
    return this.list.splice(index, 1)[0]!;
  }

  rejectAll(error: unknown): void {
    const list = this.list;
    this.list = [];
    for (const waiter of list) waiter.settle(null, null, error);
  }
}
