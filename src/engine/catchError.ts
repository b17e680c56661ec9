/**
 * Error-handling steps (Python's `@catch_error`): when a step fails for good (after its retry policy
 * gives up), the engine sends a `StepFailedEvent` to the handler that covers it instead of failing the
 * run. The handler recovers by returning events (a StopEvent ends the run normally) or fails the run
 * by throwing. Handlers cover the steps they name, or every step no other handler names.
 */
import { Event, nameBuiltinEvent, type EventClass } from './event.ts';
import { WorkflowValidationError } from './errors.ts';
import { decorate, decoratedName, isBareDecoratorCall, isFunctionCall, markFunction, type MethodDecoratorContext, type StepOptions } from './step.ts';
import { freeStepName } from './freeSteps.ts';

/** What the failed step was doing and how it failed. */
export class StepFailedEvent extends Event<{
  /** The step that failed. */
  stepName: string;
  /** The event it was handling (a gather step's batch is an array). */
  inputEvent: Event | Event[];
  /** The error of its last attempt. */
  exception: unknown;
  /** Attempts made in all. */
  attempts: number;
  /** Seconds of workflow time from the first attempt to the final failure. */
  elapsedSeconds: number;
  /** When it failed, in seconds of workflow time since the run started. */
  failedAt: number;
}> {}
nameBuiltinEvent(StepFailedEvent, 'StepFailedEvent');

export interface CatchErrorOptions {
  /** The steps this handler covers; every step no other handler names when left out. */
  forSteps?: string[];
  /** How many times this handler may recover along one chain of events (default 1). */
  maxRecoveries?: number;
  /** Event classes the handler may return or send; the compiler fills it in. */
  returns?: EventClass[];
  /** The event parameter's classes, as the compiler reads them; must be exactly StepFailedEvent. */
  accepts?: EventClass[];
  /** Whether the method takes a Context first; the compiler fills it in. */
  context?: boolean;
  /** The state class of `ctx: Context<MyState>`; the compiler fills it in. */
  state?: StepOptions['state'];
}

export interface CatchSpec {
  /** null: the wildcard handler. */
  readonly forSteps: readonly string[] | null;
  readonly maxRecoveries: number;
}

const CATCH_MARKS = new WeakMap<Function, CatchSpec>();

export function catchSpecOf(fn: unknown): CatchSpec | undefined {
  return typeof fn === 'function' ? CATCH_MARKS.get(fn) : undefined;
}

function methodOf(args: unknown[]): unknown {
  return args.length === 2 ? args[0] : (args[2] as PropertyDescriptor | undefined)?.value;
}

function apply(options: CatchErrorOptions, args: unknown[]): unknown {
  const name = isFunctionCall(args) ? freeStepName(args[0], 'catchError()') : decoratedName(args);
  const { forSteps, maxRecoveries = 1, accepts, returns, context, state } = options;
  if (!Number.isInteger(maxRecoveries) || maxRecoveries < 1) {
    throw new WorkflowValidationError('@catchError maxRecoveries must be an integer >= 1');
  }
  if (forSteps !== undefined && !(Array.isArray(forSteps) && forSteps.every((s) => typeof s === 'string'))) {
    throw new WorkflowValidationError('@catchError forSteps must be left out or a list of step name strings');
  }
  if (accepts && (accepts.length !== 1 || accepts[0] !== StepFailedEvent)) {
    throw new WorkflowValidationError(`@catchError handler '${name}' must accept StepFailedEvent as its event parameter.`);
  }
  // Handlers run one at a time, as in the library.
  const stepOptions: StepOptions = { accepts: [StepFailedEvent], returns, numWorkers: 1, context, state };
  const spec = { forSteps: forSteps ? [...forSteps] : null, maxRecoveries };
  if (isFunctionCall(args)) {
    // As in the library, a handler written as a function joins a workflow through `W.addStep(handler)`.
    markFunction(args[0], stepOptions);
    CATCH_MARKS.set(args[0], spec);
    return args[0];
  }
  const result = decorate(stepOptions, args);
  CATCH_MARKS.set(methodOf(args) as Function, spec);
  return result;
}

type Decorator = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any -- must fit both decorator protocols

/**
 * Marks a Workflow method as the error handler of some steps (all of them when `forSteps` is left out).
 * @example
 * class Flow extends Workflow {
 *   @catchError({ forSteps: ['fetch'] })
 *   async fallback(ctx: Context, ev: StepFailedEvent): Promise<StopEvent> {
 *     return new StopEvent({ result: `fetch failed: ${ev.exception}` });
 *   }
 * }
 * // Written as a function, a handler joins a workflow with addStep:
 * Flow.addStep(catchError({ forSteps: ['fetch'] })(async function fallback(ev: StepFailedEvent) { … }));
 */
export function catchError<F extends Function>(fn: F): F;
export function catchError(options?: CatchErrorOptions): Decorator;
// Bare use on a method, one overload per decorator protocol: options of the wrong type match none.
export function catchError(target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a decorator's result
export function catchError(method: Function, context: MethodDecoratorContext): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a decorator's result
export function catchError(...args: unknown[]): unknown {
  if (isBareDecoratorCall(args) || isFunctionCall(args)) return apply({}, args);
  const options = (args[0] ?? {}) as CatchErrorOptions;
  return (...decoratorArgs: unknown[]) => apply(options, decoratorArgs);
}

/** The handler of each step's failures, and the problems with the handlers as the library words them. */
export function catchTable(
  handlers: readonly { readonly name: string; readonly spec: CatchSpec }[],
  stepNames: readonly string[],
): { handlerFor: Map<string, string>; problems: string[] } {
  const problems: string[] = [];
  const wildcards = handlers.filter((h) => h.spec.forSteps === null);
  if (wildcards.length > 1) {
    problems.push(`Only one wildcard @catchError handler is allowed per workflow, found ${wildcards.length}: ${wildcards.map((h) => h.name).sort().join(', ')}`);
  }
  const handlerNames = new Set(handlers.map((h) => h.name));
  const handlerFor = new Map<string, string>();
  for (const handler of handlers) {
    for (const target of handler.spec.forSteps ?? []) {
      if (!stepNames.includes(target)) problems.push(`@catchError handler '${handler.name}' lists unknown step '${target}' in forSteps.`);
      else if (handlerNames.has(target)) problems.push(`@catchError handler '${handler.name}' cannot cover another handler step '${target}'.`);
      else if (handlerFor.has(target)) problems.push(`Step '${target}' is claimed by two @catchError handlers: '${handlerFor.get(target)}' and '${handler.name}'.`);
      else handlerFor.set(target, handler.name);
    }
  }
  const wildcard = wildcards[0];
  if (wildcard) {
    for (const name of stepNames) if (!handlerNames.has(name) && !handlerFor.has(name)) handlerFor.set(name, wildcard.name);
  }
  return { handlerFor, problems };
}
