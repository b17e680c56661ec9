// @vitest-environment happy-dom
// Mermaid's parser needs a DOM (for its sanitiser); happy-dom is enough to parse without rendering.
import mermaid from 'mermaid';
import { describe, expect, it, test } from 'vitest';
import { createCompiler, toMermaid } from '../../../src/compiler/index.ts';
import { example, fixture } from './shapes.ts';

const compiler = createCompiler();
const graphOf = (source: string) => compiler.compile(source, { typeCheck: false, emit: false }).graph;

const CLASS_DEFS = `    classDef stepStyle fill:#ADD8E6,color:#000000,line-height:1.2
    classDef externalStyle fill:#BEDAE4,color:#000000,line-height:1.2
    classDef resourceStyle fill:#DDA0DD,color:#000000,line-height:1.2
    classDef resourceConfigStyle fill:#B2DFDB,color:#000000,line-height:1.2
    classDef startEventStyle fill:#E27AFF,color:#000000
    classDef stopEventStyle fill:#FFA07A,color:#000000
    classDef defaultEventStyle fill:#90EE90,color:#000000
    classDef reactAgentStyle fill:#E27AFF,color:#000000
    classDef codeActAgentStyle fill:#66ccff,color:#000000
    classDef defaultAgentStyle fill:#90EE90,color:#000000
    classDef toolStyle fill:#ff9966,color:#000000
    classDef workflowBaseStyle fill:#90EE90,color:#000000
    classDef workflowAgentStyle fill:#66ccff,color:#000000
    classDef workflowToolStyle fill:#ff9966,color:#000000
    classDef workflowHandoffStyle fill:#E27AFF,color:#000000
    classDef childConnectorStyle fill:#E0E0E080,color:#555555,stroke-width:0px`;

// What llama-index-utils-workflow's draw_all_possible_flows_mermaid prints for the same workflows.
describe('Mermaid export', () => {
  it('draws as draw_all_possible_flows_mermaid: top-down, steps in name order, each followed by its events', () => {
    expect(toMermaid(graphOf(fixture('sends-undeclared.ts')))).toBe(`flowchart TD
    step_finish["finish"]:::stepStyle
    event_Result(["Result"]):::defaultEventStyle
    event_StopEvent(["StopEvent"]):::stopEventStyle
    step_start["start"]:::stepStyle
    event_StartEvent(["StartEvent"]):::startEventStyle
    event_Job(["Job"]):::defaultEventStyle
    step_worker["worker"]:::stepStyle
    step_finish --> event_StopEvent
    event_Result --> step_finish
    step_start -.-> event_Job
    event_StartEvent --> step_start
    step_worker --> event_Result
    event_Job --> step_worker
${CLASS_DEFS}`);
  });

  it('joins the human-in-the-loop pair through external_step and draws a started workflow inside its step', () => {
    expect(toMermaid(graphOf(fixture('human-and-child.ts')))).toBe(`flowchart TD
    step_answer["answer"]:::stepStyle
    event_HumanResponseEvent(["HumanResponseEvent"]):::defaultEventStyle
    event_StopEvent(["StopEvent"]):::stopEventStyle
    step_start["start"]:::stepStyle
    event_StartEvent(["StartEvent"]):::startEventStyle
    event_InputRequiredEvent(["InputRequiredEvent"]):::defaultEventStyle
    external_external_step["external_step"]:::externalStyle
    step_answer_Child_work["work"]:::stepStyle
    event_answer_Child_StartEvent(["StartEvent"]):::defaultEventStyle
    event_answer_Child_StopEvent(["StopEvent"]):::defaultEventStyle
    child_connector_answer_Child_calls(["calls: Child"]):::childConnectorStyle
    child_connector_answer_Child_returns(["returns: Child"]):::childConnectorStyle
    step_answer --> event_StopEvent
    event_HumanResponseEvent --> step_answer
    external_external_step --> event_HumanResponseEvent
    step_start --> event_InputRequiredEvent
    event_InputRequiredEvent --> external_external_step
    event_StartEvent --> step_start
    step_answer_Child_work --> event_answer_Child_StopEvent
    event_answer_Child_StartEvent --> step_answer_Child_work
    step_answer --> child_connector_answer_Child_calls
    child_connector_answer_Child_calls --> event_answer_Child_StartEvent
    event_answer_Child_StopEvent --> child_connector_answer_Child_returns
    child_connector_answer_Child_returns --> step_answer
${CLASS_DEFS}`);
  });

  const sources: Record<string, string> = {
    'parallel example': example('concurrency/parallel.ts'),
    'collect-different-types example': example('concurrency/collect-different-types.ts'),
    'multiple workflows': fixture('multiple-workflows.ts'),
    'fan-out and fan-in': fixture('fan-out-in.ts'),
    'a loop': fixture('loop.ts'),
    'broken code': fixture('broken-syntax.ts.txt'),
    'human in the loop and a child workflow': fixture('human-and-child.ts'),
  };
  for (const [name, source] of Object.entries(sources)) {
    it(`is valid Mermaid for ${name}`, async () => {
      const text = toMermaid(graphOf(source));
      await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    });
  }

  it('has a parser that does reject broken Mermaid (so the checks above mean something)', async () => {
    await expect(mermaid.parse('flowchart TD\n  a["x"]:::s --> \n  b(["y"]')).rejects.toThrow();
  });

  it('puts each workflow of a file that no other one starts in its own subgraph', () => {
    const text = toMermaid(graphOf(fixture('multiple-workflows.ts')));
    expect(text.split('\n').filter((l) => l.includes('subgraph'))).toEqual(['    subgraph Greeter["Greeter"]', '    subgraph Echo["Echo"]']);
    expect(text).toContain('    Echo__step_echo --> Echo__event_StopEvent');
  });
});

describe('Mermaid export of hostile names', () => {
  test('a directive, a quote, a line break or an entity in a name stays text inside its label', async () => {
    const source = `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Hostile extends Workflow {
  @step()
  async "%%{init: {'theme':'dark'}}%%\\nclick a href 'javascript:alert(1)' &#35;"(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: "ok" });
  }
}
`;
    const text = toMermaid(createCompiler().compile(source).graph);
    const line = text.split('\n').find((l) => l.includes('#37;#37;#123;init'))!;
    expect(text).not.toMatch(/%%|\{init/);
    // No line of its own starts with what the name carried (a directive, a click handler).
    expect(text.split('\n').filter((l) => /^\s*(click|%%)/.test(l))).toEqual([]);
    expect(line).toMatch(/\["#34;#37;#37;#123;init: #123;'theme':'dark'#125;#125;#37;#37;.*"\]:::stepStyle$/);
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });
});
