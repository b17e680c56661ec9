/**
 * The `ctx` a step receives. One small object per invocation so that what it sends is attributed to
 * the invocation (causal parent, trace), while state and buffers belong to the run and the step.
 */
import type { Event, EventClass } from './event.ts';
import { WorkflowRuntimeError } from './errors.ts';
import { retryInfoOf, type RetryInfo } from './retryState.ts';
import type { Invocation, RunCore } from './runCore.ts';
import type { DictState } from './statePath.ts';
import { StoreView, type ContextStore } from './storeView.ts';

export type { ContextStore } from './storeView.ts';

export interface WaitForEventOptions {
  /** Field values the awaited event must have. */
  requirements?: Record<string, unknown>;
  /** Published on the stream once the wait starts (e.g. an InputRequiredEvent). */
  waiterEvent?: Event;
  /** Seconds; rejects with WorkflowTimeoutError when it passes. */
  timeout?: number;
}

/**
 * `S` is the workflow's state type (Python's `Context[MyState]`); steps that declare one get typed
 * `ctx.store` paths. The engine learns the class from the step option `state` (the compiler fills it in).
 */
export class Context<S extends object = DictState> {
  private storeView: StoreView | null = null;

  /** @internal */
  constructor(
    private readonly core: RunCore,
    private readonly invocation: Invocation | null,
  ) {}

  get runId(): string {
    return this.core.runId;
  }

  /** Aborts when the run ends (stop, failure, timeout, cancel). */
  get signal(): AbortSignal {
    return this.core.signal;
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
   * of `types` (arrival order within a class) and removes them, else returns null.
   */
  collectEvents<T extends Event = Event>(ev: Event, types: readonly EventClass[], bufferId?: string): T[] | null {
    return this.core.collect(ev, types, bufferId ?? 'default', this.invocation) as T[] | null;
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
    return (this.storeView ??= new StoreView(this.core, this.invocation));
  }

  /** Which attempt of the step this is, and what went wrong in the one before (Python's `retry_info()`). */
  retryInfo(): RetryInfo {
    if (!this.invocation) throw new WorkflowRuntimeError('retryInfo() can only be called inside a step.');
    return retryInfoOf(this.invocation);
  }

  /** e.g. `Context(workflow=Hello, run_id=run-3, step=greet, status=running)`. */
  toString(): string {
    const step = this.invocation ? `, step=${this.invocation.step}` : '';
    return `Context(workflow=${this.core.plan.workflow}, run_id=${this.runId}${step}, status=${this.core.status ?? 'running'})`;
  }

  /** Waits inside the step for an event of `type`; the step's worker slot is free meanwhile. */
  waitForEvent<E extends Event>(type: EventClass<E>, options: WaitForEventOptions = {}): Promise<E> {
    return this.core.waitForEvent(type, options, this.invocation) as Promise<E>;
  }
}
