import type { JsonValue } from '../engine/jsonSafe.ts';
import type { TraceRecord } from '../engine/trace.ts';
import { sortedJson } from './compareTraces.ts';
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
  /** The index of the record in both traces (its record number is `index + 1`). */
  index: number;
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
  /** Records identical from the start (run ids and the settings above aside). */
  same: number;
  difference: FirstDifference | null;
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
 * invocations on one time axis.
 *
 * @example
 * compareRuns({ number: 1, trace: a }, { number: 2, trace: b }).difference?.words
 * // 'Record 14: stepTwo #3 finished at 2.00 s in run 1, at 3.00 s in run 2.'
 */
export function compareRuns(a: ComparedRun, b: ComparedRun): RunComparison {
  const { same, difference } = firstDifference(a, b);
  const steps = nodeDifferences(a.trace, b.trace, stepRecords);
  const eventTypes = nodeDifferences(a.trace, b.trace, eventRecords);
  return {
    first: a.number,
    second: b.number,
    settings: settingDifferences(a.trace, b.trace),
    same,
    difference,
    events: eventDifferences(a.trace, b.trace),
    state: stateDifferences(a.trace, b.trace),
    steps,
    eventTypes,
    spans: [...new Set([...Object.keys(steps)])].map((step) => ({ step, first: spansOf(a.trace, step), second: spansOf(b.trace, step) })),
    endings: { first: endingOf(a.trace), second: endingOf(b.trace) },
  };
}

/** A record as compared: without its run id, and a run's start without the settings compared apart. */
function comparable(record: TraceRecord): string {
  if (record.kind === 'run.started') {
    const { runId: _r, seed: _s, clock: _c, speed: _p, ...rest } = record;
    return sortedJson(rest);
  }
  const { runId: _r, ...rest } = record;
  return sortedJson(rest);
}

function withoutTime(record: TraceRecord): string {
  const { runId: _r, t: _t, ...rest } = record;
  return sortedJson(rest);
}

function firstDifference(a: ComparedRun, b: ComparedRun): { same: number; difference: FirstDifference | null } {
  const length = Math.max(a.trace.length, b.trace.length);
  for (let i = 0; i < length; i++) {
    const x = a.trace[i];
    const y = b.trace[i];
    if (x !== undefined && y !== undefined && comparable(x) === comparable(y)) continue;
    const timing = x !== undefined && y !== undefined && withoutTime(x) === withoutTime(y);
    const about = x ?? y!;
    const step = 'step' in about && typeof about.step === 'string' ? about.step : null;
    const event = eventName(a.trace, i) ?? eventName(b.trace, i);
    let words: string;
    if (timing) words = `${recordWords(x!)} at ${formatMoment(x!.t)} in run ${a.number}, at ${formatMoment(y!.t)} in run ${b.number}`;
    else if (x === undefined) words = `run ${a.number} had ended; in run ${b.number} ${recordWords(y!)} at ${formatMoment(y!.t)}`;
    else if (y === undefined) words = `run ${b.number} had ended; in run ${a.number} ${recordWords(x)} at ${formatMoment(x.t)}`;
    else words = `in run ${a.number} ${recordWords(x)} at ${formatMoment(x.t)}; in run ${b.number} ${recordWords(y)} at ${formatMoment(y.t)}`;
    return { same: i, difference: { index: i, first: x, second: y, timing, step, event, words: `Record ${i + 1}: ${words}.` } };
  }
  return { same: length, difference: null };
}

