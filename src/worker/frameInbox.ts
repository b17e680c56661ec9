/**
 * The runner's messages on the page's main thread, taken in at most `budgetMs` of each frame. A run
 * can send records far faster than the page draws them (a fan-out's start step sends 50,000 events
 * in its first instant): taken in as they came, the messages ran one after another ahead of drawing,
 * and the page missed frames for most of a second after Run. The browser does not draw between tasks
 * that wait, so waiting messages are taken in from a frame callback, a budget's worth at a time, in
 * the order they came. A hidden page draws no frames: a timer takes over after `fallbackMs`.
 */
export interface FrameInboxOptions {
  budgetMs: number;
  /** Calls back before the next frame (requestAnimationFrame), or null where there are no frames. */
  frame: ((callback: () => void) => void) | null;
  later: (callback: () => void, ms: number) => void;
  clock: () => number;
  fallbackMs?: number;
}

export class FrameInbox {
  private readonly queue: unknown[] = [];
  private head = 0;
  /** Time spent taking messages in since the last frame. */
  private spent = 0;
  private waiting = false;
  private frameSeen = false;

  constructor(
    private readonly take: (message: unknown) => void,
    private readonly options: FrameInboxOptions,
  ) {}

  /** Messages that came, in order: taken in now while this frame's budget lasts, the rest later. */
  push(messages: readonly unknown[]): void {
    for (const message of messages) this.queue.push(message);
    if (!this.waiting) this.drain();
  }

  /** How many messages wait. */
  get length(): number {
    return this.queue.length - this.head;
  }

  /** Forgets what waits (the runner is gone). */
  clear(): void {
    this.queue.length = 0;
    this.head = 0;
  }

  private drain(): void {
    const { clock, budgetMs } = this.options;
    while (this.head < this.queue.length) {
      if (this.options.frame !== null && this.spent >= budgetMs) {
        this.wait();
        return;
      }
      const started = clock();
      const message = this.queue[this.head];
      this.queue[this.head++] = undefined;
      try {
        this.take(message);
      } finally {
        this.spent += clock() - started;
      }
    }
    this.queue.length = 0;
    this.head = 0;
    if (this.options.frame !== null && !this.frameSeen) this.watchFrame();
  }

  /** Resets the budget at the next frame even when nothing waits, so the budget is per frame. */
  private watchFrame(): void {
    this.frameSeen = true;
    this.options.frame!(() => {
      this.frameSeen = false;
      this.spent = 0;
    });
  }

  private wait(): void {
    this.waiting = true;
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      this.waiting = false;
      this.spent = 0;
      this.drain();
    };
    this.options.frame!(go);
    this.options.later(go, this.options.fallbackMs ?? 100);
  }
}
