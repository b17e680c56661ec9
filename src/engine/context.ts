/**
 * The `ctx` a step receives. One small object per invocation so that what it sends is attributed to
 * the invocation (causal parent, trace), while state and buffers belong to the run and the step.
 */
import type { Event, EventClass } from './event.ts';
import { WorkflowRuntimeError } from './errors.ts';
import { retryInfoOf, type RetryInfo } from './retryState.ts';
import { planOf } from './plan.ts';
import type { Invocation, RunCore } from './runCore.ts';
import { readSavedContext, restoreState, saveEvent, SAVED_CONTEXT_VERSION, type Resumption, type SavedContext } from './savedContext.ts';
import { toJsonSafe } from './jsonSafe.ts';
import { currentFrame } from './scope.ts';
import type { DictState } from './statePath.ts';
import { StateStore } from './stateStore.ts';
import { StoreView, type ContextStore, type StoreHost } from './storeView.ts';

export type { ContextStore } from './storeView.ts';

/**
 * What `collectEvents(ev, types)` gives back: an instance of each class of `types`, in its order, so
 * `[A, B, B]` reads as `[A, B, B]` and `Array(n).fill(A)` as `A[]`.
 */
export type CollectedEvents<C extends readonly EventClass[]> = {
  -readonly [K in keyof C]: C[K] extends EventClass<infer E> ? E : never;
};

export interface WaitForEventOptions {
  /** Field values the awaited event must have. */
  requirements?: Record<string, unknown>;
  /** Published on the stream once the wait starts (e.g. an InputRequiredEvent). */
  waiterEvent?: Event;
  /** Seconds (default 2000, as in the library; null: no limit); the re-run then gets WorkflowTimeoutError. */
  timeout?: number | null;
  /** Names the wait; by default one per event type and requirements. */
  waiterId?: string;
}

/**
 * `S` is the workflow's state type (Python's `Context[MyState]`); steps that declare one get typed
 * `ctx.store` paths. The engine learns the class from the step option `state` (the compiler fills it in).
 */
export class Context<S extends object = DictState> {
  private storeView: StoreView | null = null;
  private bound: RunCore | null = null;
  private invocation: Invocation | null = null;
  /** A context made with `new Context(workflow)` or `Context.fromDict`: its store before any run. */
  private staged: { workflowClass: Function; store: StateStore; resumption: Resumption | null } | null = null;

  /**
   * A context for `workflow` before any run (Python's `Context(workflow)`): its store can be seeded,
   * and `workflow.run({ ctx })` runs with it, so state carries from one run to the next.
   */
  constructor(workflow: object) {
    const plan = planOf(workflow.constructor);
    this.staged = { workflowClass: workflow.constructor, store: new StateStore(plan.stateClass), resumption: null };
  }

  /** @internal The ctx of a step's invocation, or of the run as its handler sees it (`invocation` null). */
  static of(core: RunCore, invocation: Invocation | null): Context {
    const ctx = Object.create(Context.prototype) as Context;
    ctx.storeView = null;
    ctx.bound = core;
    ctx.invocation = invocation;
    ctx.staged = null;
    return ctx;
  }

  /**
   * The context of the step invocation running right now (the library's `Context.get_step_context()`),
   * for helpers and wrappers that are not handed the step's `ctx`. Throws outside a step.
   */
  static getStepContext(): Context {
    const frame = currentFrame();
    if (!frame || frame.invocation === null || !(frame instanceof Object) || !('rt' in frame)) {
      throw new WorkflowRuntimeError('Context.getStepContext() must be called from inside a step.');
    }
    return Context.of(frame.run, frame as Invocation);
  }

  /**
   * @internal Records a line the user's code printed as this context's invocation's, for hosts whose
   * user code runs where JavaScript's async context does not follow it (Python's tasks in a browser).
   * False when the context's run is not going on (the line is then the host's to show). `fromStep`
   * false records a host's notice in that run without the step (see `logToCurrentRun`).
   */
  static logFor(ctx: Context, level: 'log' | 'info' | 'warn' | 'error' | 'debug', text: string, fromStep = true): boolean {
    if (!ctx.bound || ctx.bound.status !== null) return false;
    ctx.bound.userLog(level, text, fromStep ? ctx.invocation : null);
    return true;
  }

  /** Restores a context saved with `toDict()`, for `workflow.run({ ctx })` to resume. */
  static fromDict<S extends object = DictState>(workflow: object, data: unknown): Context<S> {
    const plan = planOf(workflow.constructor);
    const { state, resumption } = readSavedContext(plan, data);
    const ctx = new Context<S>(workflow);
    ctx.staged!.store.replace(restoreState(plan.stateClass, state));
    ctx.staged!.resumption = resumption;
    return ctx;
  }

  /** @internal What `run({ ctx })` starts from; binds this context to the new run. */
  takeForRun(workflow: object): { store: StateStore; resumption: Resumption | null } {
    const staged = this.staged ?? (this.bound ? { workflowClass: this.bound.workflow.constructor, store: this.bound.store, resumption: null } : null);
    if (!staged || this.invocation) throw new WorkflowRuntimeError('run({ ctx }) takes a context made with new Context(workflow), Context.fromDict, or a handler\'s ctx.');
    if (staged.workflowClass !== workflow.constructor && planOf(staged.workflowClass).stateClass !== planOf(workflow.constructor).stateClass) {
      throw new WorkflowRuntimeError('This context holds the state of a workflow with another state type.');
    }
    return { store: staged.store, resumption: staged.resumption };
  }

