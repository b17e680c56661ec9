import { LANE_HEIGHT } from './timelineGeometry.ts';

/** The first two bar colours are waits (queue, retry), drawn thinner. */
export const WAIT_COLOURS = 2;

/** Where a merging stood: its open rectangles, and how many finished ones each colour had. */
export interface RectsMark {
  open: number[];
  done: number[];
}

/**
 * Rectangles per lane and colour, merged while they touch (after rounding to whole pixels, which is
 * all a canvas shows), then painted running and outcome colours first and the thin waits over them.
 * That is the order of drawing bar after bar: on one worker, an invocation's wait overlaps only the
 * runs before it (it waited while they ran), and its run comes after every earlier wait ended.
 *
 * Finished rectangles are only ever appended, so where a merging stood after some bars is a `mark`
 * (its few open rectangles and the lengths of its lists); `at` goes on from a mark of another
 * merging of the same bars, sharing what was finished by then. Lanes are placed only when painting,
 * so rectangles merged once serve while the waiting lane comes and goes and moves the others down.
 */
export class LaneRects {
  /** The rectangle being extended, per lane and colour: from, to (undefined: none yet). */
  private readonly open: number[];
  /** Finished rectangles per colour: from, to, lane, ... */
  private readonly done: number[][];

  constructor(
    private readonly colours: number,
    private readonly width: number,
    from?: { rects: LaneRects; mark: RectsMark },
  ) {
    this.open = from ? from.mark.open.slice() : [];
    this.done = from ? from.rects.done.map((list, colour) => list.slice(0, from.mark.done[colour])) : Array.from({ length: colours }, () => []);
  }

  /** Where this merging stands now. */
  mark(): RectsMark {
    return { open: this.open.slice(), done: this.done.map((list) => list.length) };
  }

  /** A merging that stands where `rects` stood at `mark`, to go on adding to. */
  static at(rects: LaneRects, mark: RectsMark): LaneRects {
    return new LaneRects(rects.colours, rects.width, { rects, mark });
  }

  add(colour: number, lane: number, from: number, to: number): void {
    const a = Math.floor(Math.max(from, -2));
    const b = Math.ceil(Math.min(to, this.width + 2));
    if (b <= a) return;
    const k = (lane * this.colours + colour) * 2;
    const open = this.open;
    const pendingTo = open[k + 1];
    if (pendingTo !== undefined && a <= pendingTo && b >= open[k]!) {
      if (a < open[k]!) open[k] = a;
      if (b > pendingTo) open[k + 1] = b;
      return;
    }
    if (pendingTo !== undefined) this.done[colour]!.push(open[k]!, pendingTo, lane);
    open[k] = a;
    open[k + 1] = b;
  }

  /**
   * Paints every rectangle of a lane that has a place (`ys`, by lane): per colour, the finished ones
   * in the order they were finished, then the open ones by lane. Leaves the rectangles as they were.
   */
  paint(ctx: CanvasRenderingContext2D, fills: readonly string[], ys: readonly (number | undefined)[]): void {
    for (let n = 0; n < this.colours; n++) {
      // Colours 0 and 1 are waits, a thinner bar: they come last.
      const colour = (n + WAIT_COLOURS) % this.colours;
      const [dy, h] = colour < WAIT_COLOURS ? [5, LANE_HEIGHT - 10] : [2, LANE_HEIGHT - 4];
      let filled = false;
      const fill = (from: number, to: number, lane: number) => {
        const y = ys[lane];
        if (y === undefined) return;
        if (!filled) ctx.fillStyle = fills[colour]!;
        filled = true;
        ctx.fillRect(from, y + dy, to - from, h);
      };
      const list = this.done[colour]!;
      for (let i = 0; i < list.length; i += 3) fill(list[i]!, list[i + 1]!, list[i + 2]!);
      for (let k = colour * 2; k < this.open.length; k += this.colours * 2) {
        const to = this.open[k + 1];
        if (to !== undefined) fill(this.open[k]!, to, (k / 2 - colour) / this.colours);
      }
    }
  }
}
