import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { toMermaid } from '../../../src/compiler/index.ts';
import { codeFile, fileBaseName, graphJsonFile, graphToSvg, mermaidFile, traceJsonFile, traceJsonParts } from '../../../src/inspect/index.ts';
import { deriveView } from '../../../src/state/index.ts';
import { rankLayout } from '../../../src/inspect/index.ts';
import { TARGETED, recordExample, recordSource } from './fixtures.ts';

/**
 * A strict little well-formedness check: every tag balanced, attributes quoted, no stray `<` or bare
 * `&` in text. Enough for the subset of XML an SVG export uses.
 */
function checkXml(text: string): void {
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(chunk)) throw new Error(`bare & near ${i}`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(text);
    if (!m) throw new Error(`bad tag at ${lt}: ${text.slice(lt, lt + 40)}`);
    for (const value of m[3]!.matchAll(/="([^"]*)"/g)) if (/&(?!(amp|lt|gt|quot|apos);)/.test(value[1]!)) throw new Error(`bare & in attribute at ${lt}`);
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> does not close the open tag at ${lt}`);
    } else if (!m[4]) stack.push(m[2]!);
    i = tag.lastIndex;
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(', ')}`);
}

describe('file exports', () => {
  test('names files after the workflow', () => {
    expect(fileBaseName('ConcurrentFlow')).toBe('concurrent-flow');
    expect(fileBaseName('')).toBe('workflow');
    expect(fileBaseName('../../etc')).toBe('etc');
    expect(codeFile('const a = 1;', 'MapReduceFlow')).toEqual({ name: 'map-reduce-flow.ts', mimeType: 'text/plain', text: 'const a = 1;\n' });
  });

  test('graph JSON with positions, Mermaid through the compiler, trace JSON', async () => {
    const { graph, trace } = await recordExample('collect.ts');
    const positions = rankLayout(graph).nodes;
    const json = JSON.parse(graphJsonFile(graph, 'ConcurrentFlow', positions).text);
    expect(json.nodes).toEqual(graph.nodes);
    expect(Object.keys(json.positions).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(mermaidFile(graph, 'ConcurrentFlow', toMermaid)).toEqual({ name: 'concurrent-flow.mmd', mimeType: 'text/plain', text: toMermaid(graph) });
    expect(JSON.parse(traceJsonFile(trace, 'ConcurrentFlow').text)).toEqual(trace);
    expect(JSON.parse(traceJsonFile([], null).text)).toEqual([]);
  });

  test('the trace JSON written in pieces of any size is the same text: one record a line, as the CLI writes it', async () => {
    const { trace } = await recordExample('collect.ts');
    const whole = traceJsonFile(trace, 'ConcurrentFlow').text;
    expect(whole).toBe(`[\n${trace.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`);
    for (const slice of [1, 7, trace.length, 500]) {
      const parts = [...traceJsonParts(trace, slice)];
      expect(parts.join(''), `slice ${slice}`).toBe(whole);
      expect(parts.length).toBe(2 + Math.ceil(trace.length / slice));
    }
    expect([...traceJsonParts([])]).toEqual(['[]\n']);
  });
});

describe('graph SVG', () => {
  test('is well-formed, self-contained, and shows every node with its state at the cursor', async () => {
    const { graph, trace } = await recordExample('collect.ts');
    const view = deriveView(graph, trace, Number.POSITIVE_INFINITY);
    const svg = graphToSvg(graph, rankLayout(graph).nodes, view, { title: 'ConcurrentFlow' });
    checkXml(svg);
    expect(svg).not.toMatch(/href|url\(|@import|<image|<foreignObject/);
    const doc = new new Window().DOMParser().parseFromString(svg, 'image/svg+xml');
    const ids = [...doc.querySelectorAll('[data-id]')].map((el) => el.getAttribute('data-id'));
    expect(ids.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    for (const node of graph.nodes) expect(svg).toContain(`>${node.label}<`);
    expect(doc.querySelectorAll('[data-edge]').length).toBe(graph.edges.length);
    expect(doc.querySelector('[data-id="step:stepThree"]')!.getAttribute('data-state')).toBe('done');
    expect(doc.querySelector('[data-id="event:StepThreeEvent"]')!.getAttribute('data-count')).toBe('3');
    expect(svg).toContain('3/3');
  });

  test('draws a sent-but-undeclared edge dashed, and escapes what it writes', async () => {
    const { graph } = await recordSource(TARGETED);
    const dashed = graph.edges.filter((e) => e.dashed);
    expect(dashed.length).toBeGreaterThan(0);
    const svg = graphToSvg(graph, rankLayout(graph).nodes, null, { title: 'a < b & "c"' });
    checkXml(svg);
    expect(svg.match(/stroke-dasharray="6 5"/g)).toHaveLength(dashed.length);
    expect(svg).toContain('<title>a &lt; b &amp; &quot;c&quot;</title>');
  });

  test('a step with many workers and a long queue keeps its slots and count inside its box, the queue on a badge', async () => {
    const { graph } = await recordExample('collect.ts');
    const layout = rankLayout(graph).nodes;
    const busy = { state: 'running' as const, running: 3, queued: 4992, numWorkers: 8, done: 12, failed: 0, cancelled: 0, collect: null };
    const svg = graphToSvg(graph, layout, { steps: { stepTwo: busy } });
    checkXml(svg);
    const doc = new new Window().DOMParser().parseFromString(svg, 'image/svg+xml');
    const box = doc.querySelector('[data-id="step:stepTwo"] > rect')!;
    const right = Number(box.getAttribute('x')) + Number(box.getAttribute('width'));
    const slots = [...doc.querySelectorAll('[data-id="step:stepTwo"] > rect[height="8"]')];
    expect(slots).toHaveLength(8);
    for (const slot of slots) expect(Number(slot.getAttribute('x')) + Number(slot.getAttribute('width'))).toBeLessThan(right);
    const count = [...doc.querySelectorAll('[data-id="step:stepTwo"] > text')].find((t) => t.textContent === '3/8')!;
    // The count's 3 characters of 12 px monospace (7.3 px each) end inside the box.
    expect(Number(count.getAttribute('x')) + 3 * 7.3).toBeLessThanOrEqual(right - 8);
    const badge = doc.querySelector('[data-id="step:stepTwo"] [data-queued="4992"]')!;
    expect(badge.querySelector('text')!.textContent).toBe('4,992 queued');
    expect(badge.querySelector('title')!.textContent).toBe('4,992 invocations wait for a free worker');
    expect(svg).not.toContain('· 4992 queued');
    expect(doc.querySelector('[data-id="step:stepOne"] [data-queued]')).toBeNull();
  });

  test('an empty graph is still a valid picture', () => {
    const svg = graphToSvg({ nodes: [], edges: [] }, {});
    checkXml(svg);
    expect(svg).toContain('No graph');
  });
});
