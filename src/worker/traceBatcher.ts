import type { TraceRecord } from '../engine/trace.ts';
import type { TraceSink } from './protocol.ts';

/** About one batch per animation frame. */
export const BATCH_MS = 16;
/** A bigger batch costs the page one long task to receive (structured clone); split it. */
export const MAX_BATCH = 500;

/**
 * Collects trace records and sends them in batches: one message per frame instead of one per record.
 *
 * A step start is sent right away: the engine calls the step's code straight after recording it, and
 * if that code spins in a synchronous loop no timer fires again in this worker. The page should still
 * see which step was running when it has to replace the runner.
 */
export class TraceBatcher {
  private buffer: TraceRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly sink: (batch: TraceRecord[]) => unknown;
  private lastDelivery: unknown = undefined;

  /** `sink` may be a Comlink proxy: its calls then return promises that settle on delivery. */
  constructor(sink: TraceSink | ((batch: TraceRecord[]) => Promise<void>)) {
    this.sink = sink;
  }

  push(record: TraceRecord): void {
    this.buffer.push(record);
    if (record.kind === 'step.started' || this.buffer.length >= MAX_BATCH) {
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
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.lastDelivery = this.sink(batch);
  }

  /**
   * Flushes and waits until the page has the last batch. The run's result travels on another port
   * than the batches, so without this the page could hear "finished" before the last records.
   */
  async drain(): Promise<void> {
    this.flush();
    await this.lastDelivery;
  }
}
