import type { JsonValue } from '../engine/jsonSafe.ts';
import type { TraceRecord } from '../engine/trace.ts';

/** An event a fork can give other fields: one the run routed to a step. */
export interface ForkableEvent {
  event: number;
  type: string;
  payload: JsonValue;
  /** The record that emitted it: a fork repeats the records before it. */
  seq: number;
  /** Which delivery of its type this is (1 for the first). */
  ordinal: number;
  to: string[];
}

/** An answer (or other event) sent in from outside that a fork can replace. */
export interface ForkableAnswer {
  /** 0 for the run's first input event. */
  answer: number;
  seq: number;
  type: string;
  value: JsonValue;
  /** The question it answered, when one was asked before it. */
  question: string | null;
}

export interface ForkChoices {
  events: ForkableEvent[];
  answers: ForkableAnswer[];
  /** The event about to be delivered after the first `moment` records, if any. */
  nextEvent: number | null;
  /** The answer sent next after `moment`, if any. */
  nextAnswer: number | null;
}

/** What a fork of `trace` at `moment` (records shown) could change. */
export function forkChoices(trace: readonly TraceRecord[], moment: number): ForkChoices {
  const events: ForkableEvent[] = [];
  const answers: ForkableAnswer[] = [];
  const ordinals = new Map<string, number>();
  let question: string | null = null;
  const recordsInputs = trace.some((r) => r.kind === 'run.started' && r.inputs);
  for (const r of trace) {
    if (r.kind === 'event.emitted') {
      if (r.type === 'InputRequiredEvent') question = prefixOf(r.payload);
      if (r.to.length > 0 && r.via !== 'external') {
        const ordinal = (ordinals.get(r.type) ?? 0) + 1;
        ordinals.set(r.type, ordinal);
        events.push({ event: r.event, type: r.type, payload: r.payload, seq: r.seq, ordinal, to: r.to.map((d) => d.step) });
      }
      if (!recordsInputs && r.via === 'external') answers.push({ answer: answers.length, seq: r.seq, type: r.type, value: r.payload, question });
    } else if (r.kind === 'input.received' && r.input === 'event' && r.type !== null) {
      answers.push({ answer: answers.length, seq: r.seq, type: r.type, value: r.value, question });
    }
  }
  return {
    events,
    answers,
    nextEvent: events.find((e) => e.seq > moment)?.event ?? null,
    nextAnswer: answers.find((a) => a.seq > moment)?.answer ?? null,
  };
}

function prefixOf(payload: JsonValue): string | null {
  const prefix = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload.prefix : undefined;
  return typeof prefix === 'string' ? prefix : null;
}
