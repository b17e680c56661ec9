import { describe, expect, test } from 'vitest';
import { sharedCompiler } from '../runSource.ts';

const withCall = (call: string) => `import { Context, Event, StartEvent, StepFailedEvent, StopEvent, Workflow, catchError, retryPolicy, step } from "flowplay";
class Ping extends Event<{ n: number }> {}
class Flow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Ping> {
    return new Ping({ n: 1 });
  }
}
${call}
`;

/** The type errors TypeScript reports on the line of the call under test (the file's other lines are fine). */
function typeErrorsAt(call: string): string[] {
  const source = withCall(call);
  const line = source.split('\n').indexOf(call.split('\n')[0]!) + 1;
  return sharedCompiler()
    .compile(source)
    .diagnostics.filter((d) => d.code === 'type' && d.range.line >= line)
    .map((d) => d.message);
}

describe('step and catchError options are type-checked in the editor', () => {
  test.each([
    ['step({ workflow: 42 })(async function finish(ev: Ping): Promise<StopEvent> { return new StopEvent({ result: ev.n }); });', /'number' is not assignable to type 'StepOwner'/],
    ['step({ workflow: Flow, numWorkers: "two" })(async function finish(ev: Ping): Promise<StopEvent> { return new StopEvent({ result: ev.n }); });', /'string' is not assignable to type 'number'/],
    ['step({ workflow: Flow, retryPolicy: 3 })(async function finish(ev: Ping): Promise<StopEvent> { return new StopEvent({ result: ev.n }); });', /'number' is not assignable to type 'RetryPolicy'/],
    ['step({ workflow: Flow, workers: 2 })(async function finish(ev: Ping): Promise<StopEvent> { return new StopEvent({ result: ev.n }); });', /'workers' does not exist in type/],
    ['step({ workflow: "Flow" })(async function finish(ev: Ping): Promise<StopEvent> { return new StopEvent({ result: ev.n }); });', /'string' is not assignable to type 'StepOwner'/],
    ['Flow.addStep(catchError({ forSteps: "start" })(async function rescue(ev: StepFailedEvent): Promise<StopEvent> { return new StopEvent({ result: 0 }); }));', /'string' is not assignable to type 'string\[\]'/],
    ['Flow.addStep(catchError({ maxRecoveries: "2" })(async function rescue(ev: StepFailedEvent): Promise<StopEvent> { return new StopEvent({ result: 0 }); }));', /'string' is not assignable to type 'number'/],
  ])('%s', (call, message) => {
    const errors = typeErrorsAt(call);
    expect(errors.length, errors.join('\n')).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  test.each([
    'step({ workflow: Flow })(async function finish(ev: Ping): Promise<StopEvent> { return new StopEvent({ result: ev.n }); });',
    'step({ workflow: Flow, numWorkers: 2, retryPolicy: retryPolicy() })(async function finish(ctx: Context, ev: Ping): Promise<StopEvent> { return new StopEvent({ result: ev.n }); });',
    'Flow.addStep(catchError({ forSteps: ["start"], maxRecoveries: 2 })(async function rescue(ev: StepFailedEvent): Promise<StopEvent> { return new StopEvent({ result: 0 }); }));',
    'class Bare extends Workflow {\n  @step\n  async begin(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: 1 }); }\n  @catchError\n  async rescue(ev: StepFailedEvent): Promise<StopEvent> { return new StopEvent({ result: 0 }); }\n}',
  ])('%s has no type error', (call) => {
    expect(typeErrorsAt(call)).toEqual([]);
  });
});
