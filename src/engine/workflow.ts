/**
 * The base class users extend. Steps are its `@step` methods; `run` starts a run and returns a
 * handler at once.
 */
import { RealClock, VirtualClock, type RunClock } from './clock.ts';
import type { StartEvent } from './event.ts';
import { WorkflowHandler } from './handler.ts';
import { planOf } from './plan.ts';
import { seededRandom } from './random.ts';
import { runDefaults, type RunOptions } from './runDefaults.ts';
import { RunCore } from './runCore.ts';
import type { TraceListener } from './trace.ts';

export interface WorkflowOptions {
  /** Seconds before the run fails with WorkflowTimeoutError; null disables it. Default 45. */
  timeout?: number | null;
  /** Prints each step run and what it produced. */
  verbose?: boolean;
  /** Checks the step signatures before running. Default true. */
  validate?: boolean;
}

let runCounter = 0;

function makeClock(options: RunOptions): RunClock {
  return options.clock === 'virtual' ? new VirtualClock() : new RealClock(options.speed ?? 1);
}

/**
 * @example
 * class Hello extends Workflow {
 *   @step() async hello(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: `hi ${ev.name}` }); }
 * }
 * const result = await new Hello({ timeout: 10 }).run({ name: 'Ada' });
 */
export class Workflow {
  readonly timeout: number | null;
  readonly verbose: boolean;
  readonly validate: boolean;

  constructor(options: WorkflowOptions = {}) {
    const timeout = options.timeout === undefined ? 45 : options.timeout;
    if (timeout !== null && !(timeout > 0)) throw new RangeError(`timeout must be a positive number of seconds or null, got ${timeout}.`);
    this.timeout = timeout;
    this.verbose = options.verbose ?? false;
    this.validate = options.validate ?? true;
  }

  /** Starts a run with `input` as the StartEvent's fields. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are whatever the workflow returns
  run<R = any>(input?: Record<string, unknown> | StartEvent, options: RunOptions = {}): WorkflowHandler<R> {
    const host = runDefaults();
    const merged: RunOptions = { ...host, ...options };
    const seed = merged.seed ?? Math.floor(Math.random() * 2 ** 31);
    const onTrace = chainListeners(host.onTrace, options.onTrace);
    const core = new RunCore(planOf(this.constructor), this, {
      runId: merged.runId ?? `run-${++runCounter}`,
      clock: makeClock(merged),
      random: seededRandom(seed),
      seed,
      timeout: this.timeout,
      verbose: this.verbose,
      validate: this.validate,
      onTrace,
      log: merged.log ?? ((line) => console.log(line)),
      stepMode: merged.stepMode,
      breakpoints: merged.breakpoints,
      maxEvents: merged.maxEvents,
    });
    const handler = new WorkflowHandler<R>(core);
    host.onRun?.(handler);
    core.start(input);
    return handler;
  }
}

function chainListeners(a: RunOptions['onTrace'], b: RunOptions['onTrace']): TraceListener | null {
  if (a && b && a !== b) {
    return (record) => {
      a(record);
      b(record);
    };
  }
  return a ?? b ?? null;
}
