/**
 * Inputs of a run and how a replay sends them again.
 *
 * A run on the virtual clock is a function of its code, seed, start input and the inputs its host
 * handed in from outside (`input.received` records): each happened at a moment the trace names, the
 * record number it was written as (`at`) and the workflow time (`t`). A replay gives the same inputs
 * to a new run, which delivers each one when it has written the records before it and reached its
 * time, so the new run writes the same records. A fork is a replay with some inputs changed or added.
 *
 * Everything here is plain data, so a host in any language can read a trace's inputs and drive the
 * engine with them.
 */
import { HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, eventTypeName, type EventClass } from './event.ts';
import type { JsonValue } from './jsonSafe.ts';
import type { Plan } from './plan.ts';
import type { TraceRecord } from './trace.ts';

/** One input of a run, as a replay sends it. */
export type RunInput =
  /** An event from outside (a person's answer, an event sent in): delivered as record `at`. */
  | { input: 'event'; at: number; t: number; type: string; fields: JsonValue; target: string | null }
  /** The run was cancelled from outside. */
  | { input: 'cancel'; at: number; t: number }
  /** A state value set from outside (a fork's change). */
  | { input: 'state'; at: number; t: number; key: string; value: JsonValue }
  /** The fields of event number `event` replaced as it is emitted (a fork's change). */
  | { input: 'fields'; event: number; type: string; fields: JsonValue }
  /** The run was held before invocation `invocation` started (step mode, a breakpoint), until a `resume`. */
  | { input: 'hold'; at: number; invocation: number; reason: 'step' | 'breakpoint' }
  /** The run was paused from outside. */
  | { input: 'pause'; at: number; t: number }
  /** The run went on after a pause or a hold. */
  | { input: 'resume'; at: number; t: number };

export type MomentInput = Exclude<RunInput, { input: 'fields' | 'hold' }>;

/** What re-running a recorded run takes: its clock and seed, its start input and its inputs. */
export interface ReplayPlan {
  workflow: string | null;
  seed: number | null;
  clock: 'virtual' | 'real';
  /** The StartEvent's fields, or null when the trace has no start event (a resumed run). */
  start: { [key: string]: JsonValue } | null;
  inputs: RunInput[];
}

/**
 * The inputs of a recorded run. A trace written before inputs were recorded (no `inputs` in its
 * `run.started`) has its external events and a cancel taken as its inputs; each input then adds one
 * record to the replay's trace, so later moments move by one per input before them.
 */
export function replayPlanOf(trace: readonly TraceRecord[]): ReplayPlan {
  const started = trace.find((r) => r.kind === 'run.started');
  const startEvent = trace.find((r) => r.kind === 'event.emitted' && r.via === 'input' && r.step === null);
  const payload = startEvent?.kind === 'event.emitted' ? startEvent.payload : null;
  const start = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : null;
  const plan: ReplayPlan = {
    workflow: started?.kind === 'run.started' ? started.workflow : null,
    seed: started?.kind === 'run.started' ? started.seed : null,
    clock: started?.kind === 'run.started' ? started.clock : 'virtual',
    start,
    inputs: [],
  };
  const recordsInputs = started?.kind === 'run.started' && started.inputs === true;
  // Moments are counted without the pauses; an older trace's inputs each add a record to the replay.
  let pauses = 0;
  let shift = 0;
  trace.forEach((r, i) => {
    const at = r.seq - pauses + shift;
    if (isPauseRecord(r)) {
      pauses++;
      plan.inputs.push(pauseInput(r, at));
    } else if (recordsInputs) {
      const input = r.kind === 'input.received' ? inputOf(r, at, trace, i) : null;
      if (input) plan.inputs.push(input);
    } else if (r.kind === 'event.emitted' && r.via === 'external') {
      shift++;
      plan.inputs.push({ input: 'event', at, t: r.t, type: r.type, fields: r.payload, target: r.target });
    } else if (r.kind === 'run.finished' && r.status === 'cancelled') {
      shift++;
      plan.inputs.push({ input: 'cancel', at, t: r.t });
    }
  });
  return plan;
}

