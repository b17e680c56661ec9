/**
 * The events a run publishes to its caller (`handler.streamEvents()`): an async iterator over the
 * engine's own queue. Not a WHATWG ReadableStream: Node 20 drains a large backlog from one in
 * quadratic time.
 */
import type { Event } from './event.ts';
import { Fifo } from './fifo.ts';

export class EventStream implements AsyncIterableIterator<Event> {
  private readonly buffer = new Fifo<Event>();
  private waiting: { resolve: (r: IteratorResult<Event>) => void; reject: (e: unknown) => void } | null = null;
  private done = false;
  private error: { value: unknown } | null = null;
  private taken = false;

  push(ev: Event): void {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: ev, done: false });
    } else this.buffer.push(ev);
  }

  end(error?: { value: unknown }): void {
    if (this.done) return;
    this.done = true;
    this.error = error ?? null;
    if (this.waiting && this.buffer.length === 0) {
      const { resolve, reject } = this.waiting;
      this.waiting = null;
      if (this.error) reject(this.error.value);
      else resolve({ value: undefined, done: true });
    }
  }

  /** The stream can be consumed once per run. */
  take(): EventStream {
    if (this.taken) throw new Error('streamEvents() can be consumed only once per run.');
    this.taken = true;
    return this;
  }

  next(): Promise<IteratorResult<Event>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.done) {
      if (this.error) {
        const { value } = this.error;
        this.error = null; // report a failure once, then behave as finished
        return Promise.reject(value);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<Event>> {
    this.buffer.drain();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Event> {
    return this;
  }
}
