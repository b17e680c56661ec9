import type { TraceRecord } from '../engine/trace.ts';

/** Where two runs' records first differ, or that they do not. */
export interface TraceComparison {
  /** How many records from the start are the same in both (run ids aside). */
  same: number;
  /** The first record that differs: its index, each run's record there (missing when that run had ended). */
  difference: { index: number; first: TraceRecord | undefined; second: TraceRecord | undefined; fields: string[] } | null;
}

/**
 * Compares two traces record by record, as JSON, leaving out the run ids (each run has its own).
 * `upTo` limits the comparison to the first records (a fork's replayed prefix).
 *
 * @example
 * const { same, difference } = compareTraces(original, replay);
 * if (difference) console.log(`differs at record ${difference.index + 1}: ${difference.fields.join(', ')}`);
 */
export function compareTraces(first: readonly TraceRecord[], second: readonly TraceRecord[], upTo = Number.POSITIVE_INFINITY): TraceComparison {
  const length = Math.min(Math.max(first.length, second.length), upTo);
  for (let i = 0; i < length; i++) {
    const a = first[i];
    const b = second[i];
    if (a === undefined || b === undefined || canonical(a) !== canonical(b)) {
      return { same: i, difference: { index: i, first: a, second: b, fields: a && b ? differingFields(a, b) : [] } };
    }
  }
  return { same: length, difference: null };
}

/** The record as JSON without its run id, keys sorted (a record read back from a file may order them otherwise). */
export function canonical(record: TraceRecord): string {
  const { runId: _runId, ...rest } = record;
  return sortedJson(rest);
}

/** JSON with object keys sorted, so two values that mean the same compare equal as text. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The names of the fields whose values differ, in the first record's order, then the second's extras. */
export function differingFields(a: TraceRecord, b: TraceRecord): string[] {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((k) => k !== 'runId');
  return names.filter((k) => sortedJson(left[k]) !== sortedJson(right[k]));
}

/** One line for a record, to name a difference: `#12 event.emitted StepTwoEvent {"query":"Query 2"}`. */
export function recordLine(record: TraceRecord | undefined): string {
  if (!record) return '(no record: the run had ended)';
  const { v: _v, runId: _runId, seq, t: _t, kind, ...rest } = record;
  const body = JSON.stringify(rest);
  return `#${seq} ${kind} ${body.length > 160 ? `${body.slice(0, 157)}...` : body}`;
}
