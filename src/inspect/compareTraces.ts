import type { TraceRecord } from '../engine/trace.ts';
import { StableIds } from './recordIdentity.ts';
import { diffSequences, type Hunk } from './sequenceDiff.ts';

/** One record where two runs differ, once their records are lined up. */
export interface RecordDifference {
  /**
   * `changed`: both runs have a record about the same thing (kind, event, invocation, state key) and
   * it says something else; `missing`: only the first run has it; `extra`: only the second run has it.
   */
  kind: 'changed' | 'missing' | 'extra';
  /** How many of the first run's records (pauses aside) come before it. */
  index: number;
  /** How many of the second run's records (pauses aside) come before it: equal to their count when the second run had ended. */
  secondIndex: number;
  first: TraceRecord | undefined;
  second: TraceRecord | undefined;
  /** For `changed`: the fields that differ (ids compared by what they name, not by their number). */
  fields: string[];
}

/** Where two runs' records first differ, or that they do not, and every record that differs. */
export interface TraceComparison {
  /** How many of the run's records from the start are the same in both (run ids and pauses aside). */
  same: number;
  /** The first record that differs. */
  difference: RecordDifference | null;
  /** The records that differ, in the order of the runs, at most `LISTED` of them. */
  differences: RecordDifference[];
  /** How many records differ in all; null when the runs part too widely to be lined up (see `MAX_EDITS`). */
  differing: number | null;
}

/** How many differences a comparison lists. */
export const LISTED = 100;
/** Past this many records inserted or missing, two runs are not lined up further: they are different runs. */
export const MAX_EDITS = 500;

/** How two runs are compared beyond the records themselves. */
export interface CompareOptions {
  /**
   * The settings two runs were started with on purpose (seed, clock, speed) are left out of their
   * `run.started`: comparing two seeds asks what the seed changed, and the seed itself is said apart.
   */
  settingsAside?: boolean;
  /** How many differences to list (`LISTED` unless told): a comparison that colours a graph needs each one. */
  listed?: number;
}

/**
 * Compares two traces as JSON, leaving out the run ids (each run has its own) and the run's pauses:
 * stepping through a run or stopping at a breakpoint is the person's doing, so the records are
 * compared as if neither run had paused. Where the runs part, their records are lined up by what
 * each one says, with event and invocation ids named by type and step (`Task#2`, `work#3`) instead of
 * their numbers: one record more or less in a run is one difference, not a difference in every
 * record after it. `upTo` limits the comparison to the first run's first records (a fork's replayed
 * prefix, counted as that trace shows them).
 * `options` set the runs' settings aside and say how many differences to list.
 *
 * @example
 * const { difference, differing } = compareTraces(original, replay);
 * if (difference) console.log(`${difference.kind} at record ${difference.index + 1}: ${difference.fields.join(', ')} (${differing} in all)`);
 */
export function compareTraces(first: readonly TraceRecord[], second: readonly TraceRecord[], upTo = Number.POSITIVE_INFINITY, options: CompareOptions = {}): TraceComparison {
  const listed = options.listed ?? LISTED;
  const a = runRecords(first.slice(0, upTo), options);
  const all = runRecords(second, options);
  const b = Number.isFinite(upTo) ? all.slice(0, a.length) : all;
  let same = 0;
  while (same < a.length && same < b.length && sameRecord(a[same]!, b[same]!)) same++;
  if (same === a.length && same === b.length) return { same, difference: null, differences: [], differing: 0 };

  const idsA = new StableIds(a);
  const idsB = new StableIds(b);
  // Each record's stable view is made once, when the alignment first looks at it.
  const viewsA: Record<string, unknown>[] = [];
  const viewsB: Record<string, unknown>[] = [];
  const viewA = (i: number) => (viewsA[i] ??= idsA.view(a[same + i]!));
  const viewB = (j: number) => (viewsB[j] ??= idsB.view(b[same + j]!));
  const hunks = diffSequences(a.length - same, b.length - same, (i, j) => sameValue(viewA(i), viewB(j)), MAX_EDITS);
  if (hunks !== null && hunks.length === 0 && a.length === b.length && a.every((x, i) => canonicalBody(x) === canonicalBody(b[i]!))) {
    // The same once written out (a value the quick check takes for another, such as -0 and 0).
    return { same: a.length, difference: null, differences: [], differing: 0 };
  }
  if (hunks === null || hunks.length === 0) {
    // Too far apart to line up (or apart only in raw ids): the first record that differs, in place.
    const x = a[same];
    const y = b[same];
    const difference: RecordDifference = { kind: x && y ? 'changed' : x ? 'missing' : 'extra', index: same, secondIndex: same, first: x, second: y, fields: x && y ? fieldsThatDiffer(idsA.view(x), idsB.view(y)) : [] };
    return { same, difference, differences: [difference], differing: hunks === null ? null : 1 };
  }
  const differences: RecordDifference[] = [];
  let differing = 0;
  for (const hunk of hunks) {
    const found = hunkDifferences({ ...hunk, aStart: hunk.aStart + same, aEnd: hunk.aEnd + same, bStart: hunk.bStart + same, bEnd: hunk.bEnd + same }, a, b, idsA, idsB);
    differing += found.length;
    differences.push(...found.slice(0, listed - differences.length));
  }
  return { same: differences[0]!.index, difference: differences[0]!, differences, differing };
}

/**
 * The differences in one place where the runs part: a record of each run about the same thing is
 * one record changed; the others are missing from the second run or extra in it.
 */
