import { RunFold } from './runFold.ts';
import type { FoldSnapshot } from './runFold.ts';

/** Records between snapshots at first; doubled whenever the snapshots would pass `limit`. */
const FIRST_SPACING = 1024;
/**
 * At most this many snapshots per run. Each holds a byte per invocation seen by then, so a
 * 100,000-event run (about 100,000 invocations) keeps at most about 13 MB of them, and a move of the
 * scrubber refolds at most one spacing of records (4,096 at 350,000 records).
 */
const MAX_SNAPSHOTS = 128;

/**
 * Snapshots of a run's fold every `spacing` records, taken as the fold first passes each multiple, so
 * that showing any moment of the run refolds at most `spacing` records from the nearest snapshot
 * before it, backwards as well as forwards. Memory stays bounded: when there would be more than
 * `limit` snapshots, every other one is dropped and the spacing doubles.
 */
export class FoldCheckpoints {
  private spacingNow: number;
  private readonly limit: number;
  private readonly snapshots: FoldSnapshot[] = [];

  constructor(spacing = FIRST_SPACING, limit = MAX_SNAPSHOTS) {
    this.spacingNow = Math.max(1, Math.floor(spacing));
    this.limit = Math.max(2, Math.floor(limit));
  }

  get spacing(): number {
    return this.spacingNow;
  }

  get size(): number {
    return this.snapshots.length;
  }

  /** The next multiple of the spacing after `cursor`: where a fold should pause to be offered. */
  nextAfter(cursor: number): number {
    return (Math.floor(cursor / this.spacingNow) + 1) * this.spacingNow;
  }

  /** Keeps a snapshot of `fold` if it stands on a multiple of the spacing beyond every snapshot kept. */
  offer(fold: RunFold): void {
    const at = fold.cursor;
    if (at === 0 || at % this.spacingNow !== 0) return;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last !== undefined && last.cursor >= at) return;
    this.snapshots.push(fold.snapshot());
    if (this.snapshots.length > this.limit) this.thin();
  }

  /** A fold at the latest snapshot at or before `cursor`, or null when there is none. */
  foldBefore(cursor: number): RunFold | null {
    let lo = 0;
    let hi = this.snapshots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.snapshots[mid]!.cursor <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : RunFold.from(this.snapshots[lo - 1]!);
  }

  /** The cursor of the latest snapshot at or before `cursor` (0 when none). */
  cursorBefore(cursor: number): number {
    let best = 0;
    for (let lo = 0, hi = this.snapshots.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      const at = this.snapshots[mid]!.cursor;
      if (at <= cursor) {
        best = at;
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return best;
  }

  private thin(): void {
    this.spacingNow *= 2;
    let kept = 0;
    for (const snapshot of this.snapshots) if (snapshot.cursor % this.spacingNow === 0) this.snapshots[kept++] = snapshot;
    this.snapshots.length = kept;
  }
}
