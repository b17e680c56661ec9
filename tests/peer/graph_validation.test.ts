/**
 * LlamaIndex Workflows' tests/test_graph_validation.py, as behaviour tests of Flowplay's graph checks.
 * Each workflow is written in TypeScript and read by the compiler into the graph model; the checks
 * run on that model (as they do for every front end), so these tests cover the compiler's reading
 * and the checks together. Python's `@step(skip_graph_checks=[...])` is `@step({ skipGraphChecks: [...] })`
 * and the workflow-wide `Workflow(skip_graph_checks=...)` is `new W({ skipGraphChecks: [...] })`.
 */
import { describe, expect, test } from 'vitest';
import { graphProblems, validationMessages } from '../../src/engine/index.ts';
import type { GraphCheck, GraphProblem } from '../../src/engine/index.ts';
import { createCompiler, graphCheckErrors, graphCheckInput } from '../../src/compiler/index.ts';

const compiler = createCompiler();

const EVENTS = `
class IslandEvent extends Event {}
class ProcessedEvent extends Event {}
class CycleA extends Event {}
class CycleB extends Event {}
class LoopEvent extends Event {}
`;

function compile(body: string, construct = '') {
  const source = `import { Event, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, step } from "flowplay";\n${EVENTS}\n${body}\n${construct}`;
  const result = compiler.compile(source, { typeCheck: false, emit: false });
  expect(result.workflows).toHaveLength(1);
  return result;
}

function validate(body: string, skipChecks: GraphCheck[] = []): GraphProblem[] {
  const result = compile(body, skipChecks.length ? `new W({ skipGraphChecks: ${JSON.stringify(skipChecks)} });` : '');
  return graphCheckErrors(result.graph, result.workflows[0]!);
}

/** The adjacency the checks see: `event:X -> step` and `step -> event:X`, from the graph model. */
function adjacency(body: string): string[] {
  const result = compile(body);
  const { steps } = graphCheckInput(result.graph, result.workflows[0]!.name);
  return steps.flatMap((s) => [...s.accepts.map((e) => `${e} -> ${s.name}`), ...s.returns.map((e) => `${s.name} -> ${e}`)]);
}

const byCheck = (errors: GraphProblem[], check: GraphCheck) => errors.filter((e) => e.check === check);

const ISLAND = `
class W extends Workflow {
  @step() async process(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
  @step() async island(ev: IslandEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
}`;

const DEAD_END_CYCLE = `
class W extends Workflow {
  @step() async entry(ev: StartEvent): Promise<CycleA | StopEvent> { return new CycleA(); }
  @step() async step_b(ev: CycleA): Promise<CycleB> { return new CycleB(); }
  @step() async step_c(ev: CycleB): Promise<CycleA> { return new CycleA(); }
}`;

const DANGLING = `
class W extends Workflow {
  @step() async process(ev: StartEvent): Promise<ProcessedEvent | StopEvent> { return new ProcessedEvent(); }
}`;

