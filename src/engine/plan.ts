/**
 * What the engine knows about a Workflow class before any run: its steps in declaration order, the
 * routing table and the fan-in targets of each fan-out step. Built once per class and shared by all
 * of its runs, so 10,000 short runs do not rebuild it 10,000 times.
 */
import { catchSpecOf, catchTable, StepFailedEvent, type CatchSpec } from './catchError.ts';
import { WorkflowValidationError } from './errors.ts';
import { eventTypeName, HumanResponseEvent, InputRequiredEvent, isEventClass, isStartClass, isStopClass, StartEvent, StopEvent, type EventClass } from './event.ts';
import { attemptsPolicy, isRetryPolicy, type RetryPolicy } from './retryPolicy.ts';
import { DEFAULT_NUM_WORKERS, stepOptionsOf, type StepOptions } from './step.ts';
import type { StepInfo } from './trace.ts';
import { startStopProblem, workflowProblem, type EventTypes, type ValidationRole } from './validate.ts';
import { GRAPH_CHECKS, validationMessages, type GraphCheck } from './validationMessages.ts';
import type { StateClass } from './statePath.ts';
import { mostDerivedState } from './stateStore.ts';
import { isResourceDescriptor, type ResourceDescriptor } from './resource.ts';
import { freeStepsOf, freeStepsVersion } from './freeSteps.ts';

/** A resource parameter of a step: its name and what declares it. */
export interface ResourceParam {
  readonly param: string;
  readonly descriptor: ResourceDescriptor;
}

export interface StepDef {
  readonly name: string;
  readonly index: number;
  readonly fn: (...args: unknown[]) => unknown;
  readonly accepts: readonly EventClass[];
  readonly returns: readonly EventClass[];
  readonly gather: boolean;
  readonly fanOut: boolean;
  readonly withContext: boolean;
  readonly numWorkers: number;
  readonly retry: RetryPolicy | null;
  /** Set on `@catchError` handlers. */
  readonly catches: CatchSpec | null;
  readonly skipGraphChecks: readonly GraphCheck[];
  readonly state: StateClass | null;
  /** Resource parameters after the event, in order; null when there are none (the common, free case). */
  readonly resources: readonly ResourceParam[] | null;
}

export interface Plan {
  readonly workflow: string;
  readonly steps: readonly StepDef[];
  readonly byName: ReadonlyMap<string, StepDef>;
  /** Exact event class -> steps that accept it, in declaration order. */
  readonly routes: ReadonlyMap<Function, readonly StepDef[]>;
  /** What routing needs to know of each event class emitted so far (filled by `eventRoute`). */
  readonly eventRoutes: Map<Function, EventRoute>;
  /** Fan-out step -> gather steps its batches end in (found by following declared returns). */
  readonly gatherTargets: ReadonlyMap<StepDef, readonly StepDef[]>;
  /** The class the run's input is turned into. */
  readonly startClass: EventClass;
  /** The one StopEvent class the steps return. */
  readonly stopClass: EventClass;
  readonly info: readonly StepInfo[];
  /** The class of the run's state, when steps declare one (`Context<MyState>`). */
  readonly stateClass: StateClass | null;
  /** Step name -> the `@catchError` handler its final failures go to. */
  readonly catchFor: ReadonlyMap<string, StepDef>;
  /** What is wrong with the handlers (checked with the rest at validation). */
  readonly catchProblems: readonly string[];
  /** The validation problem, if any, with these graph checks skipped (cached per class and skip list). */
  problem(skipGraphChecks?: readonly GraphCheck[]): string | null;
  /** The start/stop problem the library reports even with validation off, if any. */
  shapeProblem(): string | null;
  /** How many function steps the class had been given when the plan was built (see `freeSteps.ts`). */
  readonly freeStepsVersion: number;
}

/** An event class as routing sees it, worked out on its first emission and kept with the plan. */
export interface EventRoute {
  readonly targets: readonly StepDef[] | undefined;
  /** A StopEvent (or subclass): it ends the run. */
  readonly stop: boolean;
  /** An InputRequiredEvent (or subclass): it is published to the caller. */
  readonly question: boolean;
}

/** One map lookup per emitted event instead of a lookup and two prototype-chain walks. */
export function eventRoute(plan: Plan, cls: Function): EventRoute {
  let route = plan.eventRoutes.get(cls);
  if (route === undefined) {
    route = { targets: plan.routes.get(cls), stop: isStopClass(cls), question: cls === InputRequiredEvent || cls.prototype instanceof InputRequiredEvent };
    plan.eventRoutes.set(cls, route);
  }
  return route;
}

