/**
 * The runner's messages on the page's main thread, taken in at most `budgetMs` of each frame. A run
 * can send records far faster than the page draws them (a fan-out's start step sends 50,000 events
 * in its first instant): taken in as they came, the messages ran one after another ahead of drawing,
 * and the page missed frames for most of a second after Run. The browser does not draw between tasks
 * that wait, so waiting messages are taken in from a frame callback, a budget's worth at a time, in
 * the order they came. A hidden page draws no frames: a timer takes over after `fallbackMs`, and
 * takes in `hiddenBudgetMs` at a time, as nothing is drawn meanwhile (a frame's budget every 100 ms
 * would take a hidden page's big run minutes to read).
 */
export interface FrameInboxOptions {
  budgetMs: number;
  /** Calls back before the next frame (requestAnimationFrame), or null where there are no frames. */
  frame: ((callback: () => void) => void) | null;
  later: (callback: () => void, ms: number) => void;
  clock: () => number;
  fallbackMs?: number;
  /** Whether the page is hidden; where not told, it is taken to be shown. */
  hidden?: () => boolean;
  /** What a timer's turn takes in on a hidden page: under a long task, for a page shown again meanwhile. */
  hiddenBudgetMs?: number;
}

export class FrameInbox {
  private readonly queue: unknown[] = [];
  private head = 0;
  /** Time spent taking messages in since the last frame. */
  private spent = 0;
  private waiting = false;
  private frameSeen = false;
  /** What this turn may spend: a frame's budget, or a hidden page's. */
  private limit: number;

  constructor(
    private readonly take: (message: unknown) => void,
    private readonly options: FrameInboxOptions,
  ) {
    this.limit = options.budgetMs;
  }

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
    const { clock } = this.options;
    while (this.head < this.queue.length) {
      if (this.options.frame !== null && this.spent >= this.limit) {
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
      this.limit = this.options.budgetMs;
    });
  }

  private wait(): void {
    this.waiting = true;
    let done = false;
    const go = (limit: number) => {
      if (done) return;
      done = true;
      this.waiting = false;
      this.spent = 0;
      this.limit = limit;
      this.drain();
    };
    const { budgetMs, hidden, hiddenBudgetMs = 40 } = this.options;
    this.options.frame!(() => go(budgetMs));
    this.options.later(() => go(hidden?.() === true ? Math.max(budgetMs, hiddenBudgetMs) : budgetMs), this.options.fallbackMs ?? 100);
  }
}
