import type { JsonValue } from '../engine/jsonSafe.ts';
import type { EmitVia } from '../engine/trace.ts';
import type { TraceIndex } from './traceIndex.ts';
import { upToSeq } from './traceIndex.ts';

/** How an event came to exist, as the inspector words it (`targeted` is a send to one named step). */
export type EventOrigin = 'returned' | 'sent' | 'targeted' | 'streamed' | 'input' | 'external';

export interface EventLink {
  event: number;
  type: string;
  /** Producing step, or null for input and external events. */
  step: string | null;
  invocation: number | null;
  via: EmitVia;
}

export interface EventDescription {
  id: number;
  type: string;
  /** The JSON-safe payload as recorded. */
  fields: JsonValue;
  seq: number;
  t: number;
  origin: EventOrigin;
  producer: { step: string; invocation: number } | null;
  /** For `targeted`: the step named in `sendEvent(ev, "name")`. */
  target: string | null;
  received: { step: string; invocation: number; seq: number; t: number }[];
  dropped: { step: string | null; reason: 'run-ended' | 'collected-leftover'; seq: number; t: number }[];
  /** No step accepts its type. */
  unhandled: boolean;
  /** Published on the run's stream (written to it, or the stop event). */
  published: boolean;
  /** Still in a collect buffer when the run ended. */
  leftover: boolean;
  /** This event, its parent, … back to the event with no parent (the StartEvent for routed events). */
  chain: EventLink[];
}

/**
 * What the trace says about event `eventId`, up to the record with seq `atSeq` (default: all of it),
 * or null when the event has not been emitted by then.
 *
 * @example
 * describeEvent(TraceIndex.of(trace), 8)?.chain.map((l) => l.step) // ['stepThree', 'stepTwo', 'start', null]
 */
export function describeEvent(index: TraceIndex, eventId: number, atSeq = Number.POSITIVE_INFINITY): EventDescription | null {
  const entry = index.events.get(eventId);
  if (!entry || entry.emitted.seq > atSeq) return null;
  const r = entry.emitted;
  return {
    id: r.event,
    type: r.type,
    fields: r.payload,
    seq: r.seq,
    t: r.t,
    origin: originOf(r.via, r.target),
    producer: r.invocation !== null && r.step !== null ? { step: r.step, invocation: r.invocation } : null,
    target: r.target,
    received: upToSeq(entry.deliveries, atSeq).map((d) => ({ step: d.step, invocation: d.invocation, seq: d.seq, t: d.t })),
    dropped: upToSeq(entry.dropped, atSeq).map((d) => ({ step: d.step, reason: d.reason, seq: d.seq, t: d.t })),
    unhandled: entry.unhandled !== null && entry.unhandled.seq <= atSeq,
    published: entry.publishedSeq !== null && entry.publishedSeq <= atSeq,
    leftover: entry.leftoverSeq !== null && entry.leftoverSeq <= atSeq,
    chain: causalChain(index, eventId),
  };
}

/**
 * Follows `parent` links from `eventId` back to the root. Parents are always emitted earlier, so the
 * chain is finite; a guard still stops on a repeated id should a loaded file be inconsistent.
 */
export function causalChain(index: TraceIndex, eventId: number): EventLink[] {
  const chain: EventLink[] = [];
  const seen = new Set<number>();
  let id: number | null = eventId;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const entry = index.events.get(id);
    if (!entry) break;
    const r = entry.emitted;
    chain.push({ event: r.event, type: r.type, step: r.step, invocation: r.invocation, via: r.via });
    id = r.parent;
  }
  return chain;
}

function originOf(via: EmitVia, target: string | null): EventOrigin {
  switch (via) {
    case 'return':
      return 'returned';
    case 'send':
      return target === null ? 'sent' : 'targeted';
    case 'stream':
      return 'streamed';
    case 'input':
      return 'input';
    case 'external':
      return 'external';
  }
}
