import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openPlayground, test } from './fixtures.ts';
import { runToEnd } from './inspectHelpers.ts';

async function exported(page: Page, item: string): Promise<{ name: string; data: Buffer }> {
  await page.getByTestId('export-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`export-${item}`).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), data: await readFile((await download.path())!) };
}

test.describe('exports', () => {
  test('the graph as SVG and PNG, as it looks: nodes, edges and run state', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    const svg = await exported(page, 'svg');
    expect(svg.name).toBe('parallel-flow.svg');
    const text = svg.data.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const name of ['start', 'stepTwo', 'StartEvent', 'StepTwoEvent', 'StopEvent']) expect(text).toContain(`>${name}<`);
    // Four edges, each a path with an arrowhead.
    expect((text.match(/data-edge=/g) ?? []).length).toBe(4);
    expect((text.match(/<polygon /g) ?? []).length).toBeGreaterThanOrEqual(4);

    const png = await exported(page, 'png');
    expect(png.name).toBe('parallel-flow.png');
    expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.data.readUInt32BE(16);
    const height = png.data.readUInt32BE(20);
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(60);
    // Not a blank image: a PNG of one colour compresses to almost nothing.
    expect(png.data.length).toBeGreaterThan(8_000);
  });

  test('the open menu lies over the graph: the bar above it keeps its place', async ({ page }) => {
    await openPlayground(page, 'parallel');
    const zoom = page.locator('.graph-top .react-flow__controls');
    const legend = page.locator('.graph-legend');
    const before = [(await zoom.boundingBox())!, (await legend.boundingBox())!];
    await page.getByTestId('export-button').click();
    await expect(page.getByTestId('export-svg')).toBeVisible();
    expect([(await zoom.boundingBox())!, (await legend.boundingBox())!]).toEqual(before);
    // Where it lies over the graph the menu is on top: the point at its last item's middle is that item.
    const last = page.getByTestId('export-project');
    const box = (await last.boundingBox())!;
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'), { x: box.x + box.width / 2, y: box.y + box.height / 2 })).toBe('export-project');
  });

  test('the graph as Mermaid and JSON, the trace as JSON, the code as .ts', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    const mermaid = await exported(page, 'mermaid');
    expect(mermaid.name).toBe('parallel-flow.mmd');
    expect(mermaid.data.toString('utf8')).toMatch(/^flowchart/m);
    expect(mermaid.data.toString('utf8')).toContain('stepTwo');

    const graph = await exported(page, 'graph-json');
    const model = JSON.parse(graph.data.toString('utf8')) as { nodes: { id: string }[]; edges: unknown[]; positions: Record<string, unknown> };
    expect(model.nodes.map((n) => n.id).sort()).toEqual(['event:StartEvent', 'event:StepTwoEvent', 'event:StopEvent', 'step:start', 'step:stepTwo']);
    expect(model.edges).toHaveLength(4);
    expect(Object.keys(model.positions)).toHaveLength(5);

    const trace = await exported(page, 'trace-json');
    expect(trace.name).toBe('parallel-flow.trace.json');
    const records = JSON.parse(trace.data.toString('utf8')) as { kind: string }[];
    expect(records[0]!.kind).toBe('run.started');
    expect(records.some((r) => r.kind === 'run.finished')).toBe(true);
    expect(String(records.length)).toBe(await page.getByTestId('scrubber').getAttribute('data-total'));

    const code = await exported(page, 'code');
    expect(code.name).toBe('parallel-flow.ts');
    expect(code.data.toString('utf8')).toContain('class ParallelFlow extends Workflow');
  });
});
