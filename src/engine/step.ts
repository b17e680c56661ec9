/**
 * The `@step` decorator. It works as a standard (TC39) and as a legacy (`experimentalDecorators`)
 * method decorator, bare or called, because user code reaches the engine both ways: through
 * Flowplay's compiler and through TypeScript or Vitest configured either way.
 */
import { WorkflowValidationError } from './errors.ts';
import type { EventClass } from './event.ts';
import type { RetryPolicy } from './retryPolicy.ts';
import { validationMessages, type GraphCheck } from './validationMessages.ts';
import type { StateClass } from './statePath.ts';
import type { ResourceDescriptor } from './resource.ts';
import { freeStepName } from './freeSteps.ts';

/** What `step({ workflow })` needs of a workflow class: its `addStep`. */
export interface StepOwner {
  readonly name: string;
  addStep(fn: Function): void;
}

/**
 * A step's resource parameters, by name, in the order they follow the event: `{ memory: Resource(getMemory) }`.
 * A function returning them is read when the workflow's plan is built, so factories declared after the class work.
 */
export type StepResources = Record<string, ResourceDescriptor | unknown> | (() => Record<string, ResourceDescriptor | unknown>);

/** The simple retry option: a fixed number of attempts with a delay that may grow. */
export interface AttemptsRetry {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  /** Seconds before the second attempt. */
  delay: number;
  /** Each further delay is multiplied by this (default 1). */
  backoff?: number;
}

export interface StepOptions {
  /** How many invocations of this step may run at once within one run (default 4). */
  numWorkers?: number;
  /** Attempts and delays in the short form; `retryPolicy` is the general one. */
  retry?: AttemptsRetry;
  /** When and after how long a failed invocation runs again (see `retryPolicy()`). */
  retryPolicy?: RetryPolicy;
  /** Event classes the step accepts. Flowplay's compiler fills this in from the parameter annotation. */
  accepts?: EventClass[];
  /** Event classes the step may return or send. The compiler fills it in from the return annotation. */
  returns?: EventClass[];
  /** The event parameter is an array (`evs: Done[]`): called once per fan-out batch. */
  gather?: boolean;
  /**
   * The return type is an array (`Promise<Task[]>`). The engine uses it to tell which gather step
   * closes which batch when fan-outs nest; the compiler fills it in.
   */
  fanOut?: boolean;
  /**
   * The state class of `ctx: Context<MyState>` (its no-argument constructor gives the defaults). The
   * compiler fills it in; the run's state is an instance of the most derived class the steps name.
   */
  state?: StateClass;
  /** Whether the method takes a Context before the event; by default guessed from its arity. */
  context?: boolean;
  /**
   * Resources passed after the event, as `memory = Resource(getMemory)` parameters declare them. The
   * compiler fills it in from those defaults; code that does not go through it lists them here.
   */
  resources?: StepResources;
  /** Graph checks this step opts out of (`reachability`, `dead_end`), as `skip_graph_checks` in the library. */
  skipGraphChecks?: GraphCheck[];
  /**
   * For a step written as a function: the workflow class it is added to, as `@step(workflow=W)` in
   * the library (`step({ workflow: W })(async function name(ev) { … })`). Ignored on methods.
   */
  workflow?: StepOwner;
}

export const DEFAULT_NUM_WORKERS = 4;

/** Steps are marked on the method function itself, so both decorator forms share one registry. */
const STEP_MARKS = new WeakMap<Function, StepOptions>();

export function stepOptionsOf(fn: unknown): StepOptions | undefined {
  return typeof fn === 'function' ? STEP_MARKS.get(fn) : undefined;
}

function mark(fn: unknown, options: StepOptions): void {
  if (typeof fn !== 'function') throw new TypeError('@step can only decorate methods and functions.');
  // Checked where the step is declared, as the library does, so the error points at the decorator.
  const n = options.numWorkers;
  if (n !== undefined && !(Number.isInteger(n) && n > 0)) throw new WorkflowValidationError(validationMessages.numWorkers());
  STEP_MARKS.set(fn, options);
}

