/**
 * `@step` as TypeScript really emits it: standard (TC39) decorators lowered by the TypeScript
 * compiler, and legacy `experimentalDecorators`, each evaluated with `flowplay` bound to the engine.
 */
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import * as flowplay from 'flowplay';

const SOURCE = `
const { Workflow, step, Event, StartEvent, StopEvent } = flowplay;
class Ping extends Event {}
class Flow extends Workflow {
  @step({ accepts: [StartEvent], returns: [Ping] })
  async start(ctx, ev) { return new Ping(); }
  @step
  async bare(ev) { return new StopEvent({ result: 'bare' }); }
  @step({ accepts: [Ping], returns: [StopEvent] })
  async finish(ctx, ev) { return new StopEvent({ result: 'done' }); }
}
return Flow;
`;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

async function load(experimentalDecorators: boolean) {
  const { outputText } = ts.transpileModule(SOURCE, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, experimentalDecorators, allowJs: true },
    fileName: 'flow.js',
  });
  return (await new AsyncFunction('flowplay', outputText)(flowplay)) as new (options?: flowplay.WorkflowOptions) => flowplay.Workflow;
}

describe.each([
  ['standard (TC39)', false],
  ['legacy (experimentalDecorators)', true],
])('@step with %s decorators', (_label, legacy) => {
  test('steps are found in declaration order with their metadata, bare or called', async () => {
    const Flow = await load(legacy);
    const plan = flowplay.planOf(Flow);
    expect(plan.steps.map((s) => [s.name, s.accepts.map((c) => c.name), s.numWorkers])).toEqual([
      ['start', ['StartEvent'], 4],
      ['bare', [], 4],
      ['finish', ['Ping'], 4],
    ]);
  });

  test('a run routes by the metadata (validation off: the bare step declares nothing)', async () => {
    const Flow = await load(legacy);
    const w = new Flow({ validate: false });
    expect(await w.run({}, { clock: 'virtual' })).toBe('done');
  });
});
