/**
 * The base class users extend. Steps are its `@step` methods; `run` starts a run and returns a
 * handler at once.
 */
import { RealClock, VirtualClock, type RunClock } from './clock.ts';
import { describeValue } from './describe.ts';
import { WorkflowValidationError } from './errors.ts';
import { eventTypeName, isEvent, type Event, type EventClass, type StartEvent } from './event.ts';
import { Context } from './context.ts';
import { WorkflowHandler } from './handler.ts';
import { checkGraphCheckNames, hasStepNamed, planOf, validationRole, type Plan } from './plan.ts';
import { attachFreeStep } from './freeSteps.ts';
import { stepOptionsOf } from './step.ts';
import { checkStartFields } from './declaredFields.ts';
import { runDefaults, takeResume, type RunDefaults, type RunOptions } from './runDefaults.ts';
import { RunCore, type RunParent } from './runCore.ts';
import { currentFrame } from './scope.ts';
import type { TraceListener } from './trace.ts';
import { runMessages } from './validationMessages.ts';
import type { GraphCheck } from './validationMessages.ts';
import { Resolution, ResourceManager } from './resource.ts';

export interface WorkflowOptions {
  /** Seconds before the run fails with WorkflowTimeoutError; null disables it. Default 45. */
  timeout?: number | null;
  /** Prints each step run and what it produced. */
  verbose?: boolean;
  /**
   * Checks the workflow when it is built (default true): `new W()` throws WorkflowValidationError.
   * Off, only the one-StartEvent/one-StopEvent rule is still enforced, as in the library.
   */
  validate?: boolean;
  /** Graph checks to skip: `reachability`, `terminal_event`, `dead_end` (the library's names). */
  skipGraphChecks?: GraphCheck[];
  /** Where resource values are cached; by default each workflow has its own, shared by its runs. */
  resourceManager?: ResourceManager;
  /** At most this many runs of this workflow at once; further `run()` calls wait for one to end. */
  numConcurrentRuns?: number | null;
  /** The name the workflow goes by (`workflowName`); by default its class name. */
  workflowName?: string | null;
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
  /** False when built with `validate: false`. */
  readonly validation: boolean;
  readonly skipGraphChecks: readonly GraphCheck[];
  private resources: ResourceManager | null;
  readonly numConcurrentRuns: number | null;
  private readonly explicitName: string | null;
  /** Runs holding one of the `numConcurrentRuns` slots, and starts waiting for one (in call order). */
  private active = 0;
  private readonly waitingStarts: (() => void)[] = [];
  /** The plan last validated: a step added to the class since then is checked at the next run. */
  private checkedPlan: Plan | null = null;

  constructor(options: WorkflowOptions = {}) {
    const timeout = options.timeout === undefined ? 45 : options.timeout;
    if (timeout !== null && !(timeout > 0)) throw new RangeError(`timeout must be a positive number of seconds or null, got ${timeout}.`);
    this.timeout = timeout;
    this.verbose = options.verbose ?? false;
    this.validation = options.validate ?? true;
    this.skipGraphChecks = checkGraphCheckNames(options.skipGraphChecks ?? []);
    this.resources = options.resourceManager ?? null;
    const limit = options.numConcurrentRuns ?? null;
    if (limit !== null && !(Number.isInteger(limit) && limit > 0)) throw new RangeError(`numConcurrentRuns must be a whole number above 0 or null, got ${String(limit)}.`);
    this.numConcurrentRuns = limit;
    this.explicitName = options.workflowName ?? null;
    // The library checks a workflow when it is built; the playground still draws one that fails.
    const plan = planOf(this.constructor);
    const problem = this.validation ? plan.problem(this.skipGraphChecks) : plan.shapeProblem();
    if (problem) throw new WorkflowValidationError(problem);
    if (this.validation) this.checkedPlan = plan;
  }

