import { beforeAll, describe, expect, it } from 'vitest';
import { createCompiler } from '../../../src/compiler/index.ts';
import type { Compiler } from '../../../src/compiler/index.ts';
import { diagnostics, fixture } from './shapes.ts';

let compiler: Compiler;
beforeAll(() => {
  compiler = createCompiler();
});

const flowplayOnly = (source: string) =>
  compiler.compile(source, { typeCheck: false, emit: false }).diagnostics.filter((d) => d.source === 'flowplay');

// tests/test_utils.py (validate_step_signature) and tests/test_decorator.py of LlamaIndex Workflows, read statically.
describe('step signatures are checked as the library checks them', () => {
  it('marks each broken signature at the step, with the library message', () => {
    const result = compiler.compile(fixture('signatures.ts'), { typeCheck: false, emit: false });
    expect(diagnostics(result)).toEqual([
      '7:9 error missing-return-type: Return types of workflows step functions must be annotated with their type.',
      '12:52 error event-params: Step signature must contain exactly one parameter of type Event but found 2.',
      '17:19 error no-event-param: Step signature must have at least one parameter annotated as type Event',
      '22:9 error no-event-param: Step signature must have at least one parameter annotated as type Event',
      '26:23 error num-workers: numWorkers must be an integer greater than 0',
      '31:23 error num-workers: numWorkers must be an integer greater than 0',
    ]);
  });

  it('ties each problem to the graph node of its step', () => {
    const nodes = flowplayOnly(fixture('signatures.ts')).map((d) => `${d.code} ${d.node}`);
    expect(nodes).toEqual([
      'missing-return-type step:noReturn',
      'event-params step:twoEvents',
      'no-event-param step:mixed',
      'no-event-param step:nothing',
      'num-workers step:zeroWorkers',
      'num-workers step:halfWorker',
    ]);
  });

  it('accepts a context before the event, a bare @step and the base Event as the one event parameter', () => {
    const source = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Fine extends Workflow {
  @step
  async go(ctx: Context, ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: 1 }); }
}`;
    expect(flowplayOnly(source)).toEqual([]);
  });

  it('leaves a numWorkers computed at run time to the engine', () => {
    const source = fixture('signatures.ts').replace('numWorkers: 0', 'numWorkers: 2 * 2').replace('numWorkers: 1.5', 'numWorkers: 3');
    expect(flowplayOnly(source).filter((d) => d.code === 'num-workers')).toEqual([]);
  });

  it('one StartEvent type and one StopEvent type per workflow', () => {
    const source = `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class OtherStart extends StartEvent {}
class OtherStop extends StopEvent {}
class Two extends Workflow {
  @step() async a(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: 1 }); }
  @step() async b(ev: OtherStart): Promise<OtherStop> { return new OtherStop({ result: 2 }); }
}`;
    expect(flowplayOnly(source).map((d) => `${d.range.line}:${d.range.column} ${d.code}: ${d.message}`)).toEqual([
      "6:23 many-start-events: Only one type of StartEvent is allowed per workflow, found 2: StartEvent, OtherStart in workflow 'Two'.",
      "6:44 many-stop-events: Only one type of StopEvent is allowed per workflow, found 2: StopEvent, OtherStop in workflow 'Two'.",
    ]);
  });
});