/** What a class is to validation: subclasses of the built-in events play their base's part. */
export function validationRole(cls: Function): ValidationRole {
  if (isStartClass(cls)) return 'start';
  if (isStopClass(cls)) return 'stop';
  if (cls === InputRequiredEvent || cls.prototype instanceof InputRequiredEvent) return 'input-required';
  if (cls === HumanResponseEvent || cls.prototype instanceof HumanResponseEvent) return 'human-response';
  if (cls === StepFailedEvent) return 'step-failed';
  return 'event';
}

/** Event classes as validation sees them. */
export const EVENT_CLASSES: EventTypes<EventClass> = { name: eventTypeName, role: validationRole };

const PLANS = new WeakMap<Function, Plan>();

/** The class's step methods (its bases' first, overridden ones replaced), then the functions added to it. */
function stepFunctions(ctor: Function): Map<string, Function> {
  const chain: object[] = [];
  for (let proto = ctor.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    chain.unshift(proto);
  }
  const found = new Map<string, Function>();
  for (const proto of chain) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      const fn = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (stepOptionsOf(fn)) found.set(name, fn);
    }
  }
  for (const [name, fn] of freeStepsOf(ctor) ?? []) found.set(name, fn);
  return found;
}

/** Whether the class (with its bases) has a step of that name, method or function. */
export function hasStepNamed(ctor: Function, name: string): boolean {
  return stepFunctions(ctor).has(name);
}

function collectSteps(ctor: Function): StepDef[] {
  const found = new Map<string, StepDef>();
  for (const [name, fn] of stepFunctions(ctor)) {
    const options = stepOptionsOf(fn)!;
    const classes = (list: unknown[] | undefined, what: string): EventClass[] =>
      (list ?? []).map((cls) => {
        if (!isEventClass(cls)) throw new TypeError(`Step '${name}' lists ${String(cls)} in '${what}', which is not an Event class.`);
        return cls;
      });
    const numWorkers = options.numWorkers ?? DEFAULT_NUM_WORKERS;
    if (!Number.isInteger(numWorkers) || numWorkers < 1) throw new WorkflowValidationError(validationMessages.numWorkers());
    const retry = retryOf(name, options);
    found.set(name, {
      name,
      index: 0,
      fn: fn as StepDef['fn'],
      accepts: classes(options.accepts, 'accepts'),
      returns: classes(options.returns, 'returns'),
      gather: options.gather ?? false,
      fanOut: options.fanOut ?? false,
      withContext: options.context ?? fn.length !== 1,
      numWorkers,
      retry,
      catches: catchSpecOf(fn) ?? null,
      skipGraphChecks: options.skipGraphChecks ?? [],
      state: options.state ?? null,
      resources: resourcesOf(name, options),
    });
  }
  return [...found.values()].map((def, index) => ({ ...def, index }));
}

/** The step's resource parameters, from the `resources` option (or the function returning them). */
function resourcesOf(name: string, options: StepOptions): ResourceParam[] | null {
  const given = typeof options.resources === 'function' ? options.resources() : options.resources;
  if (given === undefined || given === null) return null;
  const params = Object.entries(given).map(([param, descriptor]) => {
    if (!isResourceDescriptor(descriptor)) throw new TypeError(`Step '${name}': resource '${param}' must be declared with Resource(factory).`);
    return { param, descriptor };
  });
  return params.length ? params : null;
}

/** The step's retry policy, from either form of the option. */
function retryOf(name: string, options: StepOptions): RetryPolicy | null {
  if (options.retry && options.retryPolicy) throw new TypeError(`Step '${name}' has both 'retry' and 'retryPolicy'; keep one.`);
  if (options.retryPolicy !== undefined && options.retryPolicy !== null) {
    if (!isRetryPolicy(options.retryPolicy)) throw new TypeError(`Step '${name}': retryPolicy must have a next() method, as retryPolicy() builds.`);
    return options.retryPolicy;
  }
  const retry = options.retry;
  if (!retry) return null;
  if (!(Number.isInteger(retry.maxAttempts) && retry.maxAttempts >= 1)) {
    throw new RangeError(`Step '${name}': retry.maxAttempts must be a whole number of at least 1.`);
  }
  return attemptsPolicy(retry);
}