describe('validate_graph', () => {
  test('test_validate_simple_valid', () => {
    expect(validate(`class W extends Workflow {
  @step() async process(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
}`)).toEqual([]);
  });

  test('test_validate_unreachable_step', () => {
    const reachability = byCheck(validate(ISLAND), 'reachability');
    expect(reachability).toHaveLength(1);
    expect(reachability[0]!.steps).toContain('island');
  });

  test('test_validate_human_response_reachable', () => {
    expect(validate(`class MyHumanResponse extends HumanResponseEvent {}
class W extends Workflow {
  @step() async start_step(ev: StartEvent): Promise<InputRequiredEvent> { return new InputRequiredEvent({ prefix: "" }); }
  @step() async human_step(ev: MyHumanResponse): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
}`)).toEqual([]);
  });

  test('test_validate_human_response_mutation_allowed', () => {
    expect(validate(`class MyHumanResponse extends HumanResponseEvent {}
class W extends Workflow {
  @step() async start_step(ev: StartEvent): Promise<InputRequiredEvent> { return new InputRequiredEvent({ prefix: "" }); }
  @step() async human_step(ev: MyHumanResponse): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
  @step() async mutation(ev: MyHumanResponse): Promise<void> {}
}`)).toEqual([]);
  });

  test('test_validate_terminal_non_output_event', () => {
    const terminal = byCheck(validate(DANGLING), 'terminal_event');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]!.message).toContain('ProcessedEvent');
  });

  test('test_validate_terminal_event_accumulated', () => {
    const terminal = byCheck(validate(`class DanglingA extends Event {}
class DanglingB extends Event {}
class W extends Workflow {
  @step() async process(ev: StartEvent): Promise<DanglingA | DanglingB | StopEvent> { return new DanglingA(); }
}`), 'terminal_event');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]!.message).toBe('Events produced but never consumed: DanglingA, DanglingB');
  });

  test('test_validate_dead_end_cycle', () => {
    const deadEnd = byCheck(validate(DEAD_END_CYCLE), 'dead_end');
    expect(deadEnd).toHaveLength(1);
    // entry has a StopEvent branch so it is not a dead end, but step_b and step_c are.
    expect(deadEnd[0]!.steps).toContain('step_b');
    expect(deadEnd[0]!.steps).toContain('step_c');
  });

  test('test_validate_dead_end_with_exit_branch_passes', () => {
    expect(validate(`class W extends Workflow {
  @step() async step_a(ev: StartEvent): Promise<CycleA | StopEvent> { return new CycleA(); }
  @step() async step_b(ev: CycleA): Promise<CycleB | StopEvent> { return new CycleB(); }
  @step() async step_c(ev: CycleB): Promise<CycleA> { return new CycleA(); }
}`)).toEqual([]);
  });

  test('test_validate_skip_reachability_per_step', () => {
    const source = ISLAND.replace('@step() async island', '@step({ skipGraphChecks: ["reachability"] }) async island');
    expect(byCheck(validate(source), 'reachability')).toEqual([]);
  });

  test('test_validate_skip_reachability_workflow_level', () => {
    expect(byCheck(validate(ISLAND, ['reachability']), 'reachability')).toEqual([]);
  });

  test('test_validate_skip_terminal_event_workflow_level', () => {
    expect(byCheck(validate(DANGLING, ['terminal_event']), 'terminal_event')).toEqual([]);
  });

  test('test_validate_skip_dead_end_per_step', () => {
    const source = DEAD_END_CYCLE.replace('@step() async step_b', '@step({ skipGraphChecks: ["dead_end"] }) async step_b').replace(
      '@step() async step_c',
      '@step({ skipGraphChecks: ["dead_end"] }) async step_c',
    );
    expect(byCheck(validate(source), 'dead_end')).toEqual([]);
  });

  test('test_validate_skip_dead_end_workflow_level', () => {
    expect(byCheck(validate(DEAD_END_CYCLE, ['dead_end']), 'dead_end')).toEqual([]);
  });

  test('test_validate_multiple_errors_accumulated', () => {
    const errors = validate(`class W extends Workflow {
  @step() async cycle_a(ev: StartEvent): Promise<CycleA | StopEvent> { return new CycleA(); }
  @step() async cycle_b(ev: CycleA): Promise<CycleB> { return new CycleB(); }
  @step() async cycle_c(ev: CycleB): Promise<CycleA> { return new CycleA(); }
  @step() async island(ev: IslandEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
}`);
    expect(validationMessages.graphFailed(errors)).toBe(`Graph validation failed:
  - [reachability] Unreachable steps: island
    Steps must be reachable from StartEvent or HumanResponseEvent.
  - [dead_end] Dead-end steps: cycle_b, cycle_c
    Steps must have a path to StopEvent or InputRequiredEvent.`);
  });
});

