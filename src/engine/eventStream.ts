/**
 * The events a run publishes to its caller (`handler.streamEvents()`): an async iterator over the
 * engine's own queue. Not a WHATWG ReadableStream: Node 20 drains a large backlog from one in
 * quadratic time.
 */
import { WorkflowRuntimeError } from './errors.ts';
import type { Event } from './event.ts';
import { Fifo } from './fifo.ts';
import { runMessages } from './validationMessages.ts';

export class EventStream implements AsyncIterableIterator<Event> {
  private readonly buffer = new Fifo<Event>();
  private waiting: ((r: IteratorResult<Event>) => void) | null = null;
  private done = false;
  private taken = false;

  push(ev: Event): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: ev, done: false });
    } else this.buffer.push(ev);
  }

  /** The run ended: the stream finishes normally once its buffer is read (the run's error is the handler's). */
  end(): void {
    if (this.done) return;
    this.done = true;
    if (this.waiting && this.buffer.length === 0) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  /** The stream can be consumed once per run. */
  take(): EventStream {
    if (this.taken) throw new WorkflowRuntimeError(runMessages.streamConsumed());
    this.taken = true;
    return this;
  }

  next(): Promise<IteratorResult<Event>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<Event>> {
    this.buffer.drain();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Event> {
    return this;
  }
}
