import type { JsonValue } from '../engine/jsonSafe.ts';
import type { TraceRecord } from '../engine/trace.ts';
import { compareTraces, isPause, sortedJson } from './compareTraces.ts';
import type { RecordDifference } from './compareTraces.ts';
import { nodeMarks, spansOf } from './compareMarks.ts';
import { StableIds } from './recordIdentity.ts';
import { recordWords } from './recordWords.ts';
import { stateAt } from './stateAt.ts';
import { TraceIndex } from './traceIndex.ts';
import { formatMoment } from './timeText.ts';

/** One run of a comparison: its number on the page and its records. */
export interface ComparedRun {
  number: number;
  trace: readonly TraceRecord[];
}

/**
 * How a graph node fared in the second run against the first: the same records, the same ones at
 * other times, other records, or records in one run only.
 */
export type NodeDifference = 'same' | 'time' | 'differs' | 'first-only' | 'second-only';

/** A setting of the runs that differs (seed, clock, workflow, start input). */
export interface SettingDifference {
  name: string;
  first: string;
  second: string;
}

export interface FirstDifference {
  /** As the alignment found it: `changed` (both runs did this, differently), `missing` (only the first), `extra` (only the second). */
  kind: RecordDifference['kind'];
  /** How many of the first run's records (pauses aside) come before it. */
  index: number;
  /** Its record number in the run that has it (the first run's when both do). */
  record: number;
  /** What each run did at that place (undefined for a run that had ended). */
  first: TraceRecord | undefined;
  second: TraceRecord | undefined;
  /** The same thing happened in both, only at another time. */
  timing: boolean;
  /** The step the record is about, if any. */
  step: string | null;
  /** The event it is about, named as the fork editor names it (`StepTwoEvent #2`), if any. */
  event: string | null;
  /** The whole difference in one sentence. */
  words: string;
}

/** One side of an event compared: what it carried, who made it and when, who got it. */
export interface ComparedEvent {
  payload: JsonValue;
  step: string | null;
  t: number;
  to: string[];
}

/** An event matched by type and number of its type (`StepTwoEvent #2`) that differs between the runs. */
export interface EventDifference {
  name: string;
  type: string;
  first: ComparedEvent | null;
  second: ComparedEvent | null;
  /** What differs: `payload`, `producer`, `receivers`, `time`, or `missing`. */
  differs: string[];
}

export interface StateDifference {
  key: string;
  first: JsonValue | undefined;
  second: JsonValue | undefined;
}

/** One invocation's time on a worker, for drawing one run's timeline over the other's. */
export interface Span {
  invocation: number;
  /** The worker it ran on (1-based), so concurrent invocations get lanes of their own. */
  worker: number;
  start: number;
  /** Null while it had not ended when the run's records end. */
  end: number | null;
  status: 'done' | 'failed' | 'cancelled' | 'waiting' | 'running';
  /** Whether a record of this invocation differs from the other run's: `same`, `time` (only when), or `differs`. */
  mark: 'same' | 'time' | 'differs';
}

export interface StepSpans {
  step: string;
  first: Span[];
  second: Span[];
}

export interface RunEnding {
  status: string;
  t: number;
  result: JsonValue | undefined;
}

export interface RunComparison {
  first: number;
  second: number;
  settings: SettingDifference[];
  /** Records identical from the start (run ids, pauses and the settings above aside). */
  same: number;
  difference: FirstDifference | null;
  /** How many records differ in all, once lined up; null when the runs part too widely to line up. */
  differing: number | null;
  events: EventDifference[];
  state: StateDifference[];
  /** Per step name and per event type. */
  steps: Record<string, NodeDifference>;
  eventTypes: Record<string, NodeDifference>;
  spans: StepSpans[];
  endings: { first: RunEnding; second: RunEnding };
}

