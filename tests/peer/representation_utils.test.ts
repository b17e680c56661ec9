/**
 * Port of llama-index-workflows/tests/test_representation_utils.py, the tests about the graph of a
 * workflow's own steps and events. Flowplay's `get_workflow_representation` is the compiler's graph
 * model (read from the source, as the editor draws it) with what the drawing adds (`drawnGraph`:
 * the `external_step` bridge). Resources, resource configs, `filter_by_node_type` and pydantic node
 * helpers are not ported (see README.md).
 */
import { describe, expect, it } from 'vitest';
import type { GraphModel } from '../../src/compiler/index.ts';
import { checkGraph } from '../../src/inspect/checkGraph.ts';
import { drawnGraph } from '../../src/inspect/index.ts';
import { sharedCompiler } from '../unit/runSource.ts';

const representation = (source: string): GraphModel => drawnGraph(sharedCompiler().compile(source, { typeCheck: false }).graph);
const ids = (graph: GraphModel, kind: string) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.label).sort();
const edges = (graph: GraphModel) => {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return new Set(graph.edges.map((e) => `${label.get(e.source)} -> ${label.get(e.target)}`));
};

const DUMMY_WORKFLOW = `import { Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class OneTestEvent extends Event<{ testParam?: string }> {}
class LastEvent extends Event {}
class DummyWorkflow extends Workflow {
  @step() async start_step(ev: StartEvent): Promise<OneTestEvent> { return new OneTestEvent(); }
  @step() async middle_step(ev: OneTestEvent): Promise<LastEvent> { return new LastEvent(); }
  @step() async end_step(ev: LastEvent): Promise<StopEvent> { return new StopEvent({ result: "Workflow completed" }); }
}`;

describe('test_representation_utils.py', () => {
  it('test_get_workflow_representation', () => {
    const graph = representation(DUMMY_WORKFLOW);
    expect(ids(graph, 'step')).toEqual(['end_step', 'middle_step', 'start_step']);
    expect(ids(graph, 'event')).toEqual(['LastEvent', 'OneTestEvent', 'StartEvent', 'StopEvent']);
    const groundTruth = ['end_step -> StopEvent', 'LastEvent -> end_step', 'middle_step -> LastEvent', 'OneTestEvent -> middle_step', 'start_step -> OneTestEvent', 'StartEvent -> start_step'];
    for (const edge of groundTruth) expect(edges(graph).has(edge), edge).toBe(true);
  });

  it('test_representation_hitl_includes_external_step_bridge', () => {
    const graph = representation(`import { HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, step } from "flowplay";
class HITLWorkflow extends Workflow {
  @step() async ask(ev: StartEvent): Promise<InputRequiredEvent> { return new InputRequiredEvent({ prefix: "" }); }
  @step() async handle(ev: HumanResponseEvent): Promise<StopEvent> { return new StopEvent({ result: "ok" }); }
}`);
    expect(graph.nodes.map((n) => n.id)).toContain('external_step');
    expect(edges(graph).has('InputRequiredEvent -> external_step')).toBe(true);
    expect(edges(graph).has('external_step -> HumanResponseEvent')).toBe(true);
  });

  it('test_graph_serialization', () => {
    // A graph saved as JSON (in a run file) is read back and checked with its node kinds and event types.
    const graph = sharedCompiler().compile(DUMMY_WORKFLOW, { typeCheck: false }).graph;
    const restored: unknown = JSON.parse(JSON.stringify(graph));
    checkGraph(restored, 'graph', 100, 20);
    expect(restored.nodes).toHaveLength(graph.nodes.length);
    const event = restored.nodes.find((n) => n.kind === 'event' && n.label === 'OneTestEvent');
    expect(event?.event?.type).toBe('OneTestEvent');
    expect(event?.event?.role).toBe('event');
  });
});