/**
 * Pausing in step mode or at a breakpoint is the person's doing, not the run's code: its records
 * are not moments of the run. It still orders the run (the invocations running meanwhile go ahead of
 * the one held back), so a replay holds and goes on where the recorded run did.
 */
export function isPauseRecord(record: TraceRecord): boolean {
  return record.kind === 'run.paused' || record.kind === 'run.resumed';
}

function pauseInput(r: TraceRecord, at: number): RunInput {
  if (r.kind === 'run.paused' && r.reason !== 'user' && r.invocation !== null) return { input: 'hold', at, invocation: r.invocation, reason: r.reason };
  return { input: r.kind === 'run.resumed' ? 'resume' : 'pause', at, t: r.t };
}

/** The run's own records without its pauses, numbered as a run that was never paused numbers them. */
function runMoments(trace: readonly TraceRecord[]): readonly TraceRecord[] {
  if (!trace.some(isPauseRecord)) return trace;
  const out: TraceRecord[] = [];
  let pauses = 0;
  for (const r of trace) {
    if (isPauseRecord(r)) pauses++;
    else out.push(pauses === 0 ? r : { ...r, seq: r.seq - pauses });
  }
  return out;
}

/** Record number `at` of the trace as shown (pauses and all) as a moment of the run. */
function momentOf(trace: readonly TraceRecord[], at: number): number {
  let pauses = 0;
  for (const r of trace) {
    if (r.seq > at) break;
    if (isPauseRecord(r)) pauses++;
  }
  return at - pauses;
}

function inputOf(r: Extract<TraceRecord, { kind: 'input.received' }>, at: number, trace: readonly TraceRecord[], index: number): RunInput | null {
  switch (r.input) {
    case 'event':
      return r.type === null ? null : { input: 'event', at, t: r.t, type: r.type, fields: r.value, target: r.target };
    case 'cancel':
      return { input: 'cancel', at, t: r.t };
    case 'state':
      return r.key === null ? null : { input: 'state', at, t: r.t, key: r.key, value: r.value };
    case 'fields': {
      // The event whose fields it replaced is the one emitted next.
      const next = trace.slice(index + 1).find((x) => x.kind === 'event.emitted');
      return next?.kind === 'event.emitted' && r.type !== null ? { input: 'fields', event: next.event, type: r.type, fields: r.value } : null;
    }
  }
}

/**
 * A run's inputs still to deliver: those at a moment in order, field replacements by event number,
 * holds by invocation number.
 */
export class ReplayQueue {
  private readonly moments: MomentInput[];
  private next = 0;
  private readonly fields = new Map<number, Extract<RunInput, { input: 'fields' }>>();
  private readonly holds = new Map<number, Extract<RunInput, { input: 'hold' }>>();
  /** The moment input a timer has been set for, so time stops at its `t`. */
  timerFor: MomentInput | null = null;

  constructor(inputs: readonly RunInput[]) {
    const moments: MomentInput[] = [];
    for (const input of inputs) {
      if (input.input === 'fields') this.fields.set(input.event, input);
      else if (input.input === 'hold') this.holds.set(input.invocation, input);
      else moments.push(input);
    }
    // Stable: inputs at the same moment keep their order.
    this.moments = moments.map((m, i) => [m, i] as const).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]).map(([m]) => m);
  }

  /** The next input to deliver at a moment, if any. */
  peek(): MomentInput | null {
    return this.moments[this.next] ?? null;
  }

  shift(): MomentInput | null {
    return this.moments[this.next++] ?? null;
  }

  /** The record number before which the next moment input is due (Infinity when none is left). */
  get nextAt(): number {
    return this.moments[this.next]?.at ?? Number.POSITIVE_INFINITY;
  }

  /** Whether the run had paused: a replay holds its invocations back only then. */
  get pauses(): boolean {
    return this.holds.size > 0 || this.moments.some((m) => m.input === 'pause');
  }

  /**
   * Why the recorded run held invocation `id` back before it started, once; null when it did not, or
   * when no `resume` is left to let it go (a replay that went another way is not held for ever).
   */
  takeHold(id: number): 'step' | 'breakpoint' | null {
    const found = this.holds.get(id);
    if (!found) return null;
    this.holds.delete(id);
    return this.moments.slice(this.next).some((m) => m.input === 'resume') ? found.reason : null;
  }

  /** The replacement fields for event number `id`, once. */
  takeFields(id: number): Extract<RunInput, { input: 'fields' }> | null {
    if (this.fields.size === 0) return null;
    const found = this.fields.get(id);
    if (found) this.fields.delete(id);
    return found ?? null;
  }
}

