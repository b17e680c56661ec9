/**
 * Questions about the context's state, asked of a trace: what a typed run started with, what it
 * ended with, and what the state held as each step finished. The last one is what tells a tally kept
 * as the work happens from a total written once at the end: both can end with the same numbers.
 */
import type { JsonValue, TraceRecord } from '../engine/index.ts';
import { TraceIndex, stateAt, type StateObject } from '../inspect/index.ts';
import { ofKind } from './traceFacts.ts';

type Trace = readonly TraceRecord[];

/**
 * The state a typed run starts with: the engine records the declared class's defaults as a
 * whole-state change before any step runs. Null for an untyped run.
 */
export function declaredDefaults(trace: Trace): StateObject | null {
  const first = ofKind(trace, 'state.changed')[0];
  const value = first?.value;
  if (!first || first.key !== '' || first.step !== null || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return typeof value.__class === 'string' ? value : null;
}

/** The state as the state panel shows it at the end of the run. */
export function finalState(trace: Trace): StateObject {
  const last = trace.at(-1);
  return last ? stateAt(TraceIndex.of(trace), last.seq).values : {};
}

/** A field of a payload or a state object, read without trusting its shape. */
export function fieldOf(value: JsonValue | undefined, name: string): JsonValue | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value[name] : undefined;
}

/** One invocation that handled an event of the type asked about. */
export interface Handling {
  step: string;
  invocation: number;
  /** The input events' payloads (one, or a gathered batch's). */
  inputs: JsonValue[];
  /** The payloads of the events it returned; empty until it finished. */
  outputs: JsonValue[];
}

/** The moment one such invocation finished, with the state then and the others' progress. */
export interface FinishMoment {
  done: Handling;
  /** The whole state right after it finished. */
  state: StateObject;
  /** The invocations of that kind that had begun by then (the finished ones among them). */
  begun: Handling[];
  /** Those that had finished by then, `done` last. */
  finished: Handling[];
}

/**
 * For each invocation that took an event of `type` and finished (in the order they finished): the
 * state right after it, and which such invocations had begun and finished by then. Whatever a step
 * must have added to the state by the time it finishes, the state at that moment has to hold it for
 * every finished invocation, and can hold no more than the begun ones could have added.
 */
export function finishMoments(trace: Trace, type: string): FinishMoment[] {
  const payloads = new Map<number, { type: string; payload: JsonValue }>();
  for (const r of ofKind(trace, 'event.emitted')) payloads.set(r.event, { type: r.type, payload: r.payload });
  const index = TraceIndex.of(trace);
  const begun = new Map<number, Handling>();
  const finished: Handling[] = [];
  const moments: FinishMoment[] = [];
  for (const r of trace) {
    if (r.kind === 'step.started' && !begun.has(r.invocation)) {
      const inputs = r.events.map((e) => payloads.get(e));
      if (!inputs.some((e) => e?.type === type)) continue;
      begun.set(r.invocation, { step: r.step, invocation: r.invocation, inputs: inputs.map((e) => e?.payload ?? null), outputs: [] });
    } else if (r.kind === 'step.finished' && r.status === 'done') {
      const done = begun.get(r.invocation);
      if (!done) continue;
      done.outputs = r.outputs.map((e) => payloads.get(e)?.payload ?? null);
      finished.push(done);
      moments.push({ done, state: stateAt(index, r.seq).values, begun: [...begun.values()], finished: [...finished] });
    }
  }
  return moments;
}
