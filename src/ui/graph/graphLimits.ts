import type { GraphModel } from '../../compiler/model.ts';

/**
 * The most nodes and edges the page lays out and draws. Dagre takes about 180 ms for a 150-node
 * chain on this project's machine and grows worse than linearly (1 s at 600 nodes), all of it on the
 * main thread, and React Flow keeps a DOM element per node and edge; the workflows people write and
 * the examples stay far below. A link can carry far more (a 28 KB link chains 1,500 steps), so the
 * page checks before laying anything out.
 */
export const MAX_DRAWN_NODES = 150;
export const MAX_DRAWN_EDGES = 400;

/** Why this graph is not drawn, or null when it is small enough. */
export function tooLargeToDraw(graph: GraphModel): string | null {
  const steps = graph.nodes.filter((n) => n.kind === 'step').length;
  const events = graph.nodes.length - steps;
  if (graph.nodes.length <= MAX_DRAWN_NODES && graph.edges.length <= MAX_DRAWN_EDGES) return null;
  return (
    `This workflow is too large to draw: ${steps.toLocaleString('en-US')} steps and ${events.toLocaleString('en-US')} event types ` +
    `(${graph.edges.length.toLocaleString('en-US')} edges); the graph shows up to ${MAX_DRAWN_NODES} nodes and ${MAX_DRAWN_EDGES} edges. ` +
    'It still runs, and its structure is below as text.'
  );
}
