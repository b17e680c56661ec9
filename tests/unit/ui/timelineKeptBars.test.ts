/**
 * The timeline keeps, per row, the merged rectangles of its ended bars (src/ui/timeline/endedBarRects.ts)
 * and which of its markers a drawing from a given one keeps (freshMarkers.ts): every drawing made with
 * them must be the drawing made from nothing, at every cursor, in any order of moves, zoomed or not,
 * with a selection or not, with the markers' layer (a second canvas) or without, and while the run grows.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { TimelineBuilder, timelineAt } from '../../../src/inspect/index.ts';
import type { TimeWindow } from '../../../src/inspect/index.ts';
import type { Selection } from '../../../src/state/index.ts';
import { drawMarkers, drawTimeline } from '../../../src/ui/timeline/drawTimeline.ts';
import { freshMarkers } from '../../../src/ui/timeline/freshMarkers.ts';
import { timelineGeometry } from '../../../src/ui/timeline/timelineGeometry.ts';
import { ASKS, THROWING, recordExample, recordMapReduce, recordSource } from '../inspect/fixtures.ts';
import { runSource } from '../runSource.ts';
import { browserBenchSource } from '../../../bench/browserWorkload.ts';

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
    get(_target, name) {
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

/** The calls of one drawing of `trace`'s timeline after `count` records. */
function drawing(builder: TimelineBuilder, trace: readonly TraceRecord[], count: number, selection: Selection | null, zoom: number): string[] {
  const time = count > 0 ? trace[count - 1]!.t + 0.5 : 0;
  const view = timelineAt(builder, { count, time });
  const geometry = timelineGeometry(view);
  const window: TimeWindow = { from: geometry.span * (1 - zoom) * 0.5, to: geometry.span * (1 - (1 - zoom) * 0.5) };
  const canvas = recordingCanvas();
  drawTimeline(canvas.ctx, view, geometry, 900, selection, window);
  return canvas.calls;
}

function built(records: readonly TraceRecord[]): TimelineBuilder {
  const builder = new TimelineBuilder();
  builder.extend(records);
  return builder;
}

/** A document whose canvases draw nothing: the markers' layer is drawn on one, then copied from. */
const layerDocument = {
  createElement: () => ({ width: 0, height: 0, getContext: () => new Proxy({}, { get: () => () => undefined, set: () => true }) }),
} as unknown as Document;

/** Runs `draw` with the markers' layer (a document to make its canvas) or without (none, as in Node). */
function withLayer<T>(layer: boolean, draw: () => T): T {
  if (layer) globalThis.document = layerDocument;
  try {
    return draw();
  } finally {
    delete (globalThis as { document?: Document }).document;
  }
}

// Colours come from the theme's custom properties; any distinct value per name will do here.
const realStyle = globalThis.getComputedStyle;
beforeAll(() => {
  globalThis.getComputedStyle = (() => ({ getPropertyValue: (name: string) => `ink${name}` })) as unknown as typeof getComputedStyle;
});
afterAll(() => {
  globalThis.getComputedStyle = realStyle;
});

describe("the timeline's ended bars, merged on from kept states", () => {
  // Hundreds of drawings of five runs, each written down call by call: minutes on a loaded machine.
  test('draw the same as from nothing at every cursor, scrubbed forward, backward and at random', async () => {
    const traces = [
      // 1,500 queued bars on 3 workers (the waiting lane comes and goes): more than one kept state apart.
      (await recordMapReduce(1500, 3)).trace,
      // Retries with a delay: a bar waits again on its worker's lane.
      (await recordSource(THROWING)).trace,
      (await recordExample('parallel.ts')).trace,
      // A step that ends waiting for an answer and runs again.
      (await runSource(ASKS, { answers: ['Ada'] })).trace,
      // The browser benchmarks' fan-out, on the tests' clock: every record at one moment, so the
      // markers drawn afresh at the cursor are thousands in one bucket.
      (await recordSource(browserBenchSource(2000))).trace,
    ];
    for (const trace of traces) {
      const builder = built(trace);
      const points = Math.min(20, trace.length + 1);
      const counts = Array.from({ length: points }, (_, i) => Math.round((i / (points - 1)) * trace.length));
      let seed = 7;
      const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      const moves = [...counts, ...counts.slice().reverse(), ...counts.map(() => counts[Math.floor(random() * counts.length)]!)];
      const rows = [...builder.rows.values()];
      const someBar = (rows.find((r) => r.bars.length > 40) ?? rows.find((r) => r.bars.length > 0))!;
      const someEvent = rows.flatMap((r) => r.markers).find((m) => m.kind === 'emitted' && m.event !== null)!.event!;
      const selections: (Selection | null)[] = [null, { kind: 'invocation', id: someBar.bars[Math.min(40, someBar.bars.length - 1)]!.invocation }, { kind: 'event', id: someEvent }];
      for (const layer of [false, true]) {
        for (const selection of selections) {
          for (const zoom of [1, 0.3]) {
            const fresh = new Map<number, string[]>();
            for (const count of moves) {
              const kept = withLayer(layer, () => drawing(builder, trace, count, selection, zoom));
              expect(kept.some((call) => call.startsWith('fillRect'))).toBe(true);
              // A builder of its own has nothing kept: its bars are merged and its markers read from nothing.
              if (!fresh.has(count)) fresh.set(count, withLayer(layer, () => drawing(built(trace), trace, count, selection, zoom)));
              expect(kept).toEqual(fresh.get(count));
            }
          }
        }
      }
    }
  }, 180_000);

  test('draw the same as from nothing while the run grows, its bars ending one after another', async () => {
    const { trace } = await recordMapReduce(1500, 3);
    const builder = new TimelineBuilder();
    for (let length = 0; ; length = Math.min(trace.length, length + 997)) {
      builder.extend(trace.slice(0, length));
      for (const layer of [false, true]) {
        const kept = withLayer(layer, () => drawing(builder, trace, length, null, 1));
        expect(kept).toEqual(withLayer(layer, () => drawing(built(trace.slice(0, length)), trace, length, null, 1)));
      }
      if (length === trace.length) break;
    }
  });

  test('markers read a few per kind, lane and type draw what the whole slice draws, in crowded pixels and sparse ones', async () => {
    // The fan-out's records all fall on one moment here (thousands of markers in a bucket); map-reduce spreads them.
    for (const trace of [(await recordSource(browserBenchSource(2000))).trace, (await recordMapReduce(1500, 3)).trace]) {
      const builder = built(trace);
      let seed = 11;
      const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      for (const row of builder.rows.values()) {
        const markers = row.markers;
        for (let n = 0; n < 40; n++) {
          const [a, b] = [Math.floor(random() * (markers.length + 1)), Math.floor(random() * (markers.length + 1))];
          const [first, last] = [Math.min(a, b), Math.max(a, b)];
          const span = Math.max(builder.end, 1) * (0.05 + random());
          const x = (time: number) => (time / span) * 892 + 4;
          // Lanes 0 and 2 shown, 1 not (its markers fall back to the first lane's), or only lane 1.
          const ys = n % 2 === 0 ? [20, undefined, 60] : [undefined, 40];
          const whole = recordingCanvas();
          const few = recordingCanvas();
          drawMarkers(whole.ctx, markers.slice(first, last), ys[0] ?? ys[1], ys as number[], x, null);
          drawMarkers(few.ctx, freshMarkers(markers, first, last, (m) => Math.round(x(m.time) / 3)), ys[0] ?? ys[1], ys as number[], x, null);
          expect(few.calls).toEqual(whole.calls);
        }
      }
    }
  });
});
