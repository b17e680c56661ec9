import type { GraphModel } from '../compiler/model.ts';

/** Looks up the graph's node and edge ids for the names a trace uses (step names, event types). */
export interface GraphIndex {
  stepNode(step: string): string | undefined;
  eventNode(type: string): string | undefined;
  /** The edge a step's output of `type` travels on (step -> event node). No allocation: called per record. */
  producedEdge(step: string, type: string): string | undefined;
  /** The edge an event of `type` travels on to `step` (event node -> step). */
  consumedEdge(type: string, step: string): string | undefined;
}

/**
 * Indexes the nodes of one workflow. Node ids carry a `<Workflow>/` prefix only when the file defines
 * several workflows, so the index matches by the node's `workflow` field rather than by id shape.
 */
export function indexGraph(graph: GraphModel | null, workflow: string | null): GraphIndex {
  const steps = new Map<string, string>();
  const events = new Map<string, string>();
  const edges = new Map<string, string>();
  if (graph) {
    for (const node of graph.nodes) {
      if (workflow !== null && node.workflow !== workflow) continue;
      if (node.kind === 'step' && node.step) steps.set(node.step.name, node.id);
      else if (node.kind === 'event' && node.event) events.set(node.event.type, node.id);
    }
    for (const edge of graph.edges) edges.set(`${edge.source}\u0000${edge.target}`, edge.id);
  }
  const produced = new Map<string, Map<string, string>>();
  const consumed = new Map<string, Map<string, string>>();
  for (const [step, stepId] of steps) {
    for (const [type, eventId] of events) {
      const out = edges.get(`${stepId}\u0000${eventId}`);
      if (out !== undefined) nested(produced, step).set(type, out);
      const into = edges.get(`${eventId}\u0000${stepId}`);
      if (into !== undefined) nested(consumed, type).set(step, into);
    }
  }
  return {
    stepNode: (step) => steps.get(step),
    eventNode: (type) => events.get(type),
    producedEdge: (step, type) => produced.get(step)?.get(type),
    consumedEdge: (type, step) => consumed.get(type)?.get(step),
  };
}

function nested(map: Map<string, Map<string, string>>, key: string): Map<string, string> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}
