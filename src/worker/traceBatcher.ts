/** About one batch per animation frame. */
export const BATCH_MS = 16;
/**
 * A bigger batch costs the page one long task to take in (its rows made into records and checked);
 * split it. Rows travel as typed arrays, which the page reads several times faster than it took
 * record objects in, so a batch holds more than the 500 records it did then.
 */
export const MAX_BATCH = 2_000;

/**
 * Decides when the records written so far go to the page: one message per frame instead of one per
 * record. `send` makes the message of everything not sent yet and returns its delivery (or nothing).
 *
 * A step start is sent right away: the engine calls the step's code straight after recording it, and
 * if that code spins in a synchronous loop no timer fires again in this worker. The page should still
 * see which step was running when it has to replace the runner.
 */
export class TraceBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly send: () => unknown;
  private lastDelivery: unknown = undefined;

  /** `send`'s result may be a promise (a Comlink call) that settles on delivery. */
  constructor(send: () => unknown) {
    this.send = send;
  }

  /** One more record is ready; `now` sends it (and all before it) at once. */
  written(now: boolean): void {
    this.pending++;
    if (now || this.pending >= MAX_BATCH) {
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
    if (this.pending === 0) return;
    this.pending = 0;
    this.lastDelivery = this.send();
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
