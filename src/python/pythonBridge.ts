/**
 * The JavaScript side of Flowplay's Python face: what `flowplay_runtime.py` calls to make the engine's
 * twins of Python events and workflows, start runs, and read the run's clock and seeded random.
 * Everything goes through the engine's public API, so the engine's rules apply to Python unchanged.
 */
import * as engine from '../engine/index.ts';
import { readable } from './userTraceback.ts';

/** Where a twin event keeps the handle of the Python event it stands for. */
const PY_HANDLE = Symbol('flowplay.pythonHandle');
/** Where a twin workflow keeps the Python workflow object its steps run on. */
const PY_WORKFLOW = Symbol('flowplay.pythonWorkflow');
/** Where a step's error keeps the handle of the Python exception behind it, for retry conditions. */
const PY_EXCEPTION = Symbol('flowplay.pythonException');

/** The engine's retry pieces Python's `workflows.retry_policy` names are built from (and nothing else). */
const RETRY_PIECES: Record<string, (...args: never[]) => unknown> = {
  retryPolicy: engine.retryPolicy,
  retryIfException: engine.retryIfException,
  retryAny: engine.retryAny,
  retryAll: engine.retryAll,
  retryAlways: engine.retryAlways,
  retryNever: engine.retryNever,
  waitFixed: engine.waitFixed,
  waitNone: engine.waitNone,
  waitExponential: engine.waitExponential,
  waitIncrementing: engine.waitIncrementing,
  waitRandom: engine.waitRandom,
  waitExponentialJitter: engine.waitExponentialJitter,
  waitRandomExponential: engine.waitRandomExponential,
  waitFullJitter: engine.waitFullJitter,
  waitChain: engine.waitChain,
  waitCombine: engine.waitCombine,
  stopAfterAttempt: engine.stopAfterAttempt,
  stopAfterDelay: engine.stopAfterDelay,
  stopBeforeDelay: engine.stopBeforeDelay,
  stopAny: engine.stopAny,
  stopAll: engine.stopAll,
  stopNever: engine.stopNever,
};

/** The part of a Pyodide proxy the bridge uses. */
interface PyProxyLike {
  copy?(): PyProxyLike;
  destroy?(): void;
  toJs?(options: { depth: number }): unknown;
  (...args: unknown[]): unknown;
}

type Invoke = (workflow: unknown, step: string, ctx: engine.Context, ev: engine.Event, failure: { handle?: number }, resources: unknown[]) => PromiseLike<unknown>;

/** Where an engine factory made for a Python factory keeps the declarations of its dependencies. */
const PY_DEPENDENCIES = Symbol('flowplay.pythonResourceDependencies');

interface StepSpec {
  name: string;
  accepts: engine.EventClass[];
  returns: engine.EventClass[];
  numWorkers: number;
  retryPolicy: engine.RetryPolicy | null;
  /** Set on a `@catch_error` handler. */
  catchError?: { forSteps: string[] | null; maxRecoveries: number };
  /** The step's resource parameters, by name, in order: the engine's `Resource(...)` declarations. */
  resources?: Record<string, unknown>;
  /** The state class of `ctx: Context[MyState]`. */
  state?: engine.StateClass;
}

type EventCtor = new (fields?: object) => engine.Event;

const BUILTIN: Record<string, unknown> = {
  Event: engine.Event,
  StartEvent: engine.StartEvent,
  StopEvent: engine.StopEvent,
  InputRequiredEvent: engine.InputRequiredEvent,
  HumanResponseEvent: engine.HumanResponseEvent,
  StepFailedEvent: engine.StepFailedEvent,
};

