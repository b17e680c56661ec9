import { graphProblems } from '../engine/validate.ts';
import type { CheckedStep, EventTypes } from '../engine/validate.ts';
import type { GraphCheck, GraphProblem } from '../engine/validationMessages.ts';
import type { Diagnostic, GraphModel, GraphNode, SourceRange, WorkflowInfo } from './model.ts';

type StepNode = GraphNode & { step: NonNullable<GraphNode['step']> };

/** The graph checks' view of one workflow of the graph model: steps, and events keyed by node id. */
export interface GraphCheckInput {
  steps: CheckedStep<string>[];
  types: EventTypes<string>;
}

/**
 * Reads one workflow of the graph model as the engine's graph checks take it, so every front end that
 * builds the model (TypeScript, Python) gets the same checks as a run. Only declared flow counts, as in
 * the library: an event sent without being declared (a dashed edge) is a warning of its own.
 */
export function graphCheckInput(graph: GraphModel, workflow: string): GraphCheckInput {
  const nodes = new Map(graph.nodes.filter((n) => n.workflow === workflow).map((n) => [n.id, n]));
  const stepNodes = [...nodes.values()].filter((n): n is StepNode => !!n.step);
  const steps = stepNodes.map((node) => ({
    name: node.step.name,
    accepts: [] as string[],
    returns: [] as string[],
    skipGraphChecks: (node.step.skipGraphChecks ?? []) as GraphCheck[],
  }));
  const byId = new Map(stepNodes.map((node, i) => [node.id, steps[i]!]));
  for (const edge of graph.edges) {
    if (edge.dashed) continue;
    const into = byId.get(edge.target);
    const from = byId.get(edge.source);
    if (into && nodes.get(edge.source)?.event) into.accepts.push(edge.source);
    else if (from && nodes.get(edge.target)?.event) from.returns.push(edge.target);
  }
  return {
    steps,
    types: { name: (id) => nodes.get(id)?.label ?? id, role: (id) => nodes.get(id)?.event?.role ?? 'event' },
  };
}

/** The library's graph checks on one workflow of the graph model, with its `skipGraphChecks`. */
export function graphCheckErrors(graph: GraphModel, workflow: WorkflowInfo): GraphProblem[] {
  const { steps, types } = graphCheckInput(graph, workflow.name);
  // `@catchError` steps are reached by the engine's StepFailedEvent, as the library seeds them.
  const handlers = steps.filter((s) => s.accepts.some((id) => types.role(id) === 'step-failed')).map((s) => s.name);
  return graphProblems(steps, types, workflow.skipGraphChecks as GraphCheck[], handlers);
}

/**
 * The graph checks as editor diagnostics, so that any front end that builds the graph model
 * (TypeScript here, Python too) gets them. Each failure is marked on every step it names, with the
 * library's message and hint; an event left without a consumer is marked on its class (or the
 * workflow, for a built-in event).
 */
export function graphDiagnostics(graph: GraphModel, workflow: WorkflowInfo): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodes = graph.nodes.filter((n) => n.workflow === workflow.name);
  for (const problem of graphCheckErrors(graph, workflow)) {
    const message = `${problem.message}. ${problem.hint}`;
    const code = `graph-${problem.check.replace('_', '-')}`;
    for (const name of problem.steps) {
      const node = nodes.find((n): n is StepNode => n.step?.name === name);
      if (node) out.push(at(node.step.nameRange ?? node.step.range, code, message, node.id));
    }
    if (problem.check === 'terminal_event') {
      // The problem names events, not steps: mark each event class that nothing consumes.
      const consumed = new Set(graph.edges.filter((e) => e.kind === 'accepts').map((e) => e.source));
      for (const node of nodes) {
        if (node.event && !consumed.has(node.id) && node.event.role !== 'stop' && node.event.role !== 'input-required') {
          out.push(at(node.event.range ?? workflow.range, code, message));
        }
      }
    }
  }
  return out;
}

function at(range: SourceRange, code: string, message: string, node?: string): Diagnostic {
  return { severity: 'error', message, range, code, source: 'flowplay', ...(node ? { node } : {}) };
}

/** Problems the library raises before it looks at the graph. */
const STRUCTURAL_CODES = new Set([
  'no-steps', 'no-event-param', 'event-params', 'missing-return-type', 'num-workers', 'accepts-stop', 'no-start',
  'no-stop', 'many-start-events', 'many-stop-events', 'unproduced-event', 'unconsumed-event', 'unknown-graph-check',
]);

/**
 * A front end's validation diagnostics with the graph checks added and every diagnostic inside a step
 * tied to that step's node, so the graph can mark it. As in the library, the graph is checked only once
 * the structural checks hold, which also keeps one problem from being reported twice (an event never
 * consumed is a terminal one too).
 */
export function withGraphChecks(diagnostics: Diagnostic[], graph: GraphModel, workflows: WorkflowInfo[]): Diagnostic[] {
  const out = [...diagnostics];
  for (const workflow of workflows) {
    const blocked = diagnostics.some((d) => STRUCTURAL_CODES.has(d.code) && contains(workflow.range, d.range));
    if (!blocked) out.push(...graphDiagnostics(graph, workflow));
  }
  // A step's range starts at its decorator, so a problem with its options belongs to it too.
  const steps = graph.nodes.filter((n): n is StepNode => !!n.step);
  return out.map((d) => {
    if (d.node || d.source !== 'flowplay') return d;
    const node = steps.find((n) => contains(n.step.range, d.range));
    return node ? { ...d, node: node.id } : d;
  });
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