/**
 * Compares two recorded runs: their settings, the first record where they part (named in words),
 * the events and final state that differ, each step and event type of the graph, and the steps'
 * invocations on one time axis. The records are lined up as Re-run exactly lines them up
 * (`compareTraces`: ids by stable names, pauses aside), with the settings compared apart, so one
 * event more in the second run is that one difference and not a shift of everything after it.
 *
 * @example
 * compareRuns({ number: 1, trace: a }, { number: 2, trace: b }).difference?.words
 * // 'Record 14: stepTwo #3 finished at 2.00 s in run 1, at 3.00 s in run 2.'
 */
export function compareRuns(a: ComparedRun, b: ComparedRun): RunComparison {
  // Every difference is kept: the graph and the timeline mark each one (the alignment bounds them by MAX_EDITS).
  const lined = compareTraces(a.trace, b.trace, Number.POSITIVE_INFINITY, { settingsAside: true, listed: Number.POSITIVE_INFINITY });
  const idsA = new StableIds(a.trace);
  const idsB = new StableIds(b.trace);
  const marks = nodeMarks(a.trace, b.trace, lined, idsA, idsB);
  return {
    first: a.number,
    second: b.number,
    settings: settingDifferences(a.trace, b.trace),
    same: lined.same,
    difference: lined.difference ? firstDifference(lined.difference, a, b, idsA, idsB) : null,
    differing: lined.differing,
    events: eventDifferences(a.trace, b.trace, idsA, idsB),
    state: stateDifferences(a.trace, b.trace),
    steps: marks.steps,
    eventTypes: marks.eventTypes,
    spans: Object.keys(marks.steps).map((step) => ({ step, first: spansOf(a.trace, step, marks.first), second: spansOf(b.trace, step, marks.second) })),
    endings: { first: endingOf(a.trace), second: endingOf(b.trace) },
  };
}

/**
 * The first place where the runs part, in one sentence: what each run did there. A record only one
 * run has is set against the record the other run has at that place (what it did instead), so the
 * sentence reads as the moment they went apart; "had ended" when the other run has no record left.
 */
function firstDifference(d: RecordDifference, a: ComparedRun, b: ComparedRun, idsA: StableIds, idsB: StableIds): FirstDifference {
  const x = d.first ?? ownRecords(a.trace)[d.index];
  const y = d.second ?? ownRecords(b.trace)[d.secondIndex];
  const timing = d.kind === 'changed' && d.fields.length > 0 && d.fields.every((f) => f === 't');
  const about = (d.first ?? d.second)!;
  const step = 'step' in about && typeof about.step === 'string' ? about.step : null;
  const event = (d.first ? eventName(d.first, idsA) : null) ?? (d.second ? eventName(d.second, idsB) : null);
  let words: string;
  if (x && y && timing) words = `${recordWords(x)} at ${formatMoment(x.t)} in run ${a.number}, at ${formatMoment(y.t)} in run ${b.number}`;
  else if (x && y) words = `in run ${a.number} ${recordWords(x)} at ${formatMoment(x.t)}; in run ${b.number} ${recordWords(y)} at ${formatMoment(y.t)}`;
  else if (x) words = `run ${b.number} had ended; in run ${a.number} ${recordWords(x)} at ${formatMoment(x.t)}`;
  else words = `run ${a.number} had ended; in run ${b.number} ${recordWords(y!)} at ${formatMoment(y!.t)}`;
  return { kind: d.kind, index: d.index, record: about.seq, first: x, second: y, timing, step, event, words: `Record ${about.seq}: ${words}.` };
}

/** The records a run wrote itself (its pauses aside), as the alignment counts them. */
function ownRecords(trace: readonly TraceRecord[]): readonly TraceRecord[] {
  return trace.some(isPause) ? trace.filter((r) => !isPause(r)) : trace;
}

/** The event a record is about, by its stable name written as the fork editor writes it: `StepTwoEvent #2`. */
function eventName(record: TraceRecord, ids: StableIds): string | null {
  if (!('event' in record) || typeof record.event !== 'number') return null;
  const name = ids.event(record.event);
  return typeof name === 'string' ? spoken(name) : null;
}

