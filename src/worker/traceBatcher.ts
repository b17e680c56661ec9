/** About one batch per animation frame. */
export const BATCH_MS = 16;
/**
 * A bigger batch costs the page one long task to take in (its rows made into records and checked);
 * split it. The page takes messages in a few milliseconds a frame (FrameInbox), but a message once
 * begun is taken whole: at 2,000 rows one took 3-7 ms on a busy machine, and recording a 100,000-event
 * run missed a frame in three. At 500 rows the page's share of a frame holds.
 */
export const MAX_BATCH = 500;

/**
 * Step starts sent at once in one BATCH_MS; later ones in that time wait for the batch. A fan-out
 * starts steps by the hundred thousand, and a message for each kept the runner and the page's relay
 * busy for seconds each (a 100,000-event run took 4 s to reach the page, 1.1 s without them), taking
 * the cores the page draws with. A run of tutorial size starts far fewer in 16 ms.
 */
export const PROMPT_STARTS = 32;

/**
 * Decides when the records written so far go to the page: one message per frame instead of one per
 * record. `send` makes the message of everything not sent yet and returns its delivery (or nothing).
 *
 * A step start is sent right away: the engine calls the step's code straight after recording it, and
 * if that code spins in a synchronous loop no timer fires again in this worker. The page should still
 * see which step was running when it has to replace the runner. That holds while a run starts fewer
 * than PROMPT_STARTS steps in BATCH_MS; past that, what the page knows of a step stuck in a loop is
 * at most one batch old (see `prompt`).
 */
export class TraceBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly send: () => unknown;
  private readonly clock: () => number;
  private lastDelivery: unknown = undefined;
  /** When the current BATCH_MS of prompt sends began, and how many it has had. */
  private windowStart = Number.NEGATIVE_INFINITY;
  private prompts = 0;

  /** `send`'s result may be a promise (a Comlink call) that settles on delivery. */
  constructor(send: () => unknown, clock: () => number = () => performance.now()) {
    this.send = send;
    this.clock = clock;
  }

  /** One more record is ready; `now` sends it (and all before it) at once, while the allowance lasts. */
  written(now: boolean): void {
    this.pending++;
    if ((now && this.prompt()) || this.pending >= MAX_BATCH) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Whether a start may go at once: PROMPT_STARTS per BATCH_MS. */
  private prompt(): boolean {
    const now = this.clock();
    if (now - this.windowStart >= BATCH_MS) {
      this.windowStart = now;
      this.prompts = 0;
    }
    return this.prompts++ < PROMPT_STARTS;
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
