/**
 * `ctx.waitForEvent`, as the library does it: the first call ends the invocation ("waiting") and
 * leaves a waiter on its step; when an event of the awaited type (with the required field values)
 * arrives, the step runs again from the top with the same input, and the same call then returns that
 * event at once. Code before the wait therefore runs twice, as in Python.
 *
 * Events that nobody handled are kept (a few) for waiters that come later, so an answer sent before
 * the step reached its wait is not lost.
 */
import type { Event, EventClass } from './event.ts';
import { eventTypeName } from './event.ts';
import type { Pending } from './invocation.ts';
import type { Timer } from './clock.ts';

export interface StepWaiter {
  readonly key: string;
  readonly type: EventClass;
  readonly requirements: Record<string, unknown> | undefined;
  /** What the step was called with: the re-run gets the same. */
  readonly input: Pending;
  /** The invocation that waited (for the trace). */
  readonly invocation: number;
  /** Its `waiterEvent` is a question to a person (an InputRequiredEvent), asked again when the step re-runs. */
  readonly asks: boolean;
  resolved: { ev: Event; id: number } | null;
  timedOut: boolean;
  timer: Timer | null;
}

/**
 * Thrown (as a rejection) out of `waitForEvent` on the first call so the step's code after the wait
 * does not run; the engine recognises the invocation as waiting even if user code catches it.
 */
export class WaitingForEvent extends Error {
  override name = 'WaitingForEvent';
  constructor(type: string) {
    super(`The step waits for ${type} and will run again from the top when it arrives.`);
  }
}

/** The default waiter key: one waiter per step, event type and requirements, as the library keys them. */
export function waiterKey(type: EventClass, requirements: Record<string, unknown> | undefined): string {
  let req = '';
  if (requirements) {
    try {
      req = JSON.stringify(requirements);
    } catch {
      req = Object.keys(requirements).join(',');
    }
  }
  return `waiter_${eventTypeName(type)}_${req}`;
}

export function matches(waiter: StepWaiter, ev: Event): boolean {
  if (ev.constructor !== waiter.type) return false;
  const req = waiter.requirements;
  if (!req) return true;
  for (const key in req) if ((ev as unknown as Record<string, unknown>)[key] !== req[key]) return false;
  return true;
}

/** Unhandled events kept for waiters that come later; the oldest go first past the cap. */
export class ParkedEvents {
  private list: { ev: Event; id: number }[] = [];
  static readonly CAP = 100;

  park(ev: Event, id: number): void {
    this.list.push({ ev, id });
    if (this.list.length > ParkedEvents.CAP) this.list.shift();
  }

  /** Takes the oldest parked event the waiter accepts. */
  take(waiter: StepWaiter): { ev: Event; id: number } | null {
    const index = this.list.findIndex((p) => matches(waiter, p.ev));
    return index < 0 ? null : this.list.splice(index, 1)[0]!;
  }
}