/** The event record `index` is about, by type and number of its type: `StepTwoEvent #2`. */
function eventName(trace: readonly TraceRecord[], index: number): string | null {
  const record = trace[index];
  if (!record) return null;
  const id = record.kind === 'event.emitted' || record.kind === 'event.dropped' || record.kind === 'event.unhandled' || record.kind === 'stream.published' ? record.event : null;
  if (id === null) return null;
  let ordinal = 0;
  let type: string | null = null;
  for (const r of trace) {
    if (r.kind !== 'event.emitted') continue;
    if (r.event === id) {
      type = r.type;
      break;
    }
  }
  if (type === null) return null;
  for (const r of trace) {
    if (r.kind !== 'event.emitted' || r.type !== type) continue;
    ordinal++;
    if (r.event === id) break;
  }
  return `${type} #${ordinal}`;
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

/** Events matched by type and number of their type, keeping those that differ in anything. */
function eventDifferences(a: readonly TraceRecord[], b: readonly TraceRecord[]): EventDifference[] {
  const x = namedEvents(a);
  const y = namedEvents(b);
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

function namedEvents(trace: readonly TraceRecord[]): Map<string, { type: string; event: ComparedEvent }> {
  const counts = new Map<string, number>();
  const out = new Map<string, { type: string; event: ComparedEvent }>();
  for (const r of trace) {
    if (r.kind !== 'event.emitted') continue;
    const n = (counts.get(r.type) ?? 0) + 1;
    counts.set(r.type, n);
    out.set(`${r.type} #${n}`, { type: r.type, event: { payload: r.payload, step: r.step, t: r.t, to: r.to.map((d) => d.step) } });
  }
  return out;
}

function stateDifferences(a: readonly TraceRecord[], b: readonly TraceRecord[]): StateDifference[] {
  const x = stateAt(TraceIndex.of(a as TraceRecord[]), Number.POSITIVE_INFINITY).values;
  const y = stateAt(TraceIndex.of(b as TraceRecord[]), Number.POSITIVE_INFINITY).values;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  return keys.filter((k) => sortedJson(x[k] ?? null) !== sortedJson(y[k] ?? null) || k in x !== k in y).map((key) => ({ key, first: x[key], second: y[key] }));
}

/** The records that concern one step: its invocations, what it emitted or got, its state and output. */
function stepRecords(trace: readonly TraceRecord[]): Map<string, TraceRecord[]> {
  const out = new Map<string, TraceRecord[]>();
  const add = (name: string, r: TraceRecord) => (out.get(name) ?? out.set(name, []).get(name)!).push(r);
  for (const r of trace) {
    if (r.kind === 'run.started') for (const s of r.steps) out.set(s.name, out.get(s.name) ?? []);
    if (r.kind === 'event.emitted') {
      if (r.step !== null) add(r.step, r);
      for (const d of r.to) if (d.step !== r.step) add(d.step, r);
    } else if ('step' in r && typeof r.step === 'string') add(r.step, r);
  }
  return out;
}

function eventRecords(trace: readonly TraceRecord[]): Map<string, TraceRecord[]> {
  const out = new Map<string, TraceRecord[]>();
  for (const r of trace) if (r.kind === 'event.emitted') (out.get(r.type) ?? out.set(r.type, []).get(r.type)!).push(r);
  return out;
}

/**
 * Each node's records in both runs, compared without their record numbers (something elsewhere may
 * shift them): equal with their times is `same`, equal without them is `time`.
 */
function nodeDifferences(a: readonly TraceRecord[], b: readonly TraceRecord[], group: (trace: readonly TraceRecord[]) => Map<string, TraceRecord[]>): Record<string, NodeDifference> {
  const x = group(a);
  const y = group(b);
  const out: Record<string, NodeDifference> = {};
  const strict = (rs: TraceRecord[]) => rs.map((r) => { const { seq: _s, ...rest } = r; return comparable(rest as TraceRecord); }).join('\n');
  const loose = (rs: TraceRecord[]) => rs.map((r) => { const { seq: _s, ...rest } = r; return withoutTime(rest as TraceRecord); }).join('\n');
  for (const name of [...new Set([...x.keys(), ...y.keys()])]) {
    const first = x.get(name) ?? [];
    const second = y.get(name) ?? [];
    if (first.length > 0 && second.length === 0) out[name] = 'first-only';
    else if (second.length > 0 && first.length === 0) out[name] = 'second-only';
    else if (strict(first) === strict(second)) out[name] = 'same';
    else out[name] = loose(first) === loose(second) ? 'time' : 'differs';
  }
  return out;
}

function spansOf(trace: readonly TraceRecord[], step: string): Span[] {
  const open = new Map<number, Span>();
  const spans: Span[] = [];
  for (const r of trace) {
    if (r.kind === 'step.started' && r.step === step) {
      const span: Span = { invocation: r.invocation, worker: r.worker, start: r.t, end: null, status: 'running' };
      open.set(r.invocation, span);
      spans.push(span);
    } else if ((r.kind === 'step.finished' || r.kind === 'step.failed') && r.step === step) {
      const span = open.get(r.invocation);
      if (!span) continue;
      span.end = r.t;
      span.status = r.kind === 'step.failed' ? 'failed' : r.status;
      open.delete(r.invocation);
    }
  }
  return spans;
}

function endingOf(trace: readonly TraceRecord[]): RunEnding {
  const end = [...trace].reverse().find((r) => r.kind === 'run.finished');
  const last = trace.at(-1);
  if (end?.kind !== 'run.finished') return { status: 'running', t: last?.t ?? 0, result: undefined };
  return { status: end.status, t: end.t, result: end.result };
}
