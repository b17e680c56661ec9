/**
 * Small questions asked of a trace, shared by the exercise checks. Each reads the records the engine
 * wrote (see `src/engine/trace.ts`) and nothing else, so a check judges what the run did.
 */
import type { ErrorInfo, RunFinishedRecord, TraceRecord } from '../engine/index.ts';

type Trace = readonly TraceRecord[];
type OfKind<K extends TraceRecord['kind']> = Extract<TraceRecord, { kind: K }>;

export function ofKind<K extends TraceRecord['kind']>(trace: Trace, kind: K): OfKind<K>[] {
  return trace.filter((r): r is OfKind<K> => r.kind === kind);
}

export function runFinished(trace: Trace): RunFinishedRecord | null {
  return ofKind(trace, 'run.finished')[0] ?? null;
}

/** `t` (ms) as the panel shows it: `2s`, `1.5s`. */
export function seconds(t: number): string {
  return `${Math.round(t / 100) / 10}s`;
}

/**
 * The exception a step raised, as its own language names it. An exception raised in Python reaches
 * the trace as a \`PythonError\` whose message is the traceback; its last line is the exception
 * itself (\`ConnectionError: Service unavailable\`), which is what a check should talk about.
 */
export function thrown(error: ErrorInfo): { name: string; message: string } {
  if (error.name !== 'PythonError') return { name: error.name, message: error.message };
  const last = error.message.trimEnd().split('\n').at(-1) ?? '';
  const match = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/.exec(last);
  return match ? { name: match[1]!.split('.').at(-1)!, message: match[2] ?? '' } : { name: error.name, message: last };
}

/** "The run stopped", or why it did not, in words the panel can show. */
export function describeEnd(trace: Trace): string {
  const end = runFinished(trace);
  if (end === null) return 'The run has not finished.';
  if (end.status === 'stopped') return `The run stopped at ${seconds(end.t)} with result ${JSON.stringify(end.result ?? null)}.`;
  if (end.status === 'cancelled') return 'The run was cancelled before it finished.';
  if (end.status === 'timeout') return `The run timed out: ${end.error?.message ?? 'no message'}`;
  // The failed step is on its last failure record; the run's own record may not name it. The words
  // fit both languages (a TypeScript step throws, a Python step raises).
  const failure = ofKind(trace, 'step.failed').filter((r) => !r.willRetry).at(-1);
  if (failure) {
    const tries = failure.attempt === 1 ? 'on its first attempt, with no retry' : `on attempt ${failure.attempt}, its last`;
    const { name, message } = thrown(failure.error);
    return `The run failed with ${name} "${message}" from ${failure.step} ${tries}.`;
  }
  if (!end.error) return 'The run failed with no error recorded.';
  const { name, message } = thrown(end.error);
  return `The run failed with ${name}: ${message}.`;
}

/** A field of an event's payload, by event id. */
export function eventField(trace: Trace, event: number, name: string): unknown {
  const emitted = ofKind(trace, 'event.emitted').find((r) => r.event === event);
  const payload = emitted?.payload;
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>)[name] : undefined;
}

export function emittedOfType(trace: Trace, type: string): OfKind<'event.emitted'>[] {
  return ofKind(trace, 'event.emitted').filter((r) => r.type === type);
}

/**
 * Whether a recorded step name is the step a check names. Checks name steps as the TypeScript
 * examples do (`stepTwo`); the same step written in Python is `step_two`, and both runs must pass.
 */
export function isStep(recorded: string | null, name: string): boolean {
  return recorded !== null && (recorded === name || recorded.replace(/_/g, '').toLowerCase() === name.toLowerCase());
}

/** Invocations of `step` that began running (first attempts only). */
export function started(trace: Trace, step: string): OfKind<'step.started'>[] {
  return ofKind(trace, 'step.started').filter((r) => isStep(r.step, step) && r.attempt === 1);
}

/**
 * Invocations of `step` that had to wait for a free worker: the trace notes the wait on the delivery
 * (`event.emitted`'s `to`), or with a `step.queued` record for a retry or a gathered batch.
 */
export function waitedForWorker(trace: Trace, step: string): number {
  const waited = new Set<number>();
  for (const r of trace) {
    if (r.kind === 'event.emitted') {
      for (const d of r.to) if (isStep(d.step, step) && d.queued !== undefined) waited.add(d.invocation);
    } else if (r.kind === 'step.queued' && isStep(r.step, step)) waited.add(r.invocation);
  }
  return waited.size;
}

/** The invocation that returned the StopEvent which ended the run, with its step and input events. */
export function stoppingInvocation(trace: Trace): { step: string; invocation: number; events: number[]; t: number } | null {
  const end = runFinished(trace);
  if (end?.status !== 'stopped' || end.event === undefined) return null;
  const stop = ofKind(trace, 'event.emitted').find((r) => r.event === end.event);
  if (!stop || stop.invocation === null || stop.step === null) return null;
  const begun = ofKind(trace, 'step.started').filter((r) => r.invocation === stop.invocation).at(-1);
  return { step: stop.step, invocation: stop.invocation, events: begun?.events ?? [], t: stop.t };
}

/**
 * The most invocations of `step` that were running at one moment, and when that first happened.
 * An invocation runs from its `step.started` to its `step.finished` or last `step.failed`.
 */
export function peakConcurrency(trace: Trace, step: string): { peak: number; t: number } {
  let running = 0;
  let peak = { peak: 0, t: 0 };
  const active = new Set<number>();
  for (const r of trace) {
    if (r.kind === 'step.started' && isStep(r.step, step) && !active.has(r.invocation)) {
      active.add(r.invocation);
      running++;
      if (running > peak.peak) peak = { peak: running, t: r.t };
    } else if ((r.kind === 'step.finished' || (r.kind === 'step.failed' && !r.willRetry)) && isStep(r.step, step) && active.delete(r.invocation)) {
      running--;
    }
  }
  return peak;
}

/**
 * How many events of `type` the invocation that stopped the run had in hand: what its completed
 * `collectEvents` returned, or else the events it was called with (one, or a gathered batch).
 */
export function collectedByStopper(trace: Trace, type: string): { step: string; count: number } | null {
  const stopper = stoppingInvocation(trace);
  if (stopper === null) return null;
  const done = ofKind(trace, 'collect.progress').filter((r) => r.invocation === stopper.invocation && r.complete).at(-1);
  if (done) return { step: stopper.step, count: done.have[type] ?? 0 };
  const types = new Map(ofKind(trace, 'event.emitted').map((r) => [r.event, r.type]));
  return { step: stopper.step, count: stopper.events.filter((e) => types.get(e) === type).length };
}

/** The last value a run set for a context key (`undefined` when it never set it). */
export function lastState(trace: Trace, key: string): unknown {
  return ofKind(trace, 'state.changed').filter((r) => r.key === key).at(-1)?.value;
}

/** A list in words: `a, b and c`. */
export function listing(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