function asArray(list: unknown): unknown[] {
  if (Array.isArray(list)) return list;
  const proxy = list as PyProxyLike;
  if (typeof proxy?.toJs === 'function') return proxy.toJs({ depth: 1 }) as unknown[];
  throw new TypeError('expected a list');
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/** Data as JSON text, to tell whether it changed; null for data that has none (a cycle). */
function jsonText(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** Where a printed line goes, with the ctx of the step invocation that printed it (none outside steps). */
export type PrintSink = (line: string, ctx: engine.Context | undefined) => void;

export function createPythonBridge(print: PrintSink) {
  // Handlers are thenable, which Pyodide turns into a future on sight; Python holds them by number.
  const handlers = new Map<number, engine.WorkflowHandler>();
  /** What each run failed with, for `handler.exception()`. */
  const failures = new Map<number, unknown>();
  /** Data the engine holds for Python objects, with the object's handle and the data as it was. */
  const keptValues = new WeakMap<object, { handle: number; text: string }>();
  const handler = (id: number): engine.WorkflowHandler => {
    const found = handlers.get(id);
    if (!found) throw new Error(`no run ${id}`);
    return found;
  };
  return {
    builtin_event: (role: string) => BUILTIN[role],
    define_event(name: string, parent: EventCtor) {
      const cls = { [name]: class extends parent {} }[name]!;
      return cls;
    },
    make_event(cls: EventCtor, entries: unknown, handle: number) {
      const ev = new cls(Object.fromEntries(asArray(entries) as [string, unknown][]));
      (ev as unknown as Record<symbol, number>)[PY_HANDLE] = handle;
      return ev;
    },
    handle_of: (ev: object) => (ev as Record<symbol, number | undefined>)[PY_HANDLE],
    /** Whether a fork replaced the twin's fields since Python last looked (then Python refreshes its event). */
    fields_replaced: (ev: object) => engine.takeFieldsReplaced(ev),
    set_handle(ev: object, handle: number) {
      (ev as Record<symbol, number>)[PY_HANDLE] = handle;
    },
    type_name: (ev: object) => engine.eventTypeName(ev.constructor),
    entries: (value: object) => Object.entries(value),
    is_event: (value: unknown) => engine.isEvent(value),
    is_array: (value: unknown) => Array.isArray(value),
    array: (list: unknown) => asArray(list),
    record: (entries: unknown) => Object.fromEntries(asArray(entries) as [string, unknown][]),
    /** Marks data made from a Python object with the object's handle (see `_kept` in the runtime). */
    keep_value(value: object, handle: number) {
      const text = jsonText(value);
      if (text !== null) keptValues.set(value, { handle, text });
      return value;
    },
    /** The handle of the Python object this data was made from, and whether the data is as it was then. */
    kept_value(value: unknown): [number, boolean] | undefined {
      const kept = typeof value === 'object' && value !== null ? keptValues.get(value) : undefined;
      return kept ? [kept.handle, jsonText(value) === kept.text] : undefined;
    },
    define_workflow(name: string, specs: unknown, invoke: PyProxyLike) {
      // Arguments from Python are borrowed for the call; the invoker lives as long as the class.
      const call = (invoke.copy ? invoke.copy() : invoke) as unknown as Invoke;
      const Twin = { [name]: class extends engine.Workflow {} }[name]!;
      for (const spec of asArray(specs) as StepSpec[]) {
        const stepName = spec.name;
        const descriptor: PropertyDescriptor = {
          value: async function (this: Record<symbol, unknown>, ctx: engine.Context, ev: engine.Event, ...resources: unknown[]) {
            const failure: { handle?: number } = {};
            const pending = call(this[PY_WORKFLOW], stepName, ctx, ev, failure, resources);
            try {
              const out = await readable(pending);
              // The engine's cancellation of a step whose run ended, handed back as it was raised.
              if (out instanceof engine.StepCancelledError) throw out;
              return out;
            } catch (error) {
              if (failure.handle !== undefined && typeof error === 'object' && error !== null) (error as Record<symbol, number>)[PY_EXCEPTION] = failure.handle;
              throw error;
            } finally {
              (pending as unknown as PyProxyLike).destroy?.();
            }
          },
          writable: true,
          configurable: true,
        };
        const retryPolicy = spec.retryPolicy ?? undefined;
        const caught = spec.catchError;
        if (caught) {
          const forSteps = caught.forSteps == null ? undefined : (asArray(caught.forSteps) as string[]);
          engine.catchError({ accepts: [...spec.accepts], returns: [...spec.returns], context: true, maxRecoveries: caught.maxRecoveries, ...(forSteps ? { forSteps } : {}) })(Twin.prototype, stepName, descriptor);
        } else {
          const resources = spec.resources ?? undefined;
          engine.step({ accepts: [...spec.accepts], returns: [...spec.returns], numWorkers: spec.numWorkers, context: true, ...(retryPolicy ? { retryPolicy } : {}), ...(resources ? { resources } : {}), ...(spec.state ? { state: spec.state } : {}) })(Twin.prototype, stepName, descriptor);
        }
        Object.defineProperty(Twin.prototype, stepName, descriptor);
      }
      return Twin;
    },
    run(Twin: new (options: engine.WorkflowOptions) => engine.Workflow, workflow: PyProxyLike, start: object, timeout: number | null | undefined, verbose: boolean, validate: boolean, resourceManager: engine.ResourceManager) {
      const instance = new Twin({ timeout: timeout ?? null, verbose, validate, resourceManager });
      (instance as unknown as Record<symbol, unknown>)[PY_WORKFLOW] = workflow.copy ? workflow.copy() : workflow;
      const started = instance.run(start as Record<string, unknown>);
      const id = handlers.size + 1;
      handlers.set(id, started);
      started.then(
        () => {},
        (error: unknown) => failures.set(id, error),
      );
      return id;
    },
    handler_result: (id: number) => Promise.resolve(handler(id)),
    handler_stream: (id: number) => handler(id).streamEvents(),
    handler_send: (id: number, ev: engine.Event, step: string | undefined) => handler(id).sendEvent(ev, step),
    handler_cancel: (id: number) => handler(id).cancel(),
    handler_done: (id: number) => handler(id).status !== null,
    /** What the run failed with; undefined while it runs, null once it stopped. */
    handler_error: (id: number) => (handler(id).status === null ? undefined : (failures.get(id) ?? null)),
    handler_ctx: (id: number) => handler(id).ctx,
    /** `Context(workflow)`: a context before any run. The engine reads the workflow's class only. */
    new_context: (Twin: new (options: engine.WorkflowOptions) => engine.Workflow) => new engine.Context(Object.create(Twin.prototype) as object),
    context_from_dict: (Twin: new (options: engine.WorkflowOptions) => engine.Workflow, json: string) => engine.Context.fromDict(Object.create(Twin.prototype) as object, JSON.parse(json)),
    /** The input of `run({ ctx })`: the start event (given as one) or the start fields, with the context. */
    with_context: (ctx: engine.Context, start: object, isEvent: boolean) => (isEvent ? { ctx, startEvent: start } : { ...start, ctx }),
    print: (line: string, ctx: engine.Context | undefined) => print(line, ctx ?? undefined),
    /** The cache of one Python workflow instance's resources, shared by its runs as in the library. */
    resource_manager: () => new engine.ResourceManager(),
    /**
     * The engine's factory for a Python factory, named as the library names it. The engine calls it
     * with no arguments; it reads each dependency with the engine's `Resource()` (which, inside a
     * resolution, gives the value or has the engine resolve it first) and hands the values to Python.
     */
    resource_factory(name: string, call: PyProxyLike) {
      const python = (call.copy ? call.copy() : call) as unknown as (...values: unknown[]) => unknown;
      const dependencies: engine.ResourceDescriptor[] = [];
      const factory = {
        // Python hands back a handle of what the factory made (or a task that gives one), not the object.
        [name]: () => {
          const made = python(...dependencies.map((d) => engine.Resource(d.factory, { cache: d.cache })));
          return isThenable(made) ? Promise.resolve(made) : made;
        },
      }[name]!;
      (factory as unknown as Record<symbol, unknown>)[PY_DEPENDENCIES] = dependencies;
      return factory;
    },
    add_resource_dependency(factory: object, dependency: engine.ResourceDescriptor) {
      ((factory as Record<symbol, engine.ResourceDescriptor[]>)[PY_DEPENDENCIES] ??= []).push(dependency);
    },
    resource: (factory: engine.ResourceFactory, cache: boolean) => engine.Resource(factory, { cache }),
    /** The engine's state class of a Python model: its constructor takes the model's defaults from Python. */
    define_state(name: string, defaults: PyProxyLike): engine.StateClass {
      const fresh = (defaults.copy ? defaults.copy() : defaults) as unknown as () => unknown;
      return {
        [name]: class {
          constructor() {
            Object.assign(this, Object.fromEntries(asArray(fresh()) as [string, unknown][]));
          }
        },
      }[name]!;
    },
    /** A whole state to set: an instance of the state class, or a plain object for an untyped state. */
    make_state(cls: engine.StateClass | null | undefined, entries: unknown): object {
      const fields = Object.fromEntries(asArray(entries) as [string, unknown][]);
      return cls ? Object.assign(new cls(), fields) : fields;
    },
    /** The state an edit holds gets the edited fields: the same object, with exactly these fields. */
    replace_fields(target: Record<string, unknown>, entries: unknown) {
      const fields = Object.fromEntries(asArray(entries) as [string, unknown][]);
      for (const key of Object.keys(target)) if (!Object.hasOwn(fields, key)) delete target[key];
      Object.assign(target, fields);
    },
    retry_piece(name: string, args: unknown) {
      const make = Object.hasOwn(RETRY_PIECES, name) ? RETRY_PIECES[name]! : null;
      if (!make) throw new Error(`no retry piece ${name}`);
      return make(...(asArray(args) as never[]));
    },
    failure_handle: (error: unknown) => (typeof error === 'object' && error !== null ? ((error as Record<symbol, number | undefined>)[PY_EXCEPTION] ?? null) : null),
    /** A policy whose every decision Python makes (a user's own class with `next()`). */
    python_policy: (ask: (elapsed: number, attempts: number, error: unknown, seed: number | null) => number | null | undefined): engine.RetryPolicy => ({
      next: (elapsed, attempts, error, options) => ask(elapsed, attempts, error, options?.seed ?? null) ?? null,
    }),
    error_of: (error: unknown) => new Error(String(error)),
    sleep: (seconds: number) => engine.sleep(seconds),
    /** A sleep on the run's clock that Python can call off: [the sleep, the function that cancels it]. */
    cancellable_sleep(seconds: number): [Promise<void>, () => void] {
      const controller = new AbortController();
      const slept = engine.sleep(seconds, { signal: controller.signal });
      // Called off means nobody waits on it any more.
      slept.catch(() => {});
      return [slept, () => controller.abort()];
    },
    /** Held while Python's loop has callbacks queued: the code a timer woke runs before time moves on. */
    hold_time: () => engine.holdVirtualTime(),
    now: () => engine.now(),
    random: () => engine.random(),
    randint: (low: number, high: number) => engine.randint(low, high),
  };
}

export type PythonBridge = ReturnType<typeof createPythonBridge>;