/** What a standard decorator receives about a method, as much as the engine reads of it. */
export interface MethodDecoratorContext {
  readonly kind: string;
  readonly name: string | symbol;
}

function isTc39Context(value: unknown): value is MethodDecoratorContext {
  return typeof value === 'object' && value !== null && 'kind' in value && 'name' in value;
}

type Decorator = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any -- must fit both decorator protocols

/** The decorated method's name, in either decorator protocol. */
export function decoratedName(args: unknown[]): string {
  return String(args.length === 2 && isTc39Context(args[1]) ? args[1].name : args[1]);
}

/** Whether the decorator was applied bare (`@step`) rather than called (`@step()`). */
export function isBareDecoratorCall(args: unknown[]): boolean {
  return (args.length === 2 && isTc39Context(args[1])) || (args.length === 3 && typeof args[1] !== 'object');
}

/** Whether the decorator was called on a function (`step({ workflow })(fn)`) rather than on a method. */
export function isFunctionCall(args: unknown[]): args is [Function] {
  return args.length === 1 && typeof args[0] === 'function';
}

/** Marks a function as a step without attaching it anywhere (`workflow` is a method's business, not the mark's). */
export function markFunction(fn: Function, options: StepOptions): void {
  const { workflow: _owner, ...rest } = options;
  mark(fn, rest);
}

export function decorate(options: StepOptions, args: unknown[]): unknown {
  if (isFunctionCall(args)) {
    const fn = args[0];
    const name = freeStepName(fn, 'step({ workflow: MyWorkflow })');
    markFunction(fn, options);
    // As the library: a function step must say which workflow it belongs to.
    if (!options.workflow) throw new WorkflowValidationError(`To decorate ${name} please pass a workflow class to the @step decorator. Write step({ workflow: MyWorkflow })(${name}).`);
    if (typeof options.workflow.addStep !== 'function') throw new TypeError(`step({ workflow }) for ${name} needs a Workflow class, got ${String(options.workflow)}.`);
    options.workflow.addStep(fn);
    return fn;
  }
  if (args.length === 2 && isTc39Context(args[1])) {
    if (args[1].kind !== 'method') throw new TypeError(`@step can only decorate methods, not a ${args[1].kind}.`);
    mark(args[0], options);
    return undefined;
  }
  const descriptor = args[2] as PropertyDescriptor | undefined;
  mark(descriptor?.value, options);
  return descriptor;
}

/**
 * Marks a Workflow method as a step.
 * @example
 * class Flow extends Workflow {
 *   @step({ numWorkers: 2 })
 *   async work(ctx: Context, ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: 1 }); }
 * }
 * // A step written as a function, added to a workflow class (the library's `@step(workflow=Flow)`):
 * step({ workflow: Flow })(async function extra(ev: Ping): Promise<StopEvent> { return new StopEvent(); });
 */
export function step(options: StepOptions & { workflow: StepOwner }): <F extends Function>(fn: F) => F;
export function step(options?: StepOptions): Decorator;
// Bare use, one overload per form, so that options of the wrong type match none of them: a catch-all
// `(...args: unknown[])` accepted `step({ workflow: 42 })` without a word in the editor.
/** `@step` without parentheses on a method (the editor's decorators). */
export function step(target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a decorator's result
/** `@step` without parentheses on a method (standard decorators). */
export function step(method: Function, context: MethodDecoratorContext): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a decorator's result
/** `step(fn)`, the library's bare `@step` on a function: refused when it runs, since it names no workflow to join. */
export function step(fn: Function): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- what the library's form returns
export function step(...args: unknown[]): unknown {
  // `step(fn)`: Python's bare `@step` on a free function, which has no workflow to join.
  if (isBareDecoratorCall(args) || isFunctionCall(args)) return decorate({}, args);
  const options = (args[0] ?? {}) as StepOptions;
  return (...decoratorArgs: unknown[]) => decorate(options, decoratorArgs);
}