  /** @internal */
  bind(core: RunCore): void {
    this.bound = core;
    this.staged = null;
    this.storeView = null;
  }

  private get core(): RunCore {
    if (!this.bound) throw new WorkflowRuntimeError('This needs a running workflow: pass the context to workflow.run({ ctx }) first.');
    return this.bound;
  }

  get runId(): string {
    return this.core.runId;
  }

  /** Aborts when the run ends (stop, failure, timeout, cancel). */
  get signal(): AbortSignal {
    return this.core.signal;
  }

  /**
   * The context as JSON-safe data (Python's `to_dict()`): the state and, while the run has not ended,
   * the work in hand, for `Context.fromDict` to resume.
   */
  toDict(): SavedContext {
    if (this.bound) return this.bound.saveContext();
    const staged = this.staged!;
    if (!staged.resumption) throw new WorkflowRuntimeError('toDict() requires a running workflow: run it with workflow.run({ ctx }) first.');
    const plan = planOf(staged.workflowClass);
    return {
      version: SAVED_CONTEXT_VERSION,
      workflow: plan.workflow,
      stateType: plan.stateClass ? plan.stateClass.name : null,
      state: toJsonSafe(staged.store.root),
      running: staged.resumption.running,
      awaitingInput: staged.resumption.awaitingInput,
      work: staged.resumption.work.map((w) => saveEvent(w.step, w.event)),
    };
  }

  /** Routes `ev` to every step that accepts it, or only to `step`. Never runs a receiver in this call. */
  sendEvent(ev: Event, step?: string): void {
    this.core.send(ev, this.invocation, step ?? null);
  }

  /** Publishes `ev` to the caller's `streamEvents()`; it is not routed to steps. */
  writeEventToStream(ev: Event): void {
    this.core.publish(ev, this.invocation);
  }

  /**
   * Buffers `ev`; once the buffer holds one event for each entry of `types`, returns them in the order
   * of `types` (arrival order within a class) and removes them, else returns null. The result is typed
   * from `types`: `[A, B]` gives `[A, B]`, an array of classes gives an array of their union.
   */
  collectEvents<const C extends readonly EventClass[]>(ev: Event, types: C, bufferId?: string): CollectedEvents<C> | null;
  /** With the result's element type written out, as code before the typed form did: `collectEvents<A>(…)`. */
  collectEvents<T extends Event>(ev: Event, types: readonly EventClass[], bufferId?: string): T[] | null;
  collectEvents(ev: Event, types: readonly EventClass[], bufferId?: string): Event[] | null {
    return this.core.collect(ev, types, bufferId ?? 'default', this.invocation) as Event[] | null;
  }

  /** Writes one key of the run's state (a key with dots is still one key). */
  set(key: string, value: unknown): Promise<void> {
    return this.view().setPath([key], value);
  }

  /** Reads one key; a missing key without a default throws `Key 'k' not found in Context`. */
  get<T = unknown>(key: string, ...defaultValue: [T?]): Promise<T> {
    return this.view().getPath([key], defaultValue.length > 0, defaultValue[0]) as Promise<T>;
  }

  /** The run's state by dotted path, typed when the workflow declares a state class. */
  get store(): ContextStore<S> {
    return this.view() as unknown as ContextStore<S>;
  }

  private view(): StoreView {
    return (this.storeView ??= new StoreView(this.bound ?? stagedHost(this.staged!.store), this.invocation));
  }

  /** Which attempt of the step this is, and what went wrong in the one before (Python's `retry_info()`). */
  retryInfo(): RetryInfo {
    if (!this.invocation) throw new WorkflowRuntimeError('retryInfo() can only be called inside a step.');
    return retryInfoOf(this.invocation);
  }

  /** e.g. `Context(workflow=Hello, run_id=run-3, step=greet, status=running)`. */
  toString(): string {
    const step = this.invocation ? `, step=${this.invocation.step}` : '';
    if (!this.bound) return `Context(workflow=${planOf(this.staged!.workflowClass).workflow}, not running)`;
    return `Context(workflow=${this.core.plan.workflow}, run_id=${this.runId}${step}, status=${this.core.status ?? 'running'})`;
  }

  /**
   * Waits for an event of `type`, as the library does: the step ends here ("waiting") and, once such an
   * event arrives, runs again from the top with the same input, when this call returns the event.
   * Code before the call therefore runs twice. The event is not delivered to this step as an input.
   */
  waitForEvent<E extends Event>(type: EventClass<E>, options: WaitForEventOptions = {}): Promise<E> {
    return this.core.waitForEvent(type, options, this.invocation) as Promise<E>;
  }
}

/** A store before any run: no trace to write to, nobody else to wait for but other edits. */
function stagedHost(store: StateStore): StoreHost {
  return {
    store,
    stateEditor: null,
    setState: (path, value) => store.set(path, value),
    stateReplaced: () => undefined,
    waitingForState: () => undefined,
  };
}
