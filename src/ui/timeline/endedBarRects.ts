import type { TimelineBar, TimelineRowAt } from '../../inspect/index.ts';
import type { LaneRects } from './laneRects.ts';

/**
 * The merged rectangles of a row's bars that ended before the cursor, kept across scrubber moves.
 * Those bars are a prefix of the row's `index.ended` (append-only while the run grows, each bar final
 * once ended), and merging them is a fold over that prefix: the state after every `STRIDE` bars is
 * kept, so a move, forward or backward, merges at most `STRIDE` bars on from the nearest kept state
 * instead of every bar left of the cursor. What is added on from there is exactly what a draw from
 * nothing would add in the same order, so the picture is the same to the pixel.
 */
interface Kept {
  /** Window and size the rectangles were placed for (lanes are placed when painting); anything else merges again. */
  key: string;
  index: BarIndex;
  /** The first bar merged (the window's left edge): `states[j]` holds bars `from` to `from + j * STRIDE`. */
  from: number;
  states: LaneRects[];
  /** Numbers held by `states`. */
  size: number;
}

type BarIndex = TimelineRowAt['index'];

const STRIDE = 1024;
/**
 * Kept per timeline canvas: one per row, times a few windows, within a bound on the
 * numbers held (a state holds up to a rectangle per two pixels per lane and colour; many workers, many
 * zooms and a long run would otherwise keep hundreds of megabytes).
 */
const KEPT = 64;
const KEPT_NUMBERS = 4_000_000;
const kept = new WeakMap<HTMLCanvasElement, Kept[]>();

/**
 * Rectangles of `index.ended[from..upTo)` merged by `add`, on a copy the caller may go on adding to.
 * `empty` makes the state before any bar; `key` says what places the rectangles (window, size).
 */
export function endedBarRects(
  canvas: HTMLCanvasElement,
  index: BarIndex,
  key: string,
  from: number,
  upTo: number,
  empty: () => LaneRects,
  add: (rects: LaneRects, bar: TimelineBar) => void,
): LaneRects {
  if (upTo <= from) return empty();
  const list = kept.get(canvas) ?? [];
  kept.set(canvas, list);
  let at = list.findIndex((k) => k.index === index && k.key === key && k.from === from);
  if (at < 0) {
    if (list.length >= KEPT) list.pop();
    list.unshift({ key, index, from, states: [empty()], size: 0 });
    at = 0;
  }
  const entry = list[at]!;
  if (at > 0) list.unshift(...list.splice(at, 1));
  const j = Math.min(Math.floor((upTo - from) / STRIDE), entry.states.length - 1);
  const rects = entry.states[j]!.copy();
  const ended = index.ended;
  for (let i = from + j * STRIDE; i < upTo; i++) {
    add(rects, ended[i]!);
    // A state past the last one kept is kept too, for the next move that reaches it, while the
    // bound allows (past it, moves merge on from the last state kept).
    const next = i + 1 - from;
    if (next % STRIDE === 0 && next / STRIDE === entry.states.length && entry.size + rects.size <= KEPT_NUMBERS) {
      entry.states.push(rects.copy());
      entry.size += rects.size;
    }
  }
  // The least recently used go first; the one in use stays.
  let total = list.reduce((sum, k) => sum + k.size, 0);
  while (total > KEPT_NUMBERS && list.length > 1) total -= list.pop()!.size;
  return rects;
}
