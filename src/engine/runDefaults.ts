/**
 * Settings a host applies to every run started while they are in force. The CLI and the playground's
 * runner evaluate user code that calls `w.run()` itself; this is how they choose its clock and seed,
 * listen to its trace and learn that it started, without the user's code knowing about them.
 */
import type { ClockKind } from './clock.ts';
import type { TraceListener } from './trace.ts';
import type { TraceStore } from './traceStore.ts';
import type { WorkflowHandler } from './handler.ts';
import type { RunInput } from './replay.ts';

export interface RunOptions {
  /** Receives every trace record of the run, synchronously, in order. */
  onTrace?: TraceListener;
  /**
   * Keeps every record of the run, and of the runs started inside its steps, in a compact store that
   * gives them back as objects on demand: the cheap way to keep a whole trace (see `traceStore.ts`).
   */
  traceStore?: TraceStore;
  /** `real` (default) or `virtual` time. */
  clock?: ClockKind;
  /** Real clock only: workflow seconds per wall second (2 = twice as fast). */
  speed?: number;
  /** Seed for `random`/`randint`; a run without one picks one and records it in the trace. */
  seed?: number;
  runId?: string;
  /** Where `verbose` output goes (default console.log). */
  log?: (line: string) => void;
  /** Pause before every step invocation starts (continue with `handler.step()` / `resume()`). */
  stepMode?: boolean;
  /** Pause before any invocation of these steps starts. */
  breakpoints?: string[];
  /** Fail the run once it has emitted more events than this: a guard against runaway loops. */
  maxEvents?: number;
  /**
   * Inputs to send again at their moments: a replay of a recorded run (`replayPlanOf`), or a fork of
   * one with inputs changed or added. Meant for code that starts one run.
   */
  replay?: readonly RunInput[];
}

export interface RunDefaults extends RunOptions {
  /** Told about every handler as soon as its run is created. */
  onRun?: (handler: WorkflowHandler) => void;
  /** The start input the host was given, what `startInput()` hands to code that starts its own run. */
  input?: Readonly<Record<string, unknown>>;
  /**
   * A saved context (`ctx.toDict()` data, e.g. from a saved run file) that the next run the host's
   * code starts goes on from, as if it had been given `run({ ctx: Context.fromDict(w, resume) })`.
   * Taken once: later runs, and runs started inside steps, start afresh. A context that does not fit
   * the workflow makes that `run()` throw with the reason.
   */
  resume?: unknown;
}

let defaults: RunDefaults = {};

/** Replaces the host defaults (pass `{}` to clear them). Returns the previous ones. */
export function setRunDefaults(next: RunDefaults): RunDefaults {
  const previous = defaults;
  defaults = { ...next };
  return previous;
}

export function runDefaults(): RunDefaults {
  return defaults;
}

/** The host's saved context for the run being started, once (see `RunDefaults.resume`). */
export function takeResume(): unknown {
  if (defaults.resume === undefined) return undefined;
  const { resume, ...rest } = defaults;
  defaults = rest;
  return resume;
}
