import type { TraceRecord } from '../engine/trace.ts';
import { isPause, sortedJson } from './compareTraces.ts';
import type { TraceComparison } from './compareTraces.ts';
import type { NodeDifference, Span } from './compareRuns.ts';
import type { StableIds } from './recordIdentity.ts';

type Mark = Span['mark'];

/** Where each graph node and each invocation of two runs stands: what the second run did differently. */
export interface RunMarks {
  steps: Record<string, NodeDifference>;
  eventTypes: Record<string, NodeDifference>;
  /** Each run's invocations (by their id in that run) with a record that differs. */
  first: Map<number, Mark>;
  second: Map<number, Mark>;
}

/**
 * Marks the steps, event types and invocations that the records where two runs differ are about,
 * as the alignment (`compareTraces`) found those records: a record changed only in its time marks
 * `time`, anything else `differs`. A node with records in one run only is `first-only` or
 * `second-only`. When the runs part too widely to be lined up, each node's records are compared as a
 * whole instead (by stable names, so an event more elsewhere does not mark it).
 */
export function nodeMarks(a: readonly TraceRecord[], b: readonly TraceRecord[], lined: TraceComparison, idsA: StableIds, idsB: StableIds): RunMarks {
  const x = subjectsOf(a);
  const y = subjectsOf(b);
  const steps: Record<string, NodeDifference> = {};
  const eventTypes: Record<string, NodeDifference> = {};
  for (const name of [...x.declared, ...y.declared]) steps[name] = 'same';
  for (const name of new Set([...x.steps, ...y.steps])) steps[name] = !y.steps.has(name) ? 'first-only' : !x.steps.has(name) ? 'second-only' : 'same';
  for (const name of new Set([...x.types, ...y.types])) eventTypes[name] = !y.types.has(name) ? 'first-only' : !x.types.has(name) ? 'second-only' : 'same';
  const marks: RunMarks = { steps, eventTypes, first: new Map(), second: new Map() };
  if (lined.differing === null) markByGroups(a, b, idsA, idsB, x.typeOf, y.typeOf, marks);
  else {
    for (const d of lined.differences) {
      const mark: Mark = d.kind === 'changed' && d.fields.length > 0 && d.fields.every((f) => f === 't') ? 'time' : 'differs';
      if (d.first) markRecord(d.first, x.typeOf, mark, marks, marks.first);
      if (d.second) markRecord(d.second, y.typeOf, mark, marks, marks.second);
    }
  }
  return marks;
}