  /**
   * Adds a step written as a function to this workflow class (the library's `W.add_step(fn)`); the
   * function must be marked by `step(…)` or `catchError(…)`. `step({ workflow: W })(fn)` calls it.
   * Steps added this way belong to this class, not to its subclasses, and a workflow built before the
   * addition checks them when it next runs.
   * @example
   * class Flow extends Workflow {}
   * step({ workflow: Flow })(async function start(ev: StartEvent): Promise<StopEvent> { return new StopEvent(); });
   * Flow.addStep(catchError()(async function recover(ev: StepFailedEvent): Promise<StopEvent> { return new StopEvent(); }));
   */
  static addStep(fn: Function): void {
    const name = typeof fn === 'function' && fn.name ? fn.name : String(fn);
    if (!stepOptionsOf(fn)) {
      throw new WorkflowValidationError(`Step function ${name} is missing the \`@step\` decorator. Write step({ workflow: ${this.name} })(${name}) instead.`);
    }
    if (hasStepNamed(this, name)) throw new WorkflowValidationError(`A step ${name} is already part of this workflow, please choose another name.`);
    attachFreeStep(this, name, fn);
  }

  /**
   * The workflow's name: the one given as `workflowName`, else the class name (the library adds the
   * Python module path, which a class in a playground file does not have).
   */
  get workflowName(): string {
    return this.explicitName ?? planOf(this.constructor).workflow;
  }

  /** The cache of this workflow's resources (made when first needed: a workflow without resources never builds one). */
  get resourceManager(): ResourceManager {
    return (this.resources ??= new ResourceManager());
  }

  /** Every event class the steps accept or return (the library's `events`). */
  get events(): EventClass[] {
    return [...new Set(planOf(this.constructor).steps.flatMap((s) => [...s.accepts, ...s.returns]))];
  }

  /**
   * Runs every check again (as the constructor did) and throws the first problem; true when it uses
   * human input. With `validateResources`, also resolves every step's resources (calling their
   * factories, as the library's `validate_resources=True` does) and rejects with each failure.
   */
  validate(): boolean;
  validate(options: { validateResources: true }): Promise<boolean>;
  validate(options?: { validateResources?: boolean }): boolean | Promise<boolean>;
  validate(options: { validateResources?: boolean } = {}): boolean | Promise<boolean> {
    const plan = planOf(this.constructor);
    const problem = plan.problem(this.skipGraphChecks);
    if (problem) throw new WorkflowValidationError(problem);
    const hitl = plan.steps.some((s) => s.accepts.some((c) => validationRole(c) === 'human-response') || s.returns.some((c) => validationRole(c) === 'input-required'));
    return options.validateResources ? validateResources(plan, this.resourceManager).then(() => hitl) : hitl;
  }

  /**
   * Starts a run with `input` as the StartEvent's fields, or with an instance of the workflow's
   * StartEvent class. Anything else throws here, naming the class expected.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are whatever the workflow returns
  run<R = any>(input?: (Record<string, unknown> & { ctx?: Context }) | StartEvent, options: RunOptions = {}): WorkflowHandler<R> {
    const plan = planOf(this.constructor);
    if (this.validation && plan !== this.checkedPlan) {
      const problem = plan.problem(this.skipGraphChecks);
      if (problem) throw new WorkflowValidationError(problem);
      this.checkedPlan = plan;
    }
    // `run({ ctx })`, as Python's `run(ctx=ctx)`: `ctx` is not a start-event field but the context to use.
    let ctx: Context | null = null;
    if (input && !isEvent(input) && (input as { ctx?: unknown }).ctx instanceof Context) {
      const { ctx: given, startEvent, ...fields } = input as Record<string, unknown> & { ctx: Context; startEvent?: StartEvent };
      ctx = given;
      input = startEvent ?? fields;
    }
    const parent = parentRun();
    // The host's saved context (a saved run being resumed) goes to the first run its code starts.
    if (!ctx && !parent) {
      const saved = takeResume();
      if (saved !== undefined) ctx = Context.fromDict(this, saved);
    }
    checkInput(plan, input);
    const continued = ctx ? ctx.takeForRun(this) : null;
    // As the library: keyword arguments must build the start class, unless the run goes on from a saved one.
    if (input && !isEvent(input) && !continued?.resumption?.running) checkStartFields(plan.startClass, eventTypeName(plan.startClass), input as Record<string, unknown>);
    // A child run takes the host's clock, seed and listener, but not its run id, step mode or
    // breakpoints: those belong to the run the host started, whose controls cannot reach this one.
    const host = parent ? childDefaults() : runDefaults();
    const merged: RunOptions = isEmpty(host) ? options : isEmpty(options) ? host : { ...host, ...options };
    const seed = merged.seed ?? Math.floor(Math.random() * 2 ** 31);
    const onTrace = chainListeners(host.onTrace, options.onTrace);
    const core = new RunCore(plan, this, {
      runId: merged.runId ?? `run-${++runCounter}`,
      clock: makeClock(merged),
      seed,
      timeout: this.timeout,
      verbose: this.verbose,
      onTrace,
      traceStore: merged.traceStore ?? null,
      log: merged.log ?? ((line) => console.log(line)),
      stepMode: merged.stepMode,
      breakpoints: merged.breakpoints,
      maxEvents: merged.maxEvents,
      store: continued?.store,
      resumption: continued?.resumption,
      parent,
      replay: merged.replay ?? null,
    });
    ctx?.bind(core);
    const handler = new WorkflowHandler<R>(core);
    host.onRun?.(handler);
    if (this.numConcurrentRuns === null) core.start(input);
    else this.startWhenFree(core, input);
    return handler;
  }

  /** Starts the run once fewer than `numConcurrentRuns` runs of this workflow are going; frees the slot when it ends. */
  private startWhenFree(core: RunCore, input: Parameters<RunCore['start']>[0]): void {
    const begin = () => {
      this.active++;
      const release = () => {
        this.active--;
        this.waitingStarts.shift()?.();
      };
      core.promise.then(release, release);
      core.start(input);
    };
    if (this.active < this.numConcurrentRuns!) begin();
    else this.waitingStarts.push(begin);
  }

