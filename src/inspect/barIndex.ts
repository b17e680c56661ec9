import { MaxTree } from './maxTree.ts';
import type { TimelineBar } from './timelineModel.ts';

/**
 * A row's bars kept in the orders a scrubber move asks about, so that clipping the row to a cursor
 * reads only what that cursor changes: the bars in the order they ended (a cursor shows a prefix of
 * them as they ended), in the order they started, and which are still waiting or running at a given
 * record. Kept up to date as the builder opens, starts and ends bars; record indices only grow.
 */
export class BarIndex {
  /** Bars in the order they ended, and the record index each ended at (never decreasing). */
  readonly ended: TimelineBar[] = [];
  readonly endedAt: number[] = [];
  /** `endMax[k]`: the latest end among the first k bars that ended. */
  readonly endMax: number[] = [-Infinity];
  /** Bars in the order they started, and the record index each started at (never decreasing). */
  readonly started: TimelineBar[] = [];
  readonly startedAt: number[] = [];
  /** `instant[k]`: how many of the first k started bars started the moment they were opened (never waited). */
  readonly instant: number[] = [0];
  /** The record index each started bar ended at, in the order they ended. */
  readonly startedEndedAt: number[] = [];
  /**
   * Per bar in opening order, the record index at which it stops waiting (starts, or ends without
   * starting; Infinity while it waits), one tree per kind of wait and -Infinity in the other: the
   * bars waiting at record `c` are those opened before `c` with a value of at least `c`.
   */
  readonly queueWait = new MaxTree();
  readonly retryWait = new MaxTree();
  /** Per bar in starting order, the record index it ended at (Infinity while it runs). */
  readonly running = new MaxTree();
  /** Record index of the first bar that ended without starting (drawn in the waiting lane for good). */
  unstartedEnd = Infinity;
  /** Record index of the first start on a worker numbered 0, whose lane the waiting lane then is. */
  workerZeroStart = Infinity;
  readonly byInvocation = new Map<number, TimelineBar[]>();

  constructor(private readonly bars: readonly TimelineBar[]) {}

  opened(bar: TimelineBar): void {
    (this.byInvocation.get(bar.invocation) ?? this.byInvocation.set(bar.invocation, []).get(bar.invocation)!).push(bar);
    this.queueWait.push(bar.wait === 'queue' ? Infinity : -Infinity);
    this.retryWait.push(bar.wait === 'retry' ? Infinity : -Infinity);
  }

  startedBar(bar: TimelineBar): void {
    this.waitEnds(bar, bar.startedAt);
    this.started.push(bar);
    this.startedAt.push(bar.startedAt);
    this.instant.push(this.instant[this.instant.length - 1]! + (bar.start !== null && bar.start <= bar.waitFrom ? 1 : 0));
    this.running.push(Infinity);
    if (bar.worker === 0) this.workerZeroStart = Math.min(this.workerZeroStart, bar.startedAt);
  }

  endedBar(bar: TimelineBar): void {
    this.ended.push(bar);
    this.endedAt.push(bar.endedAt);
    this.endMax.push(Math.max(this.endMax[this.endMax.length - 1]!, bar.end ?? -Infinity));
    if (bar.startedAt >= 0) {
      this.startedEndedAt.push(bar.endedAt);
      this.running.set(position(this.started, this.startedAt, bar.startedAt, bar), bar.endedAt);
    } else {
      this.waitEnds(bar, bar.endedAt);
      this.unstartedEnd = Math.min(this.unstartedEnd, bar.endedAt);
    }
  }

  private waitEnds(bar: TimelineBar, at: number): void {
    const i = position(this.bars, null, bar.openedAt, bar);
    (bar.wait === 'queue' ? this.queueWait : this.retryWait).set(i, at);
  }
}

/** Where `bar` is in `list`, whose keys (`keys[i]`, or the bars' `openedAt`) never decrease. */
function position(list: readonly TimelineBar[], keys: readonly number[] | null, key: number, bar: TimelineBar): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys ? keys[mid]! : list[mid]!.openedAt) < key) lo = mid + 1;
    else hi = mid;
  }
  while (list[lo] !== bar && lo < list.length) lo++;
  return lo;
}

/** How many leading items of `keys` (never decreasing) are below `value`. */
export function countBelow(keys: readonly number[], value: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
