import { describe, expect, test } from 'vitest';
import { runSource, sharedCompiler } from '../runSource.ts';
import { diagnostics, edges } from './shapes.ts';

const SOURCE = `import { Context, Event, StartEvent, StepFailedEvent, StopEvent, Workflow, catchError, step } from "flowplay";
class Ping extends Event<{ n: number }> {}
class Flow extends Workflow {
  @step()
  async begin(ev: StartEvent): Promise<Ping> {
    return new Ping({ n: ev.n });
  }
}
step({
  workflow: Flow,
  numWorkers: 2,
})(async function finish(ctx: Context, ev: Ping): Promise<StopEvent> {
  if (ev.n < 0) throw new Error("negative");
  return new StopEvent({ result: ev.n * 2 });
});
async function rescue(ev: StepFailedEvent): Promise<StopEvent> {
  return new StopEvent({ result: "rescued " + ev.stepName });
}
Flow.addStep(catchError(rescue));
`;

describe('steps written as functions, in the compiler', () => {
  test('are steps of the workflow they join, drawn like methods, after them', () => {
    const compiled = sharedCompiler().compile(SOURCE);
    expect(diagnostics(compiled, (d) => d.severity !== 'info')).toEqual([]);
    const steps = compiled.workflows[0]!.steps;
    expect(steps.map((s) => [s.name, s.accepts, s.returns, s.withContext, s.numWorkers])).toEqual([
      ['begin', ['StartEvent'], ['Ping'], false, 4],
      ['finish', ['Ping'], ['StopEvent'], true, 2],
      ['rescue', ['StepFailedEvent'], ['StopEvent'], false, 4],
    ]);
    expect(edges(compiled)).toEqual(expect.arrayContaining(['event:Ping -> step:finish', 'step:finish -> event:StopEvent', 'step:rescue -> event:StopEvent']));
    // The function's own name is where the graph's step points in the editor.
    expect(SOURCE.slice(steps[1]!.nameRange.start, steps[1]!.nameRange.end)).toBe('finish');
  });

  test('run with the metadata injected, and keep every line where it was written', async () => {
    const ok = await runSource(SOURCE, { input: { n: 4 } });
    expect(ok.error).toBeUndefined();
    expect(ok.lines).toContain('8');
    const failed = await runSource(SOURCE, { input: { n: -1 } });
    expect(failed.lines).toContain('rescued finish');
    const js = sharedCompiler().compile(SOURCE).js!;
    const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(lineOf(js, 'throw new Error("negative")')).toBe(lineOf(SOURCE, 'throw new Error("negative")'));
  });

  test('belong to the class they join, not to its subclasses; a step of one workflow can join another', () => {
    const source = `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Base extends Workflow {}
class A extends Workflow {}
class Sub extends Base {
  @step()
  async other(ev: StartEvent): Promise<StopEvent> { return new StopEvent(); }
}
const done = step({ workflow: A })(async function done(ev: StartEvent): Promise<StopEvent> { return new StopEvent(); });
step({ workflow: Base })(async function only(ev: StartEvent): Promise<StopEvent> { return new StopEvent(); });
class B extends Workflow {}
B.addStep(done);
`;
    const compiled = sharedCompiler().compile(source);
    expect(compiled.workflows.map((w) => [w.name, w.steps.map((s) => s.name)])).toEqual([
      ['A', ['done']],
      ['Sub', ['other']],
      ['B', ['done']],
    ]);
  });

  test('what the engine would refuse is marked in the editor', () => {
    const source = `import { StartEvent, StepFailedEvent, StopEvent, Workflow, catchError, step } from "flowplay";
class Flow extends Workflow {
  @step()
  async begin(ev: StartEvent): Promise<StopEvent> { return new StopEvent(); }
}
step({ workflow: Flow })(async (ev: StartEvent): Promise<StopEvent> => new StopEvent());
step({ numWorkers: 1 })(async function lost(ev: StartEvent): Promise<StopEvent> { return new StopEvent(); });
step({ workflow: Flow })(async function begin(ev: StartEvent): Promise<StopEvent> { return new StopEvent(); });
const spare = catchError(async function spare(ev: StepFailedEvent): Promise<StopEvent> { return new StopEvent(); });
`;
    const found = diagnostics(sharedCompiler().compile(source), (d) => d.code.startsWith('step-function'));
    expect(found).toEqual([
      '6:1 error step-function-name: A step written as a function needs a name, by which it is routed: step({ workflow: MyWorkflow })(async function myStep(ev) { … }).',
      '7:1 error step-function-workflow: To decorate lost please pass a workflow class to the @step decorator: step({ workflow: MyWorkflow })(lost).',
      '8:1 error step-function-taken: A step begin is already part of Flow, please choose another name.',
      '9:15 warning step-function-unused: spare handles no workflow\'s failures until a workflow adds it: MyWorkflow.addStep(spare).',
    ]);
  });
});
