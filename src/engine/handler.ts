/**
 * What `w.run()` returns at once: awaitable for the result, with the run's id, its event stream, a
 * way to send events in from outside (a human's answer) and to cancel it.
 */
import { Context } from './context.ts';
import type { Event } from './event.ts';
import type { RunCore } from './runCore.ts';
import type { RunStatus } from './trace.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the result type is the workflow's choice
export class WorkflowHandler<R = any> implements PromiseLike<R> {
  private context: Context | null = null;

  /** @internal */
  constructor(private readonly core: RunCore) {}

  /** The run's context as the caller sees it: its store, and `toDict()` to save the run. */
  get ctx(): Context {
    return (this.context ??= Context.of(this.core, null));
  }

  get runId(): string {
    return this.core.runId;
  }

  /** Null while running. */
  get status(): RunStatus | null {
    return this.core.status;
  }

  then<A = R, B = never>(
    onFulfilled?: ((value: R) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return (this.core.promise as Promise<R>).then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<R | B> {
    return (this.core.promise as Promise<R>).catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<R> {
    return (this.core.promise as Promise<R>).finally(onFinally);
  }

  /**
   * Events written with `writeEventToStream`, `InputRequiredEvent`s, and finally the stop event, or,
   * when the run did not stop, a WorkflowFailedEvent, WorkflowTimedOutEvent or WorkflowCancelledEvent.
   * The stream always ends normally; awaiting the handler is what rejects. Consumable once.
   * @example for await (const ev of handler.streamEvents()) console.log(ev);
   */
  streamEvents(options: { exposeInternal?: boolean } = {}): AsyncIterableIterator<Event> {
    const stream = this.core.stream.take();
    // Internal events (WorkflowIdleEvent) are only published to a caller who asks, as in the library.
    if (options.exposeInternal) this.core.watchIdle();
    return stream;
  }

  /** Sends an event into the run from outside, e.g. a HumanResponseEvent. */
  sendEvent(ev: Event, step?: string): void {
    this.core.send(ev, null, step ?? null);
  }

  /**
   * For hosts: sends an event from outside the program (what a person answered, an event sent from
   * the page) and records it as an input of the run (`input.received`), so a replay sends it again
   * at the same moment. Code that drives its own run uses `sendEvent`: it does so again when re-run.
   */
  sendInput(ev: Event, step?: string): void {
    this.core.sendInput(ev, step ?? null);
  }

  /** For hosts: cancels the run from outside the program and records that as an input. */
  cancelInput(): void {
    this.core.cancelInput();
  }

  /** Holds back every invocation that has not started yet, until `resume()` or `step()`. */
  pause(): void {
    this.core.debugGate().pause();
  }

  /** Continues a paused run (it still stops at breakpoints). */
  resume(): void {
    this.core.debugGate().resume();
  }

  /** Lets one invocation start, then pauses before the next one (step mode). */
  step(): void {
    this.core.debugGate().step();
  }

  /** Pauses before any invocation of these steps starts. */
  setBreakpoints(steps: string[]): void {
    const gate = this.core.debugGate();
    gate.breakpoints.clear();
    for (const name of steps) gate.breakpoints.add(name);
  }

  get paused(): boolean {
    return this.core.isPaused;
  }

  /** Ends the run; awaiting it rejects with WorkflowCancelledError. */
  cancel(): void {
    this.core.cancel();
  }

  /** e.g. `WorkflowHandler(workflow=Hello, run_id=run-3, status=running)`. */
  toString(): string {
    return `WorkflowHandler(workflow=${this.core.plan.workflow}, run_id=${this.runId}, status=${this.status ?? 'running'})`;
  }
}