/** One step's invocations as spans of time on their workers, each marked as `nodeMarks` found it. */
export function spansOf(trace: readonly TraceRecord[], step: string, marks: ReadonlyMap<number, Mark>): Span[] {
  const open = new Map<number, Span>();
  const spans: Span[] = [];
  for (const r of trace) {
    if (r.kind === 'step.started' && r.step === step) {
      const span: Span = { invocation: r.invocation, worker: r.worker, start: r.t, end: null, status: 'running', mark: marks.get(r.invocation) ?? 'same' };
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

const RANK: Record<Mark, number> = { same: 0, time: 1, differs: 2 };

function raise<K>(table: { get(k: K): string | undefined; set(k: K, v: Mark): unknown }, key: K, mark: Mark): void {
  const now = table.get(key);
  // A node in one run only keeps saying so; otherwise the worse of the two marks stands.
  if (now === 'first-only' || now === 'second-only') return;
  if (now === undefined || RANK[mark] > RANK[now as Mark]) table.set(key, mark);
}

function tableOf(record: Record<string, NodeDifference>) {
  return { get: (k: string) => record[k], set: (k: string, v: Mark) => (record[k] = v) };
}

function markRecord(record: TraceRecord, typeOf: ReadonlyMap<number, string>, mark: Mark, marks: RunMarks, invocations: Map<number, Mark>): void {
  const about = concerns(record, typeOf);
  for (const step of about.steps) raise(tableOf(marks.steps), step, mark);
  for (const type of about.types) raise(tableOf(marks.eventTypes), type, mark);
  for (const id of about.invocations) raise(invocations, id, mark);
}

/** The steps, event types and invocations one record is about. */
function concerns(record: TraceRecord, typeOf: ReadonlyMap<number, string>): { steps: string[]; types: string[]; invocations: number[] } {
  const r = record as TraceRecord & Record<string, unknown>;
  const steps: string[] = [];
  const types: string[] = [];
  const invocations: number[] = [];
  if (typeof r.step === 'string') steps.push(r.step);
  if (typeof r.invocation === 'number') invocations.push(r.invocation);
  if (typeof r.type === 'string') types.push(r.type);
  else if (typeof r.event === 'number' && typeOf.has(r.event)) types.push(typeOf.get(r.event)!);
  if (record.kind === 'event.emitted') {
    for (const d of record.to) {
      steps.push(d.step);
      invocations.push(d.invocation);
    }
  }
  return { steps, types, invocations };
}

/** What a run has records about: the steps it declares and those with records, its event types, each event's type. */
function subjectsOf(trace: readonly TraceRecord[]) {
  const declared: string[] = [];
  const steps = new Set<string>();
  const types = new Set<string>();
  const typeOf = new Map<number, string>();
  for (const r of trace) {
    if (r.kind === 'run.started') declared.push(...r.steps.map((s) => s.name));
    if (r.kind === 'event.emitted') {
      types.add(r.type);
      typeOf.set(r.event, r.type);
    }
    if (!isPause(r)) for (const step of concerns(r, typeOf).steps) steps.add(step);
  }
  return { declared, steps, types, typeOf };
}

/**
 * For runs too far apart to line up: each step's, event type's and invocation's records compared
 * as a whole, ids under their stable names; the same with their times is `same`, without them `time`.
 */
function markByGroups(a: readonly TraceRecord[], b: readonly TraceRecord[], idsA: StableIds, idsB: StableIds, typesA: ReadonlyMap<number, string>, typesB: ReadonlyMap<number, string>, marks: RunMarks): void {
  const x = groups(a, idsA, typesA);
  const y = groups(b, idsB, typesB);
  const compare = (name: string): Mark => {
    const f = x.texts.get(name);
    const s = y.texts.get(name);
    if (!f || !s) return 'differs';
    if (f.strict.join('\n') === s.strict.join('\n')) return 'same';
    return f.loose.join('\n') === s.loose.join('\n') ? 'time' : 'differs';
  };
  for (const step of Object.keys(marks.steps)) raise(tableOf(marks.steps), step, compare(`step ${step}`));
  for (const type of Object.keys(marks.eventTypes)) raise(tableOf(marks.eventTypes), type, compare(`type ${type}`));
  for (const [id, name] of x.invocations) marks.first.set(id, y.texts.has(name) ? compare(name) : 'differs');
  for (const [id, name] of y.invocations) marks.second.set(id, x.texts.has(name) ? compare(name) : 'differs');
}

function groups(trace: readonly TraceRecord[], ids: StableIds, typeOf: ReadonlyMap<number, string>) {
  const texts = new Map<string, { strict: string[]; loose: string[] }>();
  const invocations = new Map<number, string>();
  const add = (name: string, strict: string, loose: string) => {
    const group = texts.get(name) ?? texts.set(name, { strict: [], loose: [] }).get(name)!;
    group.strict.push(strict);
    group.loose.push(loose);
  };
  for (const r of trace) {
    if (isPause(r) || r.kind === 'run.started') continue;
    const view = ids.view(r);
    const strict = sortedJson(view);
    const loose = sortedJson({ ...view, t: undefined });
    const about = concerns(r, typeOf);
    for (const step of new Set(about.steps)) add(`step ${step}`, strict, loose);
    for (const type of new Set(about.types)) add(`type ${type}`, strict, loose);
    for (const id of new Set(about.invocations)) {
      const name = `invocation ${String(ids.invocation(id))}`;
      invocations.set(id, name);
      add(name, strict, loose);
    }
  }
  return { texts, invocations };
}
