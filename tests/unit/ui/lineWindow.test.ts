import { describe, expect, test } from 'vitest';
import { LineHeights, MAX_DRAWN_CHARS, drawnText } from '../../../src/ui/run/lineWindow.ts';

const text = (t: string) => ({ text: t });

describe('the console lines drawn for a scroll position', () => {
  const many = Array.from({ length: 100_000 }, (_, i) => text(`line ${i}`));

  test('of 100,000 one-row lines, a 200 px viewport draws only the lines in and near it', () => {
    const heights = new LineHeights(20);
    heights.update(many, many.length, 80);
    expect(heights.total).toBe(2_000_000);
    const w = heights.window(1_000_000, 200, 100);
    expect(w.from).toBe(49_995);
    expect(w.to).toBe(50_016);
    // The spacers and the lines drawn add up to the whole list, so the scrollbar is true.
    expect(w.before + (w.to - w.from) * 20 + w.after).toBe(2_000_000);
  });

  test('the top and the bottom of the list clamp to its ends', () => {
    const heights = new LineHeights(20);
    heights.update(many, 10, 80);
    expect(heights.window(0, 100, 0)).toEqual({ from: 0, to: 6, before: 0, after: 80 });
    // Past the estimated end (rows drawn taller than estimated, scrolled to the real bottom): the last
    // screenful, never a window holding one line that may lie above the view.
    expect(heights.window(5_000, 100, 0)).toEqual({ from: 5, to: 10, before: 100, after: 0 });
  });

  test('a long line counts the rows it wraps to, and its own line breaks', () => {
    const heights = new LineHeights(10, 2);
    heights.update([text('x'.repeat(95)), text('a\nb\n\nc'), text('')], 3, 40);
    expect(heights.total).toBe(3 * 10 + 2 + 4 * 10 + 2 + 10 + 2);
  });

  test('more lines arriving extend the estimate; a narrower list estimates again', () => {
    const lines = [text('y'.repeat(50))];
    const heights = new LineHeights(10);
    heights.update(lines, 1, 100);
    expect(heights.total).toBe(10);
    lines.push(text('z'));
    heights.update(lines, 2, 100);
    expect(heights.total).toBe(20);
    heights.update(lines, 2, 25);
    expect(heights.total).toBe(30);
    // A view moved back shows fewer lines of the same list.
    heights.update(lines, 1, 25);
    expect(heights.total).toBe(20);
  });

  test('a move back and forth over the same list reads no line again', () => {
    const read: number[] = [];
    const lines = Array.from({ length: 1_000 }, (_, i) => ({
      get text() {
        read.push(i);
        return i % 10 === 0 ? 'w'.repeat(250) : 'short';
      },
    }));
    const heights = new LineHeights(10);
    heights.update(lines, 1_000, 100);
    const total = heights.total;
    read.length = 0;
    heights.update(lines, 10, 100);
    expect(heights.total).toBe(3 * 10 + 9 * 10);
    heights.update(lines, 1_000, 100);
    expect(heights.total).toBe(total);
    expect(read).toEqual([]);
  });

  test('an empty list draws nothing', () => {
    const heights = new LineHeights(10);
    heights.update([], 0, 80);
    expect(heights.window(0, 500, 100)).toEqual({ from: 0, to: 0, before: 0, after: 0 });
  });
});

describe('a console line as drawn', () => {
  test('a line longer than the console draws is cut, saying how much is left out; a shorter one is whole', () => {
    expect(drawnText('short')).toBe('short');
    const drawn = drawnText('x'.repeat(MAX_DRAWN_CHARS + 1_234));
    expect(drawn.startsWith('x'.repeat(MAX_DRAWN_CHARS))).toBe(true);
    expect(drawn).toMatch(/… \(1,234 more characters not drawn\)$/);
  });
});
