/**
 * What a trace says about the fork it records, for the time-travel chapter's checks: a fork leaves
 * its change in the run as an `input.received` record (see `src/engine/trace.ts`), so a check can
 * tell a fork from a plain run and read what it changed.
 */
import type { EventEmittedRecord, InputReceivedRecord, JsonValue, TraceRecord } from '../engine/index.ts';

export interface ForkedEvent {
  /** The record of the change: the records before it are the replayed prefix. */
  change: InputReceivedRecord;
  /** The event that got the new fields. */
  event: EventEmittedRecord;
  fields: JsonValue;
}

/** The event of `type` whose fields the run's fork replaced, or null when the run is no such fork. */
export function forkedEvent(trace: readonly TraceRecord[], type: string): ForkedEvent | null {
  for (let i = 0; i < trace.length; i++) {
    const r = trace[i]!;
    if (r.kind !== 'input.received' || r.input !== 'fields' || r.type !== type) continue;
    const event = trace.slice(i + 1).find((x): x is EventEmittedRecord => x.kind === 'event.emitted');
    if (event?.type === type) return { change: r, event, fields: r.value };
  }
  return null;
}

/** In words, every change a fork made to the run (empty for a plain run or a re-run). */
export function forkChanges(trace: readonly TraceRecord[]): string[] {
  const out: string[] = [];
  for (const r of trace) {
    if (r.kind !== 'input.received') continue;
    if (r.input === 'fields') out.push(`the fields of a ${r.type ?? 'event'}`);
    else if (r.input === 'state') out.push(`the state value ${r.key ?? ''}`);
  }
  return out;
}

/** A number field of a JSON object, or undefined. */
export function numberField(value: JsonValue, name: string): number | undefined {
  const field = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[name] : undefined;
  return typeof field === 'number' ? field : undefined;
}
