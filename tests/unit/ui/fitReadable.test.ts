import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it, test } from 'vitest';
import { drawnGraph, elkGraphOf, layoutFromElk } from '../../../src/inspect/index.ts';
import type { GraphLayout } from '../../../src/inspect/index.ts';
import { EXAMPLE_ENTRIES } from '../../../src/tutorial/examplesMenu.ts';
import { FIT_MARGIN, MAX_ZOOM, READABLE_ZOOM, barMargins, readableViewport, wholeViewport } from '../../../src/ui/graph/fitReadable.ts';
import type { Box, Margins } from '../../../src/ui/graph/fitReadable.ts';
import { sharedCompiler } from '../runSource.ts';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

const chain = (count: number, width = 150, gap = 60, height = 40): Box[] =>
  Array.from({ length: count }, (_, i) => ({ x: i * (width + gap), y: (i % 2) * 70, width, height }));

/** Rows of nodes, `rows` high and `columns` wide, as a branching graph's layers are. */
const grid = (rows: number, columns: number): Box[] =>
  Array.from({ length: rows * columns }, (_, i) => ({ x: (i % columns) * 200 + (i % 3) * 7, y: Math.floor(i / columns) * 106, width: 150 + (i % 3) * 9, height: 78 }));

const extentOf = (nodes: readonly Box[]): Box => {
  const minX = Math.min(...nodes.map((n) => n.x));
  const minY = Math.min(...nodes.map((n) => n.y));
  return { x: minX, y: minY, width: Math.max(...nodes.map((n) => n.x + n.width)) - minX, height: Math.max(...nodes.map((n) => n.y + n.height)) - minY };
};

type Place = 'shown' | 'beyond' | 'cut';

/**
 * Where each node lands on screen: whole inside the pane and below the bar on top ('shown'), whole
 * past the pane's edge ('beyond'), or anything else ('cut': across the edge, or under the bar).
 */
function seen(nodes: readonly Box[], pane: { width: number; height: number }, margin: Margins = FIT_MARGIN) {
  const view = readableViewport(nodes, extentOf(nodes), pane, margin);
  const places = nodes.map((n): Place => {
    const left = n.x * view.zoom + view.x;
    const top = n.y * view.zoom + view.y;
    const right = left + n.width * view.zoom;
    const bottom = top + n.height * view.zoom;
    if (left >= pane.width - 0.5 || top >= pane.height - 0.5 || right <= 0.5 || bottom <= 0.5) return 'beyond';
    const inside = left >= -0.5 && right <= pane.width + 0.5 && top >= margin.top - 0.5 && bottom <= pane.height + 0.5;
    return inside ? 'shown' : 'cut';
  });
  return { view, places };
}

