import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { TimelineBuilder, timelineAt } from '../../../src/inspect/index.ts';
import type { TimeWindow } from '../../../src/inspect/index.ts';
import type { Selection } from '../../../src/state/index.ts';
import { drawTimeline } from '../../../src/ui/timeline/drawTimeline.ts';
import { timelineGeometry } from '../../../src/ui/timeline/timelineGeometry.ts';
import { THROWING, recordMapReduce, recordSource } from '../inspect/fixtures.ts';

// The graph's index brings the whole page with it; the timeline needs only its event colours.
vi.mock('../../../src/ui/graph/index.ts', async () => ({ eventColor: (await import('../../../src/ui/graph/eventColors.ts')).eventColor }));

/**
 * A canvas that writes down every drawing call and style it is given: two drawings that make the
 * same calls in the same order are the same to the pixel.
 */
function recordingCanvas(): { ctx: CanvasRenderingContext2D; calls: string[] } {
  const calls: string[] = [];
  const canvas = { width: 1000, height: 400 } as HTMLCanvasElement;
  const ctx = new Proxy({ canvas } as unknown as CanvasRenderingContext2D, {
    get(target, name) {
      if (name === 'canvas') return canvas;
      if (name === 'getTransform') return () => ({});
      return (...args: unknown[]) => calls.push(`${String(name)}(${args.map(String).join(',')})`);
    },
    set(_target, name, value) {
      calls.push(`${String(name)}=${String(value)}`);
      return true;
    },
  });
  return { ctx, calls };
}

// Colours come from the theme's custom properties; any distinct value per name will do here.
const realStyle = globalThis.getComputedStyle;
beforeAll(() => {
  globalThis.getComputedStyle = (() => ({ getPropertyValue: (name: string) => `ink${name}` })) as unknown as typeof getComputedStyle;
});
afterAll(() => {
  globalThis.getComputedStyle = realStyle;
});

describe('the timeline\'s bars, merged on from kept states', () => {
  test('draw the same as from nothing at every cursor, scrubbed forward, backward and at random', async () => {
    // Thousands of queued bars on 3 workers; retries with a delay (a bar waits again on its worker's lane).
    for (const { trace } of [await recordMapReduce(3000, 3), await recordSource(THROWING)]) {
      const builder = new TimelineBuilder();
      builder.extend(trace);
      const counts = Array.from({ length: 60 }, (_, i) => Math.round((i / 59) * trace.length));
      let seed = 7;
      const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
      const moves = [...counts, ...counts.slice().reverse(), ...counts.map(() => counts[Math.floor(random() * counts.length)]!)];
      const kept = recordingCanvas();
      const firstBar = builder.rows.get('map')?.bars[40] ?? [...builder.rows.values()].find((r) => r.bars.length > 0)!.bars[0]!;
      const selections: (Selection | null)[] = [null, { kind: 'invocation', id: firstBar.invocation } as Selection];
      for (const selection of selections) {
        for (const zoom of [1, 0.3]) {
          for (const count of moves) {
            const time = count > 0 ? trace[count - 1]!.t + 0.5 : 0;
            const view = timelineAt(builder, { count, time });
            const geometry = timelineGeometry(view);
            const window: TimeWindow = { from: geometry.span * (1 - zoom) * 0.5, to: geometry.span * (1 - (1 - zoom) * 0.5) };
            const fresh = recordingCanvas();
            kept.calls.length = 0;
            drawTimeline(kept.ctx, view, geometry, 900, selection, window);
            drawTimeline(fresh.ctx, view, geometry, 900, selection, window);
            expect(kept.calls.length).toBeGreaterThan(0);
            expect(kept.calls).toEqual(fresh.calls);
          }
        }
      }
    }
  });

  test('draw the same as from nothing while the run grows, its bars ending one after another', async () => {
    const { trace } = await recordMapReduce(3000, 3);
    const builder = new TimelineBuilder();
    const kept = recordingCanvas();
    for (let length = 0; length <= trace.length; length = Math.min(trace.length, length + 997)) {
      builder.extend(trace.slice(0, length));
      const view = timelineAt(builder, { count: length, time: builder.end });
      const geometry = timelineGeometry(view);
      const window: TimeWindow = { from: 0, to: geometry.span };
      const fresh = recordingCanvas();
      kept.calls.length = 0;
      drawTimeline(kept.ctx, view, geometry, 900, null, window);
      drawTimeline(fresh.ctx, view, geometry, 900, null, window);
      expect(kept.calls).toEqual(fresh.calls);
      if (length === trace.length) break;
    }
  });
});
