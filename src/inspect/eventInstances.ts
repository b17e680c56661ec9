import type { TraceIndex } from './traceIndex.ts';

/** One event of a type, as a list of them shows it. */
export interface EventInstance {
  id: number;
  t: number;
  /** Producing step and invocation, or null for input and external events. */
  producer: { step: string; invocation: number } | null;
}

/**
 * Every event of `type` emitted up to the record with seq `atSeq`, in the order they were emitted:
 * what an event node stands for, where the inspector would otherwise show only one of them.
 *
 * @example
 * eventsOfType(TraceIndex.of(trace), 'StepThreeEvent').map((e) => e.id) // [5, 6, 7]
 */
export function eventsOfType(index: TraceIndex, type: string, atSeq = Number.POSITIVE_INFINITY): EventInstance[] {
  const found: EventInstance[] = [];
  // Entries are kept in emission order, so the first one after the cursor ends the search.
  for (const { emitted } of index.events.values()) {
    if (emitted.seq > atSeq) break;
    if (emitted.type !== type) continue;
    const producer = emitted.step !== null && emitted.invocation !== null ? { step: emitted.step, invocation: emitted.invocation } : null;
    found.push({ id: emitted.event, t: emitted.t, producer });
  }
  return found;
}
