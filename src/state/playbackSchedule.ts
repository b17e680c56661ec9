import type { TraceRecord } from '../engine/trace.ts';

/**
 * Presentation timing: how long things take on screen at 1x, in milliseconds. A run on the virtual
 * clock finishes in milliseconds and many records share one timestamp, so the schedule stretches the
 * trace so that every hop of a token and every invocation stays visible.
 */
export interface PlaybackTiming {
  /** One hop of a token: producer -> event node, or event node -> consumer. */
  hop: number;
  /** Gap between tokens that one invocation emits at the same instant (a visible train). */
  stagger: number;
  /** How many tokens of one instant get their own slot before the rest go out together. */
  maxStaggered: number;
  /** The shortest time an invocation is shown running. */
  minRun: number;
}

export const DEFAULT_TIMING: PlaybackTiming = { hop: 500, stagger: 140, maxStaggered: 5, minRun: 250 };

/**
 * Assigns every trace record a presentation time (ms at 1x). The times never decrease, so the records
 * shown at a playback time are always a prefix of the trace, and they depend only on earlier records,
 * so the schedule can be extended as batches arrive and replays give exactly the live picture.
 *
 * Rule: a record keeps the workflow-time gap to the record before it, but waits until what it depends
 * on has been seen (an invocation waits for its token to arrive, a stop waits for the stop token,
 * an invocation runs for a moment before its output leaves).
 */
export class PlaybackSchedule {
  /** Presentation time of record i. */
  readonly times: number[] = [];
  /**
   * When record i's token sets off (NaN when it has none): an emitted event leaves its producer at
   * the record's time. Its deliveries leave the event node one hop later (`deliveryStart`), so the
   * tokens of an event and of its deliveries travel one after the other.
   */
  readonly tokenStarts: number[] = [];
  readonly timing: PlaybackTiming;
  private lastT = 0;
  private lastP = 0;
  private readonly emittedAt: number[] = [];
  private readonly deliveredAt: number[] = [];
  private readonly startedAt: number[] = [];
  private readonly lastEmitByInvocation: number[] = [];
  private readonly burstByInvocation: number[] = [];

  constructor(timing: PlaybackTiming = DEFAULT_TIMING) {
    this.timing = timing;
  }

  get length(): number {
    return this.times.length;
  }

  /** Presentation time of the last record (0 when empty). */
  get end(): number {
    return this.lastP;
  }

  /** Schedules `records[this.length..]`; the earlier ones must be the same records as before. */
  extend(records: readonly TraceRecord[]): void {
    for (let i = this.times.length; i < records.length; i++) this.push(records[i]!);
  }

  /** When the deliveries of emitted record i (`r`) set off from the event node: an input event's at once. */
  deliveryStart(i: number, r: { invocation: number | null }): number {
    return this.times[i]! + (r.invocation !== null ? this.timing.hop : 0);
  }

  /** How many records are shown at presentation time `p` (binary search). */
  cursorAt(p: number): number {
    const times = this.times;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private push(r: TraceRecord): void {
    const { hop, stagger, maxStaggered, minRun } = this.timing;
    const gap = Math.max(0, r.t - this.lastT);
    let p = this.times.length === 0 ? 0 : this.lastP + gap;
    let tokenStart = Number.NaN;
    switch (r.kind) {
      case 'event.emitted': {
        if (r.invocation !== null) {
          const inv = r.invocation;
          p = Math.max(p, (this.startedAt[inv] ?? 0) + minRun);
          const last = this.lastEmitByInvocation[inv];
          if (last !== undefined && gap === 0) {
            const burst = (this.burstByInvocation[inv] ?? 0) + 1;
            this.burstByInvocation[inv] = burst;
            if (burst < maxStaggered) p = Math.max(p, last + stagger);
          } else {
            this.burstByInvocation[inv] = 0;
          }
          this.lastEmitByInvocation[inv] = p;
        }
        this.emittedAt[r.event] = p;
        if (r.invocation !== null) tokenStart = p;
        // An input event has no producer edge: its deliveries' tokens start at the event node.
        const delivered = p + (r.invocation !== null ? hop : 0);
        for (const d of r.to) this.deliveredAt[d.invocation] = Math.max(this.deliveredAt[d.invocation] ?? 0, delivered);
        break;
      }
      case 'step.started': {
        // Its token's arrival, not its place in the queue: the engine queues at delivery, inside the
        // sender's burst of sends, and waiting there would hold every later send back by a hop.
        const delivered = this.deliveredAt[r.invocation];
        if (delivered !== undefined) p = Math.max(p, delivered + hop);
        this.startedAt[r.invocation] = p;
        break;
      }
      case 'step.finished':
      case 'step.failed': {
        // A cancelled invocation stops with the run; it is not shown as having run longer.
        if (r.kind === 'step.failed' || r.status === 'done') {
          p = Math.max(p, (this.startedAt[r.invocation] ?? 0) + minRun, this.lastEmitByInvocation[r.invocation] ?? 0);
        }
        break;
      }
      case 'run.finished': {
        if (r.event !== undefined) {
          const from = this.emittedAt[r.event];
          if (from !== undefined) p = Math.max(p, from + hop);
        }
        break;
      }
      default:
        break;
    }
    this.times.push(p);
    this.tokenStarts.push(tokenStart);
    this.lastP = p;
    this.lastT = Math.max(this.lastT, r.t);
  }
}
