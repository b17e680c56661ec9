// @vitest-environment happy-dom
// Mermaid's parser needs a DOM (for its sanitiser); happy-dom is enough to parse without rendering.
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { createCompiler, toMermaid } from '../../../src/compiler/index.ts';
import { example, fixture } from './shapes.ts';

const compiler = createCompiler();
const graphOf = (source: string) => compiler.compile(source, { typeCheck: false, emit: false }).graph;

describe('Mermaid export', () => {
  it('draws steps as boxes and events as stadiums in the draw_all_possible_flows colours', () => {
    expect(toMermaid(graphOf(fixture('sends-undeclared.ts')))).toBe(`flowchart LR
  step_start["start"]:::stepStyle
  step_worker["worker"]:::stepStyle
  step_finish["finish"]:::stepStyle
  event_StartEvent(["StartEvent"]):::startEventStyle
  event_Job(["Job"]):::defaultEventStyle
  event_Result(["Result"]):::defaultEventStyle
  event_StopEvent(["StopEvent"]):::stopEventStyle
  event_StartEvent --> step_start
  event_Job --> step_worker
  event_Result --> step_finish
  step_start -.-> event_Job
  step_worker --> event_Result
  step_finish --> event_StopEvent
  classDef stepStyle fill:#ADD8E6,color:#000000,line-height:1.2
  classDef startEventStyle fill:#E27AFF,color:#000000
  classDef stopEventStyle fill:#FFA07A,color:#000000
  classDef defaultEventStyle fill:#90EE90,color:#000000
`);
  });

  const sources: Record<string, string> = {
    'parallel example': example('concurrency/parallel.ts'),
    'collect-different-types example': example('concurrency/collect-different-types.ts'),
    'multiple workflows': fixture('multiple-workflows.ts'),
    'fan-out and fan-in': fixture('fan-out-in.ts'),
    'a loop': fixture('loop.ts'),
    'broken code': fixture('broken-syntax.ts.txt'),
  };
  for (const [name, source] of Object.entries(sources)) {
    it(`is valid Mermaid for ${name}`, async () => {
      const text = toMermaid(graphOf(source));
      await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    });
  }

  it('has a parser that does reject broken Mermaid (so the checks above mean something)', async () => {
    await expect(mermaid.parse('flowchart LR\n  a["x"]:::s --> \n  b(["y"]')).rejects.toThrow();
  });

  it('puts each workflow of a file in its own subgraph', () => {
    const text = toMermaid(graphOf(fixture('multiple-workflows.ts')));
    expect(text.split('\n').filter((l) => l.includes('subgraph'))).toEqual([
      '  subgraph workflow_Greeter["Greeter"]',
      '  subgraph workflow_Echo["Echo"]',
    ]);
  });
});