// build_step_graph's adjacency and reachability are internal to the checks here; these tests keep
// the Python tests' workflows and assert what the adjacency and the reachability decide.
describe('build_step_graph', () => {
  test('test_build_step_graph_empty', () => {
    expect(graphProblems([], { name: (t: string) => t, role: () => 'event' })).toEqual([]);
  });

  test('test_build_step_graph_adjacency_list', () => {
    expect(adjacency(`class W extends Workflow {
  @step() async step_a(ev: StartEvent): Promise<ProcessedEvent> { return new ProcessedEvent(); }
  @step() async step_b(ev: ProcessedEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
}`)).toEqual(['event:StartEvent -> step_a', 'step_a -> event:ProcessedEvent', 'event:ProcessedEvent -> step_b', 'step_b -> event:StopEvent']);
  });

  test('test_build_step_graph_event_types', () => {
    const events = new Set(adjacency(`class W extends Workflow {
  @step() async step_a(ev: StartEvent): Promise<CycleA | StopEvent> { return new CycleA(); }
}`).flatMap((edge) => edge.split(' -> ').filter((end) => end.startsWith('event:'))));
    expect(events).toEqual(new Set(['event:StartEvent', 'event:CycleA', 'event:StopEvent']));
  });

  test('test_build_step_graph_none_return_type_excluded', () => {
    const edges = adjacency(`class W extends Workflow {
  @step() async step_a(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
  @step() async mutation(ev: StartEvent): Promise<null> { return null; }
}`);
    expect(edges.filter((e) => e.startsWith('mutation ->'))).toEqual([]);
    expect(edges.some((e) => /null|void|undefined/.test(e))).toBe(false);
  });

  test('test_build_step_graph_forward_reachable', () => {
    const errors = validate(`class W extends Workflow {
  @step() async step_a(ev: StartEvent): Promise<ProcessedEvent> { return new ProcessedEvent(); }
  @step() async step_b(ev: ProcessedEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
  @step() async island(ev: IslandEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
}`);
    expect(byCheck(errors, 'reachability').flatMap((e) => e.steps)).toEqual(['island']);
  });

  test('test_build_step_graph_forward_reachable_human_response_seed', () => {
    expect(validate(`class TestHumanResponse extends HumanResponseEvent {}
class W extends Workflow {
  @step() async start_step(ev: StartEvent): Promise<InputRequiredEvent> { return new InputRequiredEvent({ prefix: "" }); }
  @step() async human_step(ev: TestHumanResponse): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
}`)).toEqual([]);
  });

  test('test_build_step_graph_reverse_reachable', () => {
    const errors = validate(`class W extends Workflow {
  @step() async step_a(ev: StartEvent): Promise<ProcessedEvent> { return new ProcessedEvent(); }
  @step() async step_b(ev: ProcessedEvent): Promise<StopEvent> { return new StopEvent({ result: "done" }); }
  @step() async dead_end(ev: StartEvent): Promise<LoopEvent> { return new LoopEvent(); }
  @step() async loop(ev: LoopEvent): Promise<LoopEvent> { return new LoopEvent(); }
}`);
    expect(byCheck(errors, 'dead_end').flatMap((e) => e.steps)).toEqual(['dead_end', 'loop']);
  });
});

describe('in the editor', () => {
  test('each failing check marks the steps it names, at their names, tied to their graph nodes', () => {
    const result = compile(DEAD_END_CYCLE);
    expect(result.diagnostics.filter((d) => d.code.startsWith('graph-')).map((d) => `${d.range.line}:${d.range.column} ${d.node} ${d.message}`)).toEqual([
      '12:17 step:step_b Dead-end steps: step_b, step_c. Steps must have a path to StopEvent or InputRequiredEvent.',
      '13:17 step:step_c Dead-end steps: step_b, step_c. Steps must have a path to StopEvent or InputRequiredEvent.',
    ]);
  });

  test('an unknown check name is refused in the library words', () => {
    const result = compile(ISLAND, 'new W({ skipGraphChecks: ["reachability", "nope"] });');
    expect(result.diagnostics.filter((d) => d.code === 'unknown-graph-check').map((d) => d.message)).toEqual([
      'Unknown graph check names: nope. Valid names are: dead_end, reachability, terminal_event',
    ]);
  });
});