  toString(): string {
    return `${planOf(this.constructor).workflow}(timeout=${this.timeout}, verbose=${this.verbose})`;
  }
}

/** Resolves every resource of every step; one message per parameter that fails, as the library words it. */
async function validateResources(plan: Plan, manager: ResourceManager): Promise<void> {
  const errors: string[] = [];
  for (const step of plan.steps) {
    for (const { param, descriptor } of step.resources ?? []) {
      try {
        await new Resolution(manager).resolve(descriptor);
      } catch (error) {
        errors.push(`In step '${step.name}', parameter '${param}': ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (errors.length) throw new WorkflowValidationError(`Resource validation failed:\n${errors.join('\n')}`);
}

/**
 * The run and step invocation executing the code that starts a run: a workflow run inside a step is
 * that run's child. After an `await`, where the host has no async scope to say which invocation is
 * executing, it is the run's only running invocation. When that cannot be told (several run, or
 * none: code outside any step starting a second run), the new run is not taken for a child.
 */
function parentRun(): RunParent | null {
  const frame = currentFrame();
  if (!frame || frame.run.ended) return null;
  const invocation = frame.invocation !== null ? frame : frame.run.soleRunningInvocation();
  if (!invocation || invocation.invocation === null || invocation.step === null) return null;
  return { runId: frame.run.runId, step: invocation.step, invocation: invocation.invocation };
}

/** The run's input: field values (a plain object) or an instance of the workflow's StartEvent class. */
function checkInput(plan: Plan, input: unknown): void {
  if (input === undefined || input === null) return;
  if (isEvent(input)) {
    if (input instanceof plan.startClass) return;
  } else if (typeof input === 'object' && !Array.isArray(input)) {
    const proto = Object.getPrototypeOf(input);
    if (proto === Object.prototype || proto === null) return;
  }
  throw new TypeError(`${runMessages.startEventInstance(eventTypeName(plan.startClass))} Got ${describeInput(input)}.`);
}

function describeInput(input: unknown): string {
  return isEvent(input) ? `an event of class ${eventTypeName((input as Event).constructor)}` : describeValue(input);
}

/** The host defaults a child run takes: all but the run id, step mode and breakpoints. */
function childDefaults(): RunDefaults {
  const { runId: _hostRunId, stepMode: _hostStepMode, breakpoints: _hostBreakpoints, ...childHost } = runDefaults();
  return childHost;
}

function isEmpty(options: object): boolean {
  for (const _ in options) return false;
  return true;
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
