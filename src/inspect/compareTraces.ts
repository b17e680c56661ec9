import type { TraceRecord } from '../engine/trace.ts';

/** Where two runs' records first differ, or that they do not. */
export interface TraceComparison {
  /** How many of the run's records from the start are the same in both (run ids and pauses aside). */
  same: number;
  /**
   * The first record that differs: how many came before it (pauses aside), each run's record there
   * (missing when that run had ended) and the fields that differ.
   */
  difference: { index: number; first: TraceRecord | undefined; second: TraceRecord | undefined; fields: string[] } | null;
}

/**
 * Compares two traces record by record, as JSON, leaving out the run ids (each run has its own) and
 * the run's pauses: stepping through a run or stopping at a breakpoint is the person's doing, so the
 * records are compared as if neither run had paused. `upTo` limits the comparison to the first
 * run's first records (a fork's replayed prefix, counted as that trace shows them).
 *
 * @example
 * const { same, difference } = compareTraces(original, replay);
 * if (difference) console.log(`differs at record ${difference.index + 1}: ${difference.fields.join(', ')}`);
 */
export function compareTraces(first: readonly TraceRecord[], second: readonly TraceRecord[], upTo = Number.POSITIVE_INFINITY): TraceComparison {
  const a = runRecords(first.slice(0, upTo));
  const b = runRecords(second);
  const length = Number.isFinite(upTo) ? a.length : Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || canonical({ ...x, seq: i + 1 }) !== canonical({ ...y, seq: i + 1 })) {
      return { same: i, difference: { index: i, first: x, second: y, fields: x && y ? differingFields({ ...x, seq: i + 1 }, { ...y, seq: i + 1 }) : [] } };
    }
  }
  return { same: length, difference: null };
}

/** A pause in step mode or at a breakpoint, or the run going on after it: the person's doing. */
export function isPause(record: TraceRecord): boolean {
  return record.kind === 'run.paused' || record.kind === 'run.resumed';
}

/** The records a run wrote itself: without its pauses. */
function runRecords(trace: readonly TraceRecord[]): readonly TraceRecord[] {
  return trace.some(isPause) ? trace.filter((r) => !isPause(r)) : trace;
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
