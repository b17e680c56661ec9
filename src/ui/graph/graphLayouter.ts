import type { GraphModel } from '../../compiler/model.ts';
import { elkGraphOf, layoutFromElk, rankLayout, structureKey } from '../../inspect/index.ts';
import type { GraphLayout } from '../../inspect/index.ts';
import type { LayoutClient } from '../../worker/protocol.ts';

/** Layouts of recent structures are kept, so undoing an edit redraws at once. */
const KEEP = 24;

export interface GraphLayouter {
  /** The layout of this graph's structure if it is known already (shipped, or laid out before). */
  cached(graph: GraphModel): GraphLayout | null;
  /** Lays the graph out (off the main thread); a failed or abandoned layout falls back to columns. */
  layout(graph: GraphModel): Promise<GraphLayout>;
}

export function createGraphLayouter(client: LayoutClient | null, shipped: readonly GraphLayout[]): GraphLayouter {
  const cache = new Map<string, GraphLayout>(shipped.map((layout) => [layout.key, layout]));
  const remember = (layout: GraphLayout) => {
    cache.delete(layout.key);
    cache.set(layout.key, layout);
    while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
    return layout;
  };
  return {
    cached: (graph) => cache.get(structureKey(graph)) ?? null,
    async layout(graph) {
      const known = cache.get(structureKey(graph));
      if (known) return known;
      if (!client) return remember(rankLayout(graph));
      try {
        return remember(layoutFromElk(graph, await client.layout(elkGraphOf(graph))));
      } catch (error) {
        console.warn('Graph layout failed; drawing the graph in plain columns instead.', error);
        return rankLayout(graph);
      }
    },
  };
}