/**
 * The gather steps that close a batch opened by `from`: follow declared returns; a gather step met at
 * nesting depth 0 is a target, one met deeper closes an inner batch (depth - 1), and a fan-out step
 * on the way opens one (depth + 1).
 */
function reachableGathers(from: StepDef, routes: ReadonlyMap<Function, readonly StepDef[]>): StepDef[] {
  const MAX_DEPTH = 16;
  const targets = new Set<StepDef>();
  const seen = new Set<string>();
  const frontier: [StepDef, number][] = [[from, 0]];
  while (frontier.length) {
    const [step, depth] = frontier.pop()!;
    for (const cls of step.returns) {
      for (const next of routes.get(cls) ?? []) {
        let nextDepth = depth;
        if (next.gather) {
          if (depth === 0) {
            targets.add(next);
            continue;
          }
          nextDepth--;
        }
        if (next.fanOut) nextDepth++;
        const key = `${next.index}:${nextDepth}`;
        if (nextDepth > MAX_DEPTH || seen.has(key)) continue;
        seen.add(key);
        frontier.push([next, nextDepth]);
      }
    }
  }
  return [...targets].sort((a, b) => a.index - b.index);
}

/** The plan of a Workflow class (cached). */
export function planOf(ctor: Function): Plan {
  let plan = PLANS.get(ctor);
  if (plan && plan.freeStepsVersion === freeStepsVersion(ctor)) return plan;
  const steps = collectSteps(ctor);
  const routes = new Map<Function, StepDef[]>();
  for (const step of steps) {
    for (const cls of step.accepts) {
      const list = routes.get(cls) ?? [];
      if (!list.includes(step)) list.push(step);
      routes.set(cls, list);
    }
  }
  const gatherTargets = new Map<StepDef, StepDef[]>();
  for (const step of steps) gatherTargets.set(step, reachableGathers(step, routes));
  const startClass = steps.flatMap((s) => s.accepts).find(isStartClass) ?? StartEvent;
  const stopClass = steps.flatMap((s) => s.returns).find(isStopClass) ?? StopEvent;
  const workflow = ctor.name || 'Workflow';
  const byName = new Map(steps.map((s) => [s.name, s]));
  const handlers = steps.filter((s) => s.catches !== null).map((s) => ({ name: s.name, spec: s.catches! }));
  const catches = handlers.length ? catchTable(handlers, steps.map((s) => s.name)) : { handlerFor: new Map<string, string>(), problems: [] };
  const problems = new Map<string, string | null>();
  let shape: string | null | undefined;
  plan = {
    problem: (skip = []) => {
      const key = [...skip].sort().join(',');
      if (!problems.has(key)) {
        problems.set(key, workflowProblem(workflow, steps, EVENT_CLASSES, { skipGraphChecks: skip, handlerProblems: catches.problems, handlerSteps: handlers.map((h) => h.name) }));
      }
      return problems.get(key)!;
    },
    freeStepsVersion: freeStepsVersion(ctor),
    shapeProblem: () => (shape === undefined ? (shape = steps.length ? startStopProblem(workflow, steps, EVENT_CLASSES) : null) : shape),
    workflow,
    steps,
    byName,
    stateClass: mostDerivedState(steps.flatMap((s) => (s.state ? [s.state] : []))),
    catchFor: new Map([...catches.handlerFor].map(([step, handler]) => [step, byName.get(handler)!])),
    catchProblems: catches.problems,
    routes,
    eventRoutes: new Map(),
    gatherTargets,
    startClass,
    stopClass,
    info: steps.map((s) => ({
      name: s.name,
      accepts: s.accepts.map(eventTypeName),
      returns: s.returns.map(eventTypeName),
      numWorkers: s.numWorkers,
      gather: s.gather,
      fanOut: s.fanOut,
    })),
  };
  PLANS.set(ctor, plan);
  return plan;
}

/** The first problem that keeps the workflow from being built, or null. */
export function validationProblem(plan: Plan, skipGraphChecks: readonly GraphCheck[] = []): string | null {
  return plan.problem(skipGraphChecks);
}

/** The graph check names a workflow or step may skip; anything else is a validation error. */
export function checkGraphCheckNames(names: readonly string[]): GraphCheck[] {
  const unknown = names.filter((n) => !(GRAPH_CHECKS as readonly string[]).includes(n));
  if (unknown.length) throw new WorkflowValidationError(validationMessages.unknownGraphChecks(unknown));
  return names as GraphCheck[];
}
