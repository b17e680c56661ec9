import { jsonLine } from '../engine/jsonLine.ts';
import type { TraceIndex } from './traceIndex.ts';

/** One event of a type, as a list of them shows it. */
export interface EventInstance {
  id: number;
  /** The seq of its `event.emitted` record: where a cursor moves to show it. */
  seq: number;
  t: number;
  /** Its fields on one line, cut to about 80 characters: `query="Query 1", n=3`. */
  summary: string;
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
    found.push({ id: emitted.event, seq: emitted.seq, t: emitted.t, producer, summary: payloadSummary(emitted.payload) });
  }
  return found;
}

/**
 * Which of a type's `total` instances a list of at most `max` rows shows, as `[from, to)`, when
 * `shown` of them are at or before the cursor: the latest of those, so a list at any moment of a
 * big run shows what just happened; a list with room to spare fills up with the next ones (the page
 * marks them as later).
 *
 * @example
 * listedRange(50_000, 32_832, 200) // { from: 32_632, to: 32_832 }
 * listedRange(150, 10, 200) // { from: 0, to: 150 }
 */
export function listedRange(total: number, shown: number, max: number): { from: number; to: number } {
  const to = Math.min(total, Math.max(shown, max));
  return { from: Math.max(0, to - max), to };
}

const SUMMARY_LENGTH = 80;

/**
 * An event's fields on one line, `name=value` in their order, values as JSON; cut with "…" past
 * `max` characters. Run data is the user's: nothing of it is trusted to be short or flat.
 */
export function payloadSummary(payload: unknown, max = SUMMARY_LENGTH): string {
  let text: string;
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    const parts: string[] = [];
    let length = 0;
    for (const [key, value] of Object.entries(payload)) {
      const part = `${key}=${jsonLine(value, max)}`;
      parts.push(part);
      length += part.length + 2;
      if (length > max) break;
    }
    text = parts.join(', ');
  } else {
    text = jsonLine(payload, max);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
