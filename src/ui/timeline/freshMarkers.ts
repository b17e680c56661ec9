import type { TimelineMarker } from '../../inspect/index.ts';

/**
 * A row's markers split by kind, lane and type (each list their positions in the row, in order),
 * kept per row and extended as the run grows: drawing keeps the first marker of each kind, lane and
 * type in every 3 px bucket (`drawMarkers`), so in any stretch of markers only the first of each
 * list in each bucket can be drawn.
 */
interface Lists {
  length: number;
  byGroup: Map<string, number[]>;
}

const kept = new WeakMap<TimelineMarker[], Lists>();

/**
 * The markers of `markers[first..last)` that can be drawn, in order: per kind, lane and type, the
 * first in each bucket (`bucket` is that of `drawMarkers`, never decreasing along the row, as the
 * markers are in time order). `drawMarkers` given them draws what it draws given the whole slice:
 * the first marker of a bucket in a lane it draws (markers of lanes not shown share the row's first
 * lane) is the first of one of these lists there. A scrubber move draws the markers of the last few
 * pixels before the cursor afresh, and where a run's records crowd into those pixels (a
 * 100,000-event fan-out ends in the last few pixels of its axis) the slice was most of the run's
 * markers; this reads a few per list, each found by binary search.
 */
export function freshMarkers(markers: TimelineMarker[], first: number, last: number, bucket: (marker: TimelineMarker) => number): TimelineMarker[] {
  const lists = kept.get(markers) ?? { length: 0, byGroup: new Map<string, number[]>() };
  kept.set(markers, lists);
  for (let i = lists.length; i < markers.length; i++) {
    const { kind, lane, type } = markers[i]!;
    const key = `${kind}|${lane}|${type}`;
    (lists.byGroup.get(key) ?? lists.byGroup.set(key, []).get(key)!).push(i);
  }
  lists.length = markers.length;
  const drawn: number[] = [];
  for (const list of lists.byGroup.values()) {
    const end = search(list, 0, list.length, (i) => i >= last);
    for (let j = search(list, 0, end, (i) => i >= first); j < end; ) {
      drawn.push(list[j]!);
      const b = bucket(markers[list[j]!]!);
      j = search(list, j + 1, end, (i) => bucket(markers[i]!) > b);
    }
  }
  return drawn.sort((a, b) => a - b).map((i) => markers[i]!);
}

/** The first position in `list[lo..hi)` where `past` holds (it holds from some position on), or `hi`. */
function search(list: readonly number[], lo: number, hi: number, past: (item: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
