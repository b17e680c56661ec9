import type { TimelineMarker } from './timelineModel.ts';

/** The part of the time axis on screen, in workflow ms. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** The narrowest window: a millisecond run should still be drawable, but not a nanosecond. */
export const MIN_WINDOW = 1;

/**
 * Zooms by `factor` (< 1 zooms in) keeping the time at `anchor` where it is on screen, and keeps the
 * window inside `[0, span]`.
 */
export function zoomWindow(window: TimeWindow, factor: number, anchor: number, span: number): TimeWindow {
  const width = Math.min(span, Math.max(MIN_WINDOW, (window.to - window.from) * factor));
  const share = window.to > window.from ? (anchor - window.from) / (window.to - window.from) : 0.5;
  return clampWindow({ from: anchor - share * width, to: anchor - share * width + width }, span);
}

/** Moves the window by `delta` ms, without leaving `[0, span]`. */
export function panWindow(window: TimeWindow, delta: number, span: number): TimeWindow {
  return clampWindow({ from: window.from + delta, to: window.to + delta }, span);
}

export function clampWindow(window: TimeWindow, span: number): TimeWindow {
  const width = Math.min(Math.max(MIN_WINDOW, window.to - window.from), Math.max(span, MIN_WINDOW));
  const from = Math.min(Math.max(0, window.from), Math.max(0, span - width));
  return { from, to: from + width };
}

/**
 * The markers of a row inside the window, of its first `count` (markers are in time order): a slice,
 * found by two searches.
 */
export function markersIn(markers: TimelineMarker[], window: TimeWindow, count = markers.length): TimelineMarker[] {
  const [first, last] = markerRange(markers, window, count);
  return first === 0 && last === markers.length ? markers : markers.slice(first, last);
}

/** Where `markersIn` slices: the first marker inside the window, and the end of the slice. */
export function markerRange(markers: readonly TimelineMarker[], window: TimeWindow, count = markers.length): [number, number] {
  const first = upperBound(markers, window.from - Number.EPSILON, (m) => m.time);
  const last = Math.min(count, upperBound(markers, window.to, (m) => m.time));
  return [first, Math.max(first, last)];
}

/** How many leading items have `key(item) <= value` (keys never decrease). */
function upperBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