/** The event class of the workflow (or a built-in one) a recorded input names; null when none has that name. */
export function eventClassNamed(plan: Plan, name: string): EventClass | null {
  const classes: EventClass[] = [plan.startClass, plan.stopClass, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent];
  for (const def of plan.steps) classes.push(...def.accepts, ...def.returns);
  return classes.find((cls) => eventTypeName(cls) === name) ?? null;
}

/** What a fork changes at its moment. */
export type ForkChange =
  /** The fields of event number `event` (the event about to be delivered). */
  | { change: 'fields'; event: number; fields: JsonValue }
  /** A state value, set once the run has written `at` records. */
  | { change: 'state'; at: number; key: string; value: JsonValue }
  /** Another answer for the run's answer number `answer` (0 for the first event sent in). */
  | { change: 'answer'; answer: number; fields: JsonValue }
  /** Other code: the recorded inputs up to record `at`, then the new code goes on by itself. */
  | { change: 'code'; at: number };

/**
 * The inputs of a fork of a recorded run: the recorded inputs before its moment, then the change. The
 * recorded inputs after the moment are left out: the fork goes its own way from there (a question it
 * asks is asked anew).
 */
export function forkInputs(recorded: readonly TraceRecord[], change: ForkChange): RunInput[] {
  const trace = runMoments(recorded);
  // A moment the person picked is a record number of the trace as shown, pauses and all.
  const fork = change.change === 'state' || change.change === 'code' ? { ...change, at: momentOf(recorded, change.at) } : change;
  const inputs = replayPlanOf(recorded).inputs;
  const before = (at: number) => heldToTheEnd(inputs.filter((i) => i.input === 'fields' || i.at < at));
  switch (fork.change) {
    case 'fields': {
      const emitted = trace.find((r) => r.kind === 'event.emitted' && r.event === fork.event);
      if (emitted?.kind !== 'event.emitted') throw new RangeError(`The run has no event ${fork.event}.`);
      return [...before(emitted.seq).filter((i) => i.input !== 'fields' || i.event < fork.event), { input: 'fields', event: fork.event, type: emitted.type, fields: fork.fields }];
    }
    case 'state': {
      const last = trace[Math.min(fork.at, trace.length) - 1];
      return [...before(fork.at + 1), { input: 'state', at: fork.at + 1, t: last?.t ?? 0, key: fork.key, value: fork.value }];
    }
    case 'answer': {
      const answers = inputs.filter((i): i is Extract<RunInput, { input: 'event' }> => i.input === 'event');
      const original = answers[fork.answer];
      if (!original) throw new RangeError(`The run has no answer number ${fork.answer + 1}.`);
      return [...before(original.at), { ...original, fields: fork.fields }];
    }
    case 'code':
      return before(fork.at + 1);
  }
}

/** The inputs without a last pause or hold that nothing lets go of: the fork runs on from its moment. */
function heldToTheEnd(inputs: RunInput[]): RunInput[] {
  const last = inputs.findLastIndex((i) => i.input === 'hold' || i.input === 'pause' || i.input === 'resume');
  return last >= 0 && inputs[last]!.input !== 'resume' ? inputs.filter((_, n) => n !== last) : inputs;
}
