import type { TimelineBar, TimelineRowAt } from '../../inspect/index.ts';
import { LaneRects } from './laneRects.ts';
import type { RectsMark } from './laneRects.ts';

type BarIndex = TimelineRowAt['index'];

/**
 * The merged rectangles of a row's bars that ended before the cursor, without reading every one of
 * them at each scrubber move. Those bars are a prefix of the row's `index.ended` (append-only while
 * the run grows, each bar final once ended, so where it is drawn depends only on the window and the
 * size), and merging them is a fold over that prefix whose finished rectangles are only appended.
 * So one merging of every ended bar is kept, with a mark of where it stood every `STRIDE` bars: a
 * move, forward or backward, starts from the nearest mark before its cursor (sharing the rectangles
 * finished by then) and merges at most `STRIDE` bars on. What it merges on is what a merging from
 * nothing would, in the same order: the picture is the same to the pixel.
 */
interface Kept {
  /** Window and size the rectangles were placed for; anything else merges again. */
  key: string;
  /** The first bar merged (the window's left edge). */
  from: number;
  /** Every bar from `from` up to `merged`, merged. */
  all: LaneRects;
  merged: number;
  /** `marks[j]`: where `all` stood after `j * STRIDE` bars. */
  marks: RectsMark[];
  /** Numbers held by `marks`. */
  size: number;
}

const STRIDE = 1024;
/** Mergings kept per row: a few windows (zooms) or sizes. */
const KEPT = 4;
/**
 * Marks kept per merging. A mark holds a few numbers per lane and colour; a run of a million bars on
 * a row of a thousand workers would otherwise keep hundreds of megabytes of them. Past the last mark,
 * moves merge on from it.
 */
const MARK_NUMBERS = 1_000_000;
const kept = new WeakMap<BarIndex, Kept[]>();

/**
 * Rectangles of `index.ended[from..upTo)` merged by `add`, on a copy the caller may go on adding to.
 * `empty` makes a merging of no bar; `key` says what places the rectangles (window, size).
 */
export function endedBarRects(index: BarIndex, key: string, from: number, upTo: number, empty: () => LaneRects, add: (rects: LaneRects, bar: TimelineBar) => void): LaneRects {
  if (upTo <= from) return empty();
  const list = kept.get(index) ?? [];
  kept.set(index, list);
  const at = list.findIndex((k) => k.key === key && k.from === from);
  if (at < 0) {
    const all = empty();
    list.unshift({ key, from, all, merged: from, marks: [all.mark()], size: 0 });
    list.length = Math.min(list.length, KEPT);
  } else if (at > 0) list.unshift(...list.splice(at, 1));
  const entry = list[0]!;
  const ended = index.ended;
  for (let i = entry.merged; i < upTo; i++) {
    add(entry.all, ended[i]!);
    const next = i + 1 - from;
    if (next % STRIDE !== 0 || next / STRIDE !== entry.marks.length || entry.size > MARK_NUMBERS) continue;
    const mark = entry.all.mark();
    entry.marks.push(mark);
    entry.size += mark.open.length + mark.done.length;
  }
  entry.merged = Math.max(entry.merged, upTo);
  const j = Math.min(Math.floor((upTo - from) / STRIDE), entry.marks.length - 1);
  const rects = LaneRects.at(entry.all, entry.marks[j]!);
  for (let i = from + j * STRIDE; i < upTo; i++) add(rects, ended[i]!);
  return rects;
}
