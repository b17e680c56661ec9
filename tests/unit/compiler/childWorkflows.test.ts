import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../../../src/compiler/index.ts';
import { runSource, sharedCompiler } from '../runSource.ts';

const compile = (source: string): CompileResult => sharedCompiler().compile(source, { typeCheck: false });
/** `Workflow.step: [children]` for steps that start a workflow. */
const children = (result: CompileResult) =>
  Object.fromEntries(result.workflows.flatMap((w) => w.steps.filter((s) => s.children.length > 0).map((s) => [`${w.name}.${s.name}`, s.children])));

const CHILD = `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Child extends Workflow {
  @step() async work(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: 1 }); }
}
`;

describe('a step that starts another workflow', () => {
  it.each([
    ['constructs it in the step', `class Parent extends Workflow {
  @step() async go(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: await new Child().run() }); }
}`],
    ['holds it in a field initialised with new', `class Parent extends Workflow {
  child = new Child();
  @step() async go(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: await this.child.run() }); }
}`],
    ['holds it in a typed field set in the constructor', `class Parent extends Workflow {
  private readonly child: Child;
  constructor() { super(); this.child = new Child(); }
  @step() async go(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: await this.child.run() }); }
}`],
    ['is given it as a constructor parameter property', `class Parent extends Workflow {
  constructor(private readonly child: Child) { super(); }
  @step() async go(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: await this.child.run() }); }
}`],
  ])('is found when it %s', (_how, parent) => {
    expect(children(compile(CHILD + parent))).toEqual({ 'Parent.go': ['Child'] });
  });

  it('is not found for a field the step does not read, or a field holding something else', () => {
    const source = `${CHILD}class Parent extends Workflow {
  child = new Child();
  other = new Map<string, number>();
  @step() async go(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: this.other.size }); }
}`;
    expect(children(compile(source))).toEqual({});
  });

  it('runs the child as a child run of the invoking step, and the parent gets its result', async () => {
    const run = await runSource(`${CHILD}class Parent extends Workflow {
  child = new Child();
  @step() async go(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: (await this.child.run()) + 1 }); }
}
console.log(await new Parent().run());`);
    expect(run.lines).toEqual(['2']);
    const started = run.trace.filter((r) => r.kind === 'run.started');
    expect(started.map((r) => [r.workflow, r.parentStep ?? null])).toEqual([['Parent', null], ['Child', 'go']]);
    expect(started[1]!.parentRun).toBe(started[0]!.runId);
  });
});

describe('a workflow class declared inside a function', () => {
  const top = `import { Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Unused extends Event {}
class Local extends Workflow {
  @step() async first(ev: StartEvent): Promise<StopEvent | Unused> { return new StopEvent({ result: 1 }); }
}
`;
  const inFunction = `import { Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
export function build() {
  class Unused extends Event {}
  class Local extends Workflow {
    @step() async first(ev: StartEvent): Promise<StopEvent | Unused> { return new StopEvent({ result: 1 }); }
  }
  return new Local();
}
`;
  const shape = (result: CompileResult) => ({
    graph: result.graph.nodes.map((n) => n.id),
    edges: result.graph.edges.map((e) => e.id),
    problems: result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`),
  });

  it('gets the same graph and the same problems as a top-level one', () => {
    expect(shape(compile(inFunction))).toEqual(shape(compile(top)));
    expect(shape(compile(inFunction)).problems).toEqual(['error unconsumed-event The following events are produced but never consumed: Unused']);
  });

  it('starts children and runs like a top-level one', async () => {
    const source = `${CHILD}export async function main() {
  class Parent extends Workflow {
    @step() async go(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: (await new Child().run()) + 10 }); }
  }
  return new Parent().run();
}
console.log(await main());`;
    expect(children(compile(source))).toEqual({ 'Parent.go': ['Child'] });
    const run = await runSource(source);
    expect(run.lines).toEqual(['11']);
    expect(run.trace.filter((r) => r.kind === 'run.started').map((r) => r.workflow)).toEqual(['Parent', 'Child']);
  });
});
