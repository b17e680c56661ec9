import type { TraceRecord } from '../engine/trace.ts';
import type { TraceSink } from './protocol.ts';

/** About one batch per animation frame. */
export const BATCH_MS = 16;
/** A step start is flushed at once unless a batch went out this recently (see below). */
const EAGER_MS = 4;

/**
 * Collects trace records and sends them in batches: one message per frame instead of one per record.
 *
 * A step start is also sent right away (at most every few ms): if that step then spins in a
 * synchronous loop, no timer will fire again in this worker, and the page should still know which
 * step was running when it has to replace the runner.
 */
export class TraceBatcher {
  private buffer: TraceRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;
  private readonly sink: TraceSink;
  private readonly now: () => number;

  constructor(sink: TraceSink, now: () => number = () => performance.now()) {
    this.sink = sink;
    this.now = now;
  }

  push(record: TraceRecord): void {
    this.buffer.push(record);
    if (record.kind === 'step.started' && this.now() - this.lastFlush >= EAGER_MS) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.lastFlush = this.now();
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.sink(batch);
  }
}
