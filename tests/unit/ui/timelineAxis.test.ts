import { describe, expect, test, vi } from 'vitest';
import { drawAxis } from '../../../src/ui/timeline/drawTimeline.ts';

// The graph's index pulls in the whole page; the axis needs only the colours.
vi.mock('../../../src/ui/graph/index.ts', async () => ({ eventColor: (await import('../../../src/ui/graph/eventColors.ts')).eventColor }));

/** The labels the axis writes for a window (workflow ms) drawn `width` px wide. */
function labels(from: number, to: number, width: number): string[] {
  const out: string[] = [];
  const ctx = { font: '', fillStyle: '', textBaseline: '', fillRect: () => {}, fillText: (text: string) => out.push(text) };
  drawAxis(ctx as unknown as CanvasRenderingContext2D, { from, to }, width, (t) => ((t - from) / (to - from)) * width);
  return out;
}

describe('the timeline axis', () => {
  test('a window of a few seconds: ticks on a 1-2-5 step, as many decimals as the step needs', () => {
    expect(labels(0, 4000, 400)).toEqual(['0s', '1s', '2s', '3s', '4s']);
    expect(labels(0, 1000, 500)).toEqual(['0.0s', '0.2s', '0.4s', '0.6s', '0.8s', '1.0s']);
  });

  test('the narrowest window, a millisecond: every label differs (three decimals repeated "0.000s")', () => {
    const shown = labels(0, 1, 500);
    expect(shown).toEqual(['0.0000s', '0.0002s', '0.0004s', '0.0006s', '0.0008s', '0.0010s']);
    expect(new Set(shown).size).toBe(shown.length);
  });

  test('a window of no width draws one label and ends', () => {
    expect(labels(5, 5, 500)).toEqual(['0.005000s']);
  });
});
