import type { GraphEdge, GraphModel, GraphNode } from '../compiler/model.ts';

/** The library's name for the node that stands for whoever answers a human-in-the-loop question. */
export const EXTERNAL_STEP = 'external_step';

/**
 * The graph as it is drawn, on the page and in the exports: the compiler's model plus what the
 * library's drawing adds to it (`draw_all_possible_flows_mermaid`, as `toMermaid` writes it).
 * - An `external_step` node per workflow that asks a person: every InputRequiredEvent (or subclass)
 *   its steps return goes to it, and it answers with every HumanResponseEvent its steps accept.
 * - For a step that starts another workflow of the file, a `calls: Child` connector from the step to
 *   the child's StartEvent and a `returns: Child` connector from the child's StopEvent back to it.
 * Node and edge ids of the model are kept, so run state and layouts keyed by them still apply.
 *
 * @example
 * const drawn = drawnGraph(analysis.graph); // lay out and draw this one
 */
export function drawnGraph(graph: GraphModel): GraphModel {
  const nodes: GraphNode[] = [...graph.nodes];
  const edges: GraphEdge[] = [...graph.edges];
  const ids = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(edges.map((e) => e.id));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const addNode = (node: GraphNode) => {
    if (ids.has(node.id)) return;
    ids.add(node.id);
    nodes.push(node);
  };
  const addEdge = (source: string, target: string, kind: GraphEdge['kind']) => {
    const id = `${source}->${target}`;
    if (edgeIds.has(id)) return;
    edgeIds.add(id);
    edges.push({ id, source, target, kind, dashed: false });
  };
  const workflows = [...new Set(graph.nodes.map((n) => n.workflow))];
  const prefixOf = (workflow: string) => {
    const start = graph.nodes.find((n) => n.workflow === workflow);
    const at = start ? start.id.lastIndexOf(`${start.kind}:`) : 0;
    return start ? start.id.slice(0, at) : '';
  };

  for (const workflow of workflows) {
    const asked = new Set<string>();
    const answered = new Set<string>();
    for (const edge of graph.edges) {
      const source = byId.get(edge.source);
      const target = byId.get(edge.target);
      if (source?.workflow !== workflow) continue;
      if (source.kind === 'step' && target?.event?.role === 'input-required') asked.add(target.id);
      if (source.event?.role === 'human-response' && target?.kind === 'step') answered.add(source.id);
    }
    if (asked.size === 0) continue;
    const external = `${prefixOf(workflow)}${EXTERNAL_STEP}`;
    addNode({ id: external, kind: 'external', label: EXTERNAL_STEP, workflow });
    for (const question of asked) addEdge(question, external, 'external');
    for (const answer of answered) addEdge(external, answer, 'external');
  }

  for (const step of graph.nodes) {
    for (const child of step.step?.children ?? []) {
      if (child === step.workflow || !workflows.includes(child)) continue;
      const mine = graph.nodes.filter((n) => n.workflow === child && n.event);
      const start = mine.find((n) => n.event!.role === 'start');
      const stop = mine.find((n) => n.event!.role === 'stop');
      for (const [direction, event] of [['calls', start], ['returns', stop]] as const) {
        if (!event) continue;
        const id = `${step.id}>${direction}:${child}`;
        addNode({ id, kind: 'child', label: `${direction}: ${child}`, workflow: step.workflow, child: { workflow: child, step: step.step!.name, direction } });
        if (direction === 'calls') {
          addEdge(step.id, id, 'child');
          addEdge(id, event.id, 'child');
        } else {
          addEdge(event.id, id, 'child');
          addEdge(id, step.id, 'child');
        }
      }
    }
  }
  return nodes.length === graph.nodes.length ? graph : { nodes, edges };
}
