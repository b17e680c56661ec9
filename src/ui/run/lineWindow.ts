/**
 * Which of a long list of wrapped text lines to draw: only those in or near the viewport, with spacers
 * standing in for the rest, so a console of 100,000 lines costs what one of a few dozen does.
 *
 * Heights are estimated from the text (its own line breaks, and wrapping at the width's characters per
 * row); the rows drawn take their real heights, so an estimate that is off only moves the scrollbar a
 * little, never makes rows overlap.
 */
export interface LineWindow {
  /** First and one-past-last line to draw. */
  from: number;
  to: number;
  /** Heights of the spacers above and below the lines drawn (px). */
  before: number;
  after: number;
}

/**
 * The most of one line the console draws. A line may hold up to 100,000 characters (the page's cut);
 * drawn whole, its real height strays far from any estimate and the list scrolls past what it drew.
 */
export const MAX_DRAWN_CHARS = 4_000;

/** A line's text as drawn: cut at `MAX_DRAWN_CHARS`, saying how much more there is. */
export function drawnText(text: string): string {
  if (text.length <= MAX_DRAWN_CHARS) return text;
  return `${text.slice(0, MAX_DRAWN_CHARS)}… (${(text.length - MAX_DRAWN_CHARS).toLocaleString('en')} more characters not drawn)`;
}

export class LineHeights {
  private readonly rowHeight: number;
  private readonly padding: number;
  private charsPerRow = 0;
  private texts: readonly { text: string }[] = [];
  /** offsets[i]: estimated top of line i; offsets[count]: the total. */
  private offsets = new Float64Array(1);
  /** Lines counted now; `estimated`: lines whose offsets are known (at least `count`). */
  private count = 0;
  private estimated = 0;

  /** `rowHeight`: one row of text (px); `padding`: what a line adds around its rows (px). */
  constructor(rowHeight: number, padding = 0) {
    this.rowHeight = rowHeight;
    this.padding = padding;
  }

  /**
   * Estimates the first `count` lines of `lines` (an append-only list: a line already estimated is not
   * looked at again unless the list or the width changes).
   */
  update(lines: readonly { text: string }[], count: number, charsPerRow: number): void {
    const chars = Math.max(8, Math.floor(charsPerRow));
    if (lines !== this.texts || chars !== this.charsPerRow) {
      this.texts = lines;
      this.charsPerRow = chars;
      this.count = 0;
      this.estimated = 0;
    }
    // Fewer lines of the same list (the scrubber moved back): the estimates of the first `count` still
    // hold, and `estimated` remembers how far they were made, so moving forward again reuses them.
    if (count <= this.estimated) {
      this.count = count;
      return;
    }
    this.count = this.estimated;
    if (this.offsets.length < count + 1) {
      const grown = new Float64Array(Math.max(count + 1, this.offsets.length * 2));
      grown.set(this.offsets.subarray(0, this.count + 1));
      this.offsets = grown;
    }
    for (let i = this.count; i < count; i++) this.offsets[i + 1] = this.offsets[i]! + this.estimate(lines[i]!.text);
    this.count = count;
    this.estimated = count;
  }

  get total(): number {
    return this.offsets[this.count]!;
  }

  /**
   * The lines that meet [top - overscan, top + height + overscan]. A `top` past the estimated end (the
   * rows drawn came out taller than estimated, and the list was scrolled to its real bottom) is read as
   * the bottom: the last screenful is drawn, never an empty window over a spacer.
   */
  window(top: number, height: number, overscan: number): LineWindow {
    const n = this.count;
    top = Math.min(top, Math.max(0, this.total - height));
    const from = Math.max(0, this.lineAt(top - overscan));
    const to = Math.min(n, this.lineAt(top + height + overscan) + 1);
    return { from, to, before: this.offsets[from]!, after: this.total - this.offsets[to]! };
  }

  /** The line whose estimated span holds `y` (clamped to the list). */
  private lineAt(y: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid + 1]! <= y) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, this.count - 1));
  }

  private estimate(whole: string): number {
    const text = whole.length > MAX_DRAWN_CHARS ? drawnText(whole) : whole;
    let rows = 0;
    let start = 0;
    // Each of the text's own lines wraps on its own; no split, so no array per line.
    for (;;) {
      const end = text.indexOf('\n', start);
      const length = (end < 0 ? text.length : end) - start;
      rows += Math.max(1, Math.ceil(length / this.charsPerRow));
      if (end < 0 || rows > 10_000) break;
      start = end + 1;
    }
    return rows * this.rowHeight + this.padding;
  }
}
