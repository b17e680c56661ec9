import type { EventInfo, GraphEdge, GraphModel, GraphNode, WorkflowInfo } from './model.ts';
import { builtinEventInfo } from './builtins.ts';

/**
 * The bipartite graph `draw_all_possible_flows` draws: step -> event for what a step returns (or
 * sends), event -> step for what it accepts. One edge per pair: a type that is returned is a `returns`
 * edge, a type the step also sends is a `sends` edge, and a type that is only sent (not in the return
 * annotation) is a dashed `sends` edge.
 */
export function buildGraph(workflows: WorkflowInfo[], events: Map<string, EventInfo>): GraphModel {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const prefixed = workflows.length > 1;
  for (const workflow of workflows) {
    const prefix = prefixed ? `${workflow.name}/` : '';
    const stepId = (name: string) => `${prefix}step:${name}`;
    const eventId = (type: string) => `${prefix}event:${type}`;
    const eventNodes = new Map<string, GraphNode>();
    const edgeIds = new Set<string>();
    const addEvent = (type: string): string => {
      const id = eventId(type);
      if (!eventNodes.has(id)) {
        const info = events.get(type) ?? builtinEventInfo(type);
        eventNodes.set(id, {
          id,
          kind: 'event',
          label: type,
          workflow: workflow.name,
          event: { type, role: info.role, range: info.range },
        });
      }
      return id;
    };
    const addEdge = (source: string, target: string, kind: GraphEdge['kind'], dashed: boolean) => {
      const id = `${source}->${target}`;
      if (edgeIds.has(id)) return;
      edgeIds.add(id);
      edges.push({ id, source, target, kind, dashed });
    };

    for (const step of workflow.steps) {
      nodes.push({
        id: stepId(step.name),
        kind: 'step',
        label: step.name,
        workflow: workflow.name,
        step: {
          name: step.name,
          numWorkers: step.numWorkers,
          gather: step.gather,
          fanOut: step.fanOut,
          collects: step.collects.map((site) =>
            site.types.map(({ type, count }) => `${count ?? '?'} x ${type}`).join(', '),
          ),
          skipGraphChecks: step.skipGraphChecks,
          children: step.children,
          range: step.range,
          nameRange: step.nameRange,
        },
      });
    }
    for (const step of workflow.steps) {
      for (const type of step.accepts) addEdge(addEvent(type), stepId(step.name), 'accepts', false);
    }
    for (const step of workflow.steps) {
      const sent = new Set(step.sends.map((s) => s.type));
      for (const type of step.returns) {
        addEdge(stepId(step.name), addEvent(type), sent.has(type) ? 'sends' : 'returns', false);
      }
      for (const type of sent) {
        if (!step.returns.includes(type)) addEdge(stepId(step.name), addEvent(type), 'sends', true);
      }
    }
    nodes.push(...eventNodes.values());
    for (const [failing, handler] of catchEdges(workflow)) {
      const id = `${stepId(failing)}->${stepId(handler)}`;
      if (edgeIds.has(id)) continue;
      edgeIds.add(id);
      edges.push({ id, source: stepId(failing), target: stepId(handler), kind: 'catches', dashed: true, label: 'on failure' });
    }
    // Resources feed the steps that take them (and the factories that ask for them), as the
    // library's representation links them; their edges are dashed: values, not events.
    const resourceId = (name: string) => `${prefix}resource:${name}`;
    for (const resource of workflow.resources ?? []) {
      nodes.push({ id: resourceId(resource.name), kind: 'resource', label: resource.name, workflow: workflow.name, resource: { name: resource.name, range: resource.range } });
    }
    for (const resource of workflow.resources ?? []) {
      for (const dep of resource.dependsOn) addEdge(resourceId(dep), resourceId(resource.name), 'depends', true);
    }
    for (const step of workflow.steps) {
      for (const use of step.resources ?? []) {
        const id = `${resourceId(use.factory)}->${stepId(step.name)}`;
        if (edgeIds.has(id)) continue;
        edgeIds.add(id);
        edges.push({ id, source: resourceId(use.factory), target: stepId(step.name), kind: 'uses', dashed: true, label: use.param });
      }
    }
  }
  return { nodes, edges };
}

/**
 * Which `@catchError` step each step's final failure goes to, as the engine routes it: the handler
 * that names the step, else the wildcard (the first, when a file wrongly has two). Handlers are not
 * covered, and a step two handlers claim goes to the first (validation reports the rest).
 */
export function catchEdges(workflow: WorkflowInfo): [string, string][] {
  const handlers = workflow.steps.filter((s) => s.catchError);
  if (!handlers.length) return [];
  const names = new Set(workflow.steps.map((s) => s.name));
  const handlerNames = new Set(handlers.map((h) => h.name));
  const owner = new Map<string, string>();
  for (const handler of handlers) {
    for (const target of handler.catchError!.forSteps ?? []) {
      if (names.has(target) && !handlerNames.has(target) && !owner.has(target)) owner.set(target, handler.name);
    }
  }
  const wildcard = handlers.find((h) => h.catchError!.forSteps === null);
  return workflow.steps.flatMap((s): [string, string][] => {
    const handler = owner.get(s.name) ?? (wildcard && !handlerNames.has(s.name) ? wildcard.name : undefined);
    return handler ? [[s.name, handler]] : [];
  });
}
