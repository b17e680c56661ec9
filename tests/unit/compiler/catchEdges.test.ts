import { describe, expect, test } from 'vitest';
import { toMermaid } from '../../../src/compiler/index.ts';
import { graphToSvg } from '../../../src/inspect/graphToSvg.ts';
import { rankLayout } from '../../../src/inspect/index.ts';
import { sharedCompiler } from '../runSource.ts';

const SOURCE = `import { Event, StartEvent, StepFailedEvent, StopEvent, Workflow, catchError, step } from "flowplay";
class Fetched extends Event<{ text: string }> {}
class Flow extends Workflow {
  @step()
  async fetch(ev: StartEvent): Promise<Fetched> { return new Fetched({ text: "x" }); }
  @step()
  async summarise(ev: Fetched): Promise<StopEvent> { return new StopEvent({ result: ev.text }); }
  @step()
  async audit(ev: Fetched): Promise<void> {}
  @catchError({ forSteps: ["fetch"] })
  async fallback(ev: StepFailedEvent): Promise<Fetched> { return new Fetched({ text: "cached" }); }
  @catchError()
  async giveUp(ev: StepFailedEvent): Promise<StopEvent> { return new StopEvent({ result: "failed in " + ev.stepName }); }
}
`;

describe('catch-error edges', () => {
  test('run from each covered step to the handler that covers it: the named ones, then the wildcard for the rest', () => {
    const { graph } = sharedCompiler().compile(SOURCE);
    expect(graph.edges.filter((e) => e.kind === 'catches').map((e) => [e.source, e.target, e.dashed, e.label])).toEqual([
      ['step:fetch', 'step:fallback', true, 'on failure'],
      ['step:summarise', 'step:giveUp', true, 'on failure'],
      ['step:audit', 'step:giveUp', true, 'on failure'],
    ]);
  });

  test('are labelled dashed arrows in Mermaid and red labelled paths in the SVG export', () => {
    const { graph } = sharedCompiler().compile(SOURCE);
    const mermaid = toMermaid(graph).split('\n').map((l) => l.trim());
    expect(mermaid).toEqual(expect.arrayContaining(['step_fetch -.->|"on failure"| step_fallback', 'step_audit -.->|"on failure"| step_giveUp']));
    const svg = graphToSvg(graph, rankLayout(graph).nodes);
    expect(svg.match(/data-kind="catches"/g)).toHaveLength(3);
    expect(svg).toContain('>on failure</text>');
  });

  test('a workflow without catchError steps has none', () => {
    const { graph } = sharedCompiler().compile(SOURCE.replace(/@catchError[\s\S]*?\n  }\n/g, '').replace(/  @catchError[^\n]*\n[^\n]*\n/g, ''));
    expect(graph.edges.filter((e) => e.kind === 'catches')).toEqual([]);
  });
});
