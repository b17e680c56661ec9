import { describe, expect, it } from 'vitest';
import { FIT_MARGIN, READABLE_ZOOM, readableViewport } from '../../../src/ui/graph/fitReadable.ts';
import type { Box } from '../../../src/ui/graph/fitReadable.ts';

const chain = (count: number, width = 150, gap = 60, height = 40): Box[] =>
  Array.from({ length: count }, (_, i) => ({ x: i * (width + gap), y: (i % 2) * 70, width, height }));

const extentOf = (nodes: Box[]): Box => {
  const minX = Math.min(...nodes.map((n) => n.x));
  const minY = Math.min(...nodes.map((n) => n.y));
  return { x: minX, y: minY, width: Math.max(...nodes.map((n) => n.x + n.width)) - minX, height: Math.max(...nodes.map((n) => n.y + n.height)) - minY };
};

/** Where each node lands on screen: whole inside the room, whole past the pane's edge, or cut. */
function seen(nodes: Box[], pane: { width: number; height: number }) {
  const view = readableViewport(nodes, extentOf(nodes), pane);
  const places = nodes.map((n) => {
    const left = n.x * view.zoom + view.x;
    const right = left + n.width * view.zoom;
    if (left >= FIT_MARGIN.left - 0.5 && right <= pane.width - FIT_MARGIN.right + 0.5) return 'shown';
    // Clear of the pane's edge, though partly beside the zoom controls.
    if (left >= FIT_MARGIN.left - 0.5 && right <= pane.width - 7.5) return 'shown';
    if (left >= pane.width) return 'beyond';
    return 'cut';
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

  it('never shrinks below the readable zoom to make a long graph fit', () => {
    const { view } = seen(chain(30), { width: 800, height: 400 });
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });
});