function hunkDifferences(hunk: Hunk, a: readonly TraceRecord[], b: readonly TraceRecord[], idsA: StableIds, idsB: StableIds): RecordDifference[] {
  const waiting = new Map<string, number[]>();
  for (let j = hunk.bStart; j < hunk.bEnd; j++) {
    const subject = idsB.subject(b[j]!);
    (waiting.get(subject) ?? waiting.set(subject, []).get(subject)!).push(j);
  }
  const paired = new Set<number>();
  const out: RecordDifference[] = [];
  for (let i = hunk.aStart; i < hunk.aEnd; i++) {
    const x = a[i]!;
    const j = waiting.get(idsA.subject(x))?.shift();
    if (j === undefined) {
      out.push({ kind: 'missing', index: i, secondIndex: hunk.bStart, first: x, second: undefined, fields: [] });
      continue;
    }
    paired.add(j);
    out.push({ kind: 'changed', index: i, secondIndex: j, first: x, second: b[j], fields: fieldsThatDiffer(idsA.view(x), idsB.view(b[j]!)) });
  }
  for (let j = hunk.bStart; j < hunk.bEnd; j++) {
    if (!paired.has(j)) out.push({ kind: 'extra', index: hunk.aStart, secondIndex: j, first: undefined, second: b[j], fields: [] });
  }
  return out;
}

/** A pause in step mode or at a breakpoint, or the run going on after it: the person's doing. */
export function isPause(record: TraceRecord): boolean {
  return record.kind === 'run.paused' || record.kind === 'run.resumed';
}

/** The records a run wrote itself: without its pauses (and its settings, when they are compared apart). */
function runRecords(trace: readonly TraceRecord[], options: CompareOptions): readonly TraceRecord[] {
  const own = trace.some(isPause) ? trace.filter((r) => !isPause(r)) : trace;
  if (!options.settingsAside) return own;
  const at = own.findIndex((r) => r.kind === 'run.started');
  const start = own[at];
  if (start?.kind !== 'run.started') return own;
  const { seed: _seed, clock: _clock, speed: _speed, ...rest } = start;
  const out = own.slice();
  out[at] = rest as TraceRecord;
  return out;
}

/** The record as JSON without its run id, keys sorted (a record read back from a file may order them otherwise). */
export function canonical(record: TraceRecord): string {
  const { runId: _runId, ...rest } = record;
  return sortedJson(rest);
}

/** The record as JSON without its run id and its number (pauses before it may shift that). */
function canonicalBody(record: TraceRecord): string {
  const { runId: _runId, seq: _seq, ...rest } = record;
  return sortedJson(rest);
}

/** JSON with object keys sorted, so two values that mean the same compare equal as text. */
export function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Written as loops: a comparison of long runs calls this for every record.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + sortedJson(value[i]);
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (!isSorted(keys)) keys.sort();
  let text = '{';
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${sortedJson(item)}`;
  }
  return `${text}}`;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/**
 * Whether two records say the same, run ids and record numbers aside: what `canonicalBody` would
 * find, without writing either out (most records of two runs compared are the same).
 */
function sameRecord(a: TraceRecord, b: TraceRecord): boolean {
  return sameValue(a, b, true);
}

function sameValue(a: unknown, b: unknown, envelope = false): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const skip = (k: string) => envelope && (k === 'runId' || k === 'seq');
  let count = 0;
  for (const k in x) {
    if (skip(k) || x[k] === undefined) continue;
    count++;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameValue(x[k], y[k])) return false;
  }
  for (const k in y) if (!skip(k) && y[k] !== undefined) count--;
  return count === 0;
}

/** The names of the fields whose values differ, in the first record's order, then the second's extras. */
export function differingFields(a: TraceRecord, b: TraceRecord): string[] {
  return fieldsThatDiffer(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>);
}

function fieldsThatDiffer(left: Record<string, unknown>, right: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((k) => k !== 'runId');
  return names.filter((k) => sortedJson(left[k]) !== sortedJson(right[k]));
}

/** One line for a record, to name a difference: `#12 event.emitted StepTwoEvent {"query":"Query 2"}`. */
export function recordLine(record: TraceRecord | undefined): string {
  if (!record) return '(no such record in this run)';
  const { v: _v, runId: _runId, seq, t: _t, kind, ...rest } = record;
  const body = JSON.stringify(rest);
  return `#${seq} ${kind} ${body.length > 160 ? `${body.slice(0, 157)}...` : body}`;
}

/**
 * One line for a difference, the first run's record before the second's:
 * `only in the second run: #14 log {...}`, `changed payload: #9 event.emitted {...} / #9 event.emitted {...}`.
 */
export function differenceLine(d: RecordDifference): string {
  switch (d.kind) {
    case 'missing':
      return `only in the first run: ${recordLine(d.first)}`;
    case 'extra':
      return `only in the second run: ${recordLine(d.second)}`;
    case 'changed':
      return `changed ${d.fields.join(', ') || 'ids'}: ${recordLine(d.first)} / ${recordLine(d.second)}`;
  }
}

/** How far the differences go, in words: `3 records differ in all.` */
export function differingWords(c: Pick<TraceComparison, 'differing'>): string {
  if (c.differing === null) return `The runs part too widely to line up their records (more than ${MAX_EDITS} records more or less).`;
  return c.differing === 1 ? 'No other record differs.' : `${c.differing} records differ in all.`;
}