/** `StepTwoEvent#2` as a sentence writes it: `StepTwoEvent #2`. */
function spoken(name: string): string {
  return name.replace(/#(\d+)$/, ' #$1');
}

function settingDifferences(a: readonly TraceRecord[], b: readonly TraceRecord[]): SettingDifference[] {
  const x = a.find((r) => r.kind === 'run.started');
  const y = b.find((r) => r.kind === 'run.started');
  const out: SettingDifference[] = [];
  const add = (name: string, first: unknown, second: unknown) => {
    const f = sortedJson(first ?? null);
    const s = sortedJson(second ?? null);
    if (f !== s) out.push({ name, first: f, second: s });
  };
  if (x?.kind === 'run.started' && y?.kind === 'run.started') {
    add('workflow', x.workflow, y.workflow);
    add('seed', x.seed, y.seed);
    add('clock', x.clock, y.clock);
  }
  add('start input', startPayload(a), startPayload(b));
  return out;
}

function startPayload(trace: readonly TraceRecord[]): JsonValue | undefined {
  const start = trace.find((r) => r.kind === 'event.emitted' && r.via === 'input' && r.step === null);
  return start?.kind === 'event.emitted' ? start.payload : undefined;
}

/** Events matched by their stable names (type and number of their type), keeping those that differ in anything. */
function eventDifferences(a: readonly TraceRecord[], b: readonly TraceRecord[], idsA: StableIds, idsB: StableIds): EventDifference[] {
  const x = namedEvents(a, idsA);
  const y = namedEvents(b, idsB);
  const out: EventDifference[] = [];
  for (const name of [...new Set([...x.keys(), ...y.keys()])]) {
    const first = x.get(name) ?? null;
    const second = y.get(name) ?? null;
    const differs: string[] = [];
    if (!first || !second) differs.push('missing');
    else {
      if (sortedJson(first.event.payload) !== sortedJson(second.event.payload)) differs.push('payload');
      if (first.event.step !== second.event.step) differs.push('producer');
      if (first.event.to.join() !== second.event.to.join()) differs.push('receivers');
      if (first.event.t !== second.event.t) differs.push('time');
    }
    if (differs.length > 0) out.push({ name, type: (first ?? second)!.type, first: first?.event ?? null, second: second?.event ?? null, differs });
  }
  return out;
}

function namedEvents(trace: readonly TraceRecord[], ids: StableIds): Map<string, { type: string; event: ComparedEvent }> {
  const out = new Map<string, { type: string; event: ComparedEvent }>();
  for (const r of trace) {
    if (r.kind !== 'event.emitted') continue;
    const name = eventName(r, ids) ?? `${r.type} (event ${r.event})`;
    out.set(name, { type: r.type, event: { payload: r.payload, step: r.step, t: r.t, to: r.to.map((d) => d.step) } });
  }
  return out;
}

function stateDifferences(a: readonly TraceRecord[], b: readonly TraceRecord[]): StateDifference[] {
  const x = stateAt(TraceIndex.of(a as TraceRecord[]), Number.POSITIVE_INFINITY).values;
  const y = stateAt(TraceIndex.of(b as TraceRecord[]), Number.POSITIVE_INFINITY).values;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  return keys.filter((k) => sortedJson(x[k] ?? null) !== sortedJson(y[k] ?? null) || k in x !== k in y).map((key) => ({ key, first: x[key], second: y[key] }));
}

function endingOf(trace: readonly TraceRecord[]): RunEnding {
  const end = [...trace].reverse().find((r) => r.kind === 'run.finished');
  const last = trace.at(-1);
  if (end?.kind !== 'run.finished') return { status: 'running', t: last?.t ?? 0, result: undefined };
  return { status: end.status, t: end.t, result: end.result };
}
