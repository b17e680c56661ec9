/**
 * Where a "N more" button sits along its side of the graph pane: where no node is under it. The
 * first look at a graph that cannot end the pane between two nodes cuts one by the far side, and a
 * button in its usual corner would cover it. Pure, for the tests.
 */

/** A stretch along one side of the pane, in screen pixels. */
export type Span = readonly [number, number];

/** Air left between a button and the nodes beside it. */
export const SPOT_GAP = 4;

/**
 * Where along a side, from `low` to `high`, a button `size` long starts so that it lies over none of
 * `taken` (the stretches of that side the nodes in the button's strip cover): the free start nearest
 * `prefer`, or null when no gap between them is long enough.
 */
export function freeSpot(taken: readonly Span[], low: number, high: number, size: number, prefer: number): number | null {
  const spans = taken
    .map(([a, b]) => [a - SPOT_GAP, b + SPOT_GAP] as const)
    .filter(([a, b]) => b > low && a < high)
    .sort((p, q) => p[0] - q[0]);
  let best: number | null = null;
  const consider = (from: number, to: number) => {
    if (to - from < size) return;
    const start = Math.min(Math.max(prefer, from), to - size);
    if (best === null || Math.abs(start - prefer) < Math.abs(best - prefer)) best = start;
  };
  let at = low;
  for (const [a, b] of spans) {
    consider(at, a);
    at = Math.max(at, b);
  }
  consider(at, high);
  return best;
}

/** The size a hint button's label takes (11.5 px bold text in a pill), a little generous. */
export function buttonSize(label: string): { width: number; height: number } {
  return { width: Math.ceil(label.length * 7.5 + 22), height: 24 };
}
