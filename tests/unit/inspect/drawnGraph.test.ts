import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { GraphModel } from '../../../src/compiler/index.ts';
import { toMermaid } from '../../../src/compiler/index.ts';
import { drawnGraph, elkGraphOf, graphToSvg, layoutFromElk } from '../../../src/inspect/index.ts';
import { sharedCompiler } from '../runSource.ts';
import { fixture } from '../compiler/shapes.ts';

const graphOf = (source: string): GraphModel => sharedCompiler().compile(source, { typeCheck: false }).graph;
/** Nodes the drawing adds, as `kind id "label"`, and the edges that touch them. */
const added = (graph: GraphModel) => {
  const drawn = drawnGraph(graph);
  const model = new Set(graph.nodes.map((n) => n.id));
  const nodes = drawn.nodes.filter((n) => !model.has(n.id)).map((n) => `${n.kind} ${n.id} "${n.label}"`);
  const edges = drawn.edges.filter((e) => !model.has(e.source) || !model.has(e.target)).map((e) => `${e.source} -> ${e.target}`);
  return { nodes, edges };
};

describe('the graph as drawn on the page', () => {
  it('joins the human-in-the-loop pair through external_step, and a started workflow through calls/returns connectors', () => {
    expect(added(graphOf(fixture('human-and-child.ts')))).toEqual({
      nodes: ['external Asks/external_step "external_step"', 'child Asks/step:answer>calls:Child "calls: Child"', 'child Asks/step:answer>returns:Child "returns: Child"'],
      edges: [
        'Asks/event:InputRequiredEvent -> Asks/external_step',
        'Asks/external_step -> Asks/event:HumanResponseEvent',
        'Asks/step:answer -> Asks/step:answer>calls:Child',
        'Asks/step:answer>calls:Child -> Child/event:StartEvent',
        'Child/event:StopEvent -> Asks/step:answer>returns:Child',
        'Asks/step:answer>returns:Child -> Asks/step:answer',
      ],
    });
  });

  it('draws the same external_step edges as the Mermaid text', () => {
    const graph = graphOf(fixture('human-and-child.ts'));
    // Mermaid ids are `<node type>_<id>`: event_InputRequiredEvent, external_external_step.
    const mermaid = toMermaid(graph).split('\n').filter((l) => l.includes('external_step') && l.includes('-->'))
      .map((l) => l.trim().replace(/\b(event|external)_/g, '').replace(' --> ', ' -> '));
    const drawn = added(graph).edges.filter((e) => e.includes('external_step')).map((e) => e.replace(/Asks\/(event:)?/g, ''));
    expect(drawn.sort()).toEqual(mermaid.sort());
    expect(drawn).toEqual(['InputRequiredEvent -> external_step', 'external_step -> HumanResponseEvent']);
  });

  it('asks through a subclass of InputRequiredEvent too, and adds nothing to a workflow without a person or a child', () => {
    const subclass = `import { HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Ask extends InputRequiredEvent {}
class Reply extends HumanResponseEvent {}
class W extends Workflow {
  @step() async ask(ev: StartEvent): Promise<Ask> { return new Ask({ prefix: "?" }); }
  @step() async done(ev: Reply): Promise<StopEvent> { return new StopEvent({ result: ev.response }); }
}`;
    expect(added(graphOf(subclass)).edges).toEqual(['event:Ask -> external_step', 'external_step -> event:Reply']);
    const plain = graphOf(subclass.replace(/Promise<Ask>.*$/m, 'Promise<StopEvent> { return new StopEvent(); }').replace(/@step\(\) async done.*$/m, ''));
    expect(drawnGraph(plain)).toBe(plain);
  });

  it('is laid out by ELK like every other node, and exported to SVG in its own style', async () => {
    const graph = drawnGraph(graphOf(fixture('human-and-child.ts')));
    const layout = layoutFromElk(graph, await new ELK().layout(elkGraphOf(graph)));
    expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(layout.edges['Asks/event:InputRequiredEvent->Asks/external_step']?.length).toBeGreaterThanOrEqual(2);
    const svg = graphToSvg(graph, layout.nodes, null, { routes: layout.edges });
    expect(svg).toMatch(/<g data-id="Asks\/external_step" data-kind="external">.*fill="#BEDAE4"/);
    expect(svg).toMatch(/<g data-id="Asks\/step:answer&gt;calls:Child" data-kind="child">.*calls: Child/);
  }, 30_000);
});