describe('fitting a graph at a readable zoom', () => {
  it('a graph that fits is shown whole, centred in the room the overlays leave', () => {
    const { view, places } = seen(chain(3), { width: 1000, height: 500 });
    expect(places).toEqual(['shown', 'shown', 'shown']);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('a long graph starts at its first node, readable, and the pane ends between two nodes', () => {
    for (const width of [640, 795, 820, 900, 1000, 1100]) {
      const { view, places } = seen(chain(9), { width, height: 400 });
      expect(view.zoom, `${width}px`).toBeGreaterThanOrEqual(READABLE_ZOOM);
      expect(places, `${width}px`).not.toContain('cut');
      expect(places[0]).toBe('shown');
      expect(places.at(-1)).toBe('beyond');
    }
  });

  it('a graph taller than the pane ends between two rows at the bottom, and no node is under the bar on top', () => {
    for (const height of [220, 274, 300, 330, 360]) {
      const { view, places } = seen(grid(4, 3), { width: 794, height });
      expect(view.zoom, `${height}px`).toBeGreaterThanOrEqual(READABLE_ZOOM);
      expect(places, `${height}px`).not.toContain('cut');
      expect(places[0]).toBe('shown');
      expect(places.at(-1)).toBe('beyond');
    }
  });

  it('a graph too long and too tall is cut on neither side', () => {
    for (const [width, height] of [[882, 418], [1000, 500], [1200, 640]] as const) {
      const { view, places } = seen(grid(5, 8), { width, height });
      expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
      expect(places, `${width}x${height}`).not.toContain('cut');
      expect(places[0]).toBe('shown');
    }
  });

  it('a taller bar on top (the legend on two lines) moves the graph down with it', () => {
    const margin = { ...FIT_MARGIN, top: 80 };
    const { view, places } = seen(grid(3, 3), { width: 700, height: 300 }, margin);
    expect(places).not.toContain('cut');
    expect(grid(3, 3)[0]!.y * view.zoom + view.y).toBeGreaterThanOrEqual(80 - 0.5);
  });

  it('never shrinks below the readable zoom to make a long graph fit', () => {
    const { view } = seen(chain(30), { width: 800, height: 400 });
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  const rect = (x: number, y: number, width: number, height: number) => ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height }) as DOMRect;
  it('the bar margins are what its items cover below the pane top, with some air', () => {
    const pane = rect(0, 100, 800, 300);
    expect(barMargins(pane, [rect(10, 108, 500, 22), rect(700, 108, 90, 30)]).top).toBe(46);
    expect(barMargins(pane, [])).toEqual(FIT_MARGIN);
  });
});

/** What the page sees of a graph laid out as it lays it out: ELK's layout of the drawn graph. */
async function laidOut(source: string): Promise<{ nodes: Box[]; extent: Box }> {
  const graph = drawnGraph(sharedCompiler().compile(source).graph!);
  const layout: GraphLayout = layoutFromElk(graph, await new ELK().layout(elkGraphOf(graph)));
  const nodes = Object.values(layout.nodes);
  const points = Object.values(layout.edges).flat();
  const minX = Math.min(...nodes.map((n) => n.x), ...points.map((p) => p.x));
  const minY = Math.min(...nodes.map((n) => n.y), ...points.map((p) => p.y));
  const maxX = Math.max(...nodes.map((n) => n.x + n.width), ...points.map((p) => p.x));
  const maxY = Math.max(...nodes.map((n) => n.y + n.height), ...points.map((p) => p.y));
  return { nodes, extent: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}

/** The graph panes of the page at 1280x800 (before and after a run) and at 900x700, as measured. */
const PANES = [
  { width: 794, height: 330 },
  { width: 794, height: 274 },
  { width: 882, height: 418 },
];

describe('the first look at every menu example', () => {
  test.each(EXAMPLE_ENTRIES.map((entry) => [entry.id, entry.path]))('%s: readable, and no node cut in any pane', async (_id, path) => {
    const { nodes, extent } = await laidOut(readFileSync(`${SRC}${path}`, 'utf8'));
    for (const pane of PANES) {
      const view = readableViewport(nodes, extent, pane);
      expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
      const { places } = seen(nodes, pane);
      expect(places, `${pane.width}x${pane.height}`).not.toContain('cut');
      expect(places.filter((p) => p === 'shown').length).toBeGreaterThan(1);
    }
  }, 30_000);
});

const CHAIN = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from 'flowplay';
class FirstEvent extends Event<{ n: number }> {}
class SecondEvent extends Event<{ n: number }> {}
class Chain extends Workflow {
  @step() async one(ctx: Context, ev: StartEvent): Promise<FirstEvent> { return new FirstEvent({ n: 1 }); }
  @step() async two(ctx: Context, ev: FirstEvent): Promise<SecondEvent> { return new SecondEvent({ n: 2 }); }
  @step() async three(ctx: Context, ev: SecondEvent): Promise<StopEvent> { return new StopEvent({ result: 3 }); }
}
const w = new Chain({ timeout: 10 });
`;

describe('a chain of steps', () => {
  it('shown whole when it can be read whole: two steps, StartEvent to StopEvent, in the 1280x800 pane', async () => {
    const twoSteps = CHAIN.replace(/ {2}@step\(\) async three[^\n]*\n/, '').replace('Promise<SecondEvent> { return new SecondEvent({ n: 2 })', 'Promise<StopEvent> { return new StopEvent({ result: 2 })');
    const { nodes, extent } = await laidOut(twoSteps);
    expect(nodes).toHaveLength(5);
    const { view, places } = seen(nodes, PANES[0]!);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(places).toEqual(nodes.map(() => 'shown'));
    expect(extent.width).toBeGreaterThan(0);
  }, 30_000);

  it('too long to read whole: starts at StartEvent and ends the pane between two nodes', async () => {
    const { nodes } = await laidOut(CHAIN);
    expect(nodes).toHaveLength(7);
    const { view, places } = seen(nodes, PANES[0]!);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(places).not.toContain('cut');
    const start = nodes.findIndex((n) => n.x === Math.min(...nodes.map((m) => m.x)));
    expect(places[start]).toBe('shown');
    expect(places).toContain('beyond');
  }, 30_000);
});

describe('when no zoom up to MAX_ZOOM ends the pane between nodes', () => {
  /** Nodes cut by the pane's far sides (right, bottom), and any cut elsewhere (never allowed). */
  function cuts(nodes: readonly Box[], pane: { width: number; height: number }) {
    const { view, places } = seen(nodes, pane);
    const far: number[] = [];
    const near: number[] = [];
    places.forEach((place, i) => {
      if (place !== 'cut') return;
      const n = nodes[i]!;
      const left = n.x * view.zoom + view.x;
      const top = n.y * view.zoom + view.y;
      const byFarSide = left + n.width * view.zoom > pane.width + 0.5 || top + n.height * view.zoom > pane.height + 0.5;
      const byNearSide = left < -0.5 || top < FIT_MARGIN.top - 0.5;
      (byFarSide && !byNearSide ? far : near).push(i);
    });
    return { view, places, far, near };
  }

  it('a node longer than the pane is cut by the far side, at no more than MAX_ZOOM', () => {
    const nodes: Box[] = [{ x: 0, y: 0, width: 150, height: 40 }, { x: 210, y: 0, width: 700, height: 40 }, { x: 970, y: 0, width: 150, height: 40 }];
    const { view, places, far, near } = cuts(nodes, { width: 600, height: 300 });
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.zoom).toBeLessThanOrEqual(MAX_ZOOM);
    expect(places[0]).toBe('shown');
    expect(far).toEqual([1]);
    expect(near).toEqual([]);
  });

  test.each([
    ['examples/concurrency/collect-different-types.ts', { width: 500, height: 330 }],
    ['examples/realistic/retrieval.ts', { width: 500, height: 330 }],
  ])('%s in a %o pane: zoomed no further than MAX_ZOOM (it went to 1.42 to keep every node whole), cut only by the far side', async (path, pane) => {
    const { nodes, extent } = await laidOut(readFileSync(`${SRC}${path}`, 'utf8'));
    const view = readableViewport(nodes, extent, pane);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.zoom).toBeLessThanOrEqual(MAX_ZOOM);
    const { places, near } = cuts(nodes, pane);
    expect(near).toEqual([]);
    expect(places.filter((p) => p === 'shown').length).toBeGreaterThan(1);
  }, 30_000);
});

describe('the whole graph (the fit button pressed a second time)', () => {
  it('shows every node below the bar, at whatever zoom that takes, centred where it is smaller than the room', () => {
    const pane = { width: 800, height: 400 };
    const nodes = chain(30);
    const view = wholeViewport(extentOf(nodes), pane);
    expect(view.zoom).toBeLessThan(READABLE_ZOOM);
    const { places } = (() => {
      const placesOf = nodes.map((n) => {
        const left = n.x * view.zoom + view.x;
        const top = n.y * view.zoom + view.y;
        return left >= FIT_MARGIN.left - 0.5 && left + n.width * view.zoom <= pane.width - FIT_MARGIN.right + 0.5 && top >= FIT_MARGIN.top - 0.5 && top + n.height * view.zoom <= pane.height + 0.5;
      });
      return { places: placesOf };
    })();
    expect(places.every(Boolean)).toBe(true);
  });

  it('is never larger than MAX_ZOOM, for a graph smaller than the pane', () => {
    expect(wholeViewport(extentOf(chain(2)), { width: 1600, height: 900 }).zoom).toBe(MAX_ZOOM);
  });
});
