/**
 * Scripted answers for human-in-the-loop runs. Tests, and a page that replays an exercise, need to
 * answer a run's questions without a person; the rule is the same in both places, so it lives here
 * as a pure function of the trace so far.
 */
import type { TraceRecord } from '../engine/index.ts';

/** The event type a run publishes when it asks the caller something. */
export const QUESTION_TYPE = 'InputRequiredEvent';

/**
 * Call after appending each record. When that record publishes a question, returns the scripted
 * answer for it (the n-th question gets `answers[n]`), else null; also null once the script has run
 * out, so the run waits as it would for a person who has not answered yet.
 *
 * @example
 * onTrace: (r) => { trace.push(r); const a = answerDue(trace, ["Ada"]); if (a !== null) later(() => handler.sendEvent(new HumanResponseEvent({ response: a }))); }
 */
export function answerDue(trace: readonly TraceRecord[], answers: readonly string[]): string | null {
  const last = trace.at(-1);
  if (last?.kind !== 'stream.published' || last.type !== QUESTION_TYPE) return null;
  let asked = 0;
  for (const record of trace) if (record.kind === 'stream.published' && record.type === QUESTION_TYPE) asked++;
  return answers[asked - 1] ?? null;
}

/** The questions a run asked (their `prefix`), in order. */
export function questionsAsked(trace: readonly TraceRecord[]): string[] {
  const published = new Set<number>();
  for (const r of trace) if (r.kind === 'stream.published' && r.type === QUESTION_TYPE) published.add(r.event);
  const out: string[] = [];
  for (const r of trace) {
    if (r.kind === 'event.emitted' && published.has(r.event)) out.push(String(fieldOf(r.payload, 'prefix') ?? ''));
  }
  return out;
}

function fieldOf(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>)[name] : undefined;
}
