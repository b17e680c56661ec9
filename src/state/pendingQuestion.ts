/**
 * Human in the loop, as the page sees it: the question a run is waiting on. A step asks by
 * publishing an InputRequiredEvent on the run's stream (its `prefix` is the question, in the
 * matching `event.emitted` record); every answer comes back as an external HumanResponseEvent.
 */
import type { TraceRecord } from '../engine/trace.ts';

export interface PendingQuestion {
  /** 0 for the run's first question, 1 for the second, ... */
  index: number;
  prefix: string;
}

export function pendingQuestion(trace: readonly TraceRecord[]): PendingQuestion | null {
  const published = new Set<number>();
  const prefixes = new Map<number, string>();
  const asked: number[] = [];
  let answered = 0;
  for (const record of trace) {
    if (record.kind === 'run.finished') return null;
    if (record.kind === 'event.emitted') {
      if (record.type === 'InputRequiredEvent') prefixes.set(record.event, prefixOf(record.payload));
      if (record.type === 'HumanResponseEvent' && record.via === 'external') answered++;
    } else if (record.kind === 'stream.published' && record.type === 'InputRequiredEvent' && !published.has(record.event)) {
      published.add(record.event);
      asked.push(record.event);
    }
  }
  if (asked.length <= answered) return null;
  const event = asked[answered]!;
  return { index: answered, prefix: prefixes.get(event) ?? '' };
}

function prefixOf(payload: unknown): string {
  const prefix = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>).prefix : undefined;
  return typeof prefix === 'string' ? prefix : String(prefix ?? '');
}
