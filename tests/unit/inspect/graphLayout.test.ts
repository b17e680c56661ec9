import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, test } from 'vitest';
import type { GraphModel } from '../../../src/compiler/index.ts';
import { drawnGraph, edgeRoute, elkGraphOf, layoutFromElk, rankLayout } from '../../../src/inspect/index.ts';
import type { GraphLayout, Point } from '../../../src/inspect/index.ts';
import { sharedCompiler } from '../runSource.ts';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });

/** Edges (as drawn by `edgeRoute` from the layout) that pass through a node's box, sampled every 2 px. */
function crossings(graph: GraphModel, layout: GraphLayout): string[] {
  const found = new Set<string>();
  for (const edge of graph.edges) {
    const s = layout.nodes[edge.source]!;
    const t = layout.nodes[edge.target]!;
    const curve = edgeRoute(layout.edges[edge.id], { x: s.x + s.width, y: s.y + s.height / 2 }, { x: t.x, y: t.y + t.height / 2 }, Math.max(s.y + s.height, t.y + t.height));
    for (let i = 0; i <= 400; i++) {
      const p: Point = curve.at(i / 400);
      for (const [id, b] of Object.entries(layout.nodes)) {
        if (p.x > b.x + 1 && p.x < b.x + b.width - 1 && p.y > b.y + 1 && p.y < b.y + b.height - 1) found.add(`${edge.id} crosses ${id}`);
      }
    }
  }
  return [...found];
}

describe('graph layout', () => {
  const elk = new ELK();
  const sources = [...files(join(SRC, 'examples')), ...files(join(SRC, 'tutorial/examples'))];

  test.each(sources.map((path) => [relative(SRC, path), path]))('%s: every edge routed, from the right side to the left, around the nodes', async (_name, path) => {
    // The graph as the page draws it, with external_step where a person answers.
    const graph = drawnGraph(sharedCompiler().compile(readFileSync(path, 'utf8')).graph!);
    const layout = layoutFromElk(graph, await elk.layout(elkGraphOf(graph)));
    expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    for (const edge of graph.edges) {
      const route = layout.edges[edge.id]!;
      const s = layout.nodes[edge.source]!;
      const t = layout.nodes[edge.target]!;
      expect(route[0], edge.id).toEqual({ x: s.x + s.width, y: s.y + s.height / 2 });
      expect(route.at(-1), edge.id).toEqual({ x: t.x, y: t.y + t.height / 2 });
    }
    expect(crossings(graph, layout)).toEqual([]);
    // The first one also warms up the compiler and ELK, which takes seconds on a busy machine.
  }, 30_000);

  test('a back edge (review -> DraftEvent) loops around and arrives at its target from the left', async () => {
    const graph = sharedCompiler().compile(readFileSync(join(SRC, 'tutorial/examples/branches-and-loops/revise.ts'), 'utf8')).graph!;
    const layout = layoutFromElk(graph, await elk.layout(elkGraphOf(graph)));
    const back = graph.edges.find((e) => e.source === 'step:review' && e.target === 'event:DraftEvent')!;
    const s = layout.nodes[back.source]!;
    const t = layout.nodes[back.target]!;
    expect(t.x).toBeLessThan(s.x);
    const curve = edgeRoute(layout.edges[back.id], { x: s.x + s.width, y: s.y + s.height / 2 }, { x: t.x, y: t.y + t.height / 2 });
    expect(curve.direction).toEqual({ x: 1, y: 0 });
    expect(curve.points.length).toBeGreaterThan(4);
  });

  test('a dragged node gets a detour: a back edge goes out right, under both nodes, and in from the left', () => {
    const curve = edgeRoute([{ x: 0, y: 0 }, { x: 10, y: 0 }], { x: 300, y: 100 }, { x: 100, y: 40 }, 140);
    expect(curve.points[0]).toEqual({ x: 300, y: 100 });
    expect(Math.max(...curve.points.map((p) => p.y))).toBeGreaterThan(140);
    expect(curve.end).toEqual({ x: 100, y: 40 });
    expect(curve.direction).toEqual({ x: 1, y: 0 });
    expect(curve.at(0)).toEqual({ x: 300, y: 100 });
    expect(curve.at(1)).toEqual({ x: 100, y: 40 });
  });

  test('the column fallback places every node, left to right from StartEvent', () => {
    const graph = sharedCompiler().compile(readFileSync(join(SRC, 'examples/realistic/agent-loop.ts'), 'utf8')).graph!;
    const layout = rankLayout(graph);
    expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(layout.nodes['event:StartEvent']!.x).toBeLessThan(layout.nodes['step:start']!.x);
    const boxes = Object.values(layout.nodes);
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
  });
});
