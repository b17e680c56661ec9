import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { EXAMPLE_ENTRIES } from '../../src/tutorial/examplesMenu.ts';
import { expect, openPlayground, setCode, test } from './fixtures.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** Every example and chapter file: the menu's examples open by link, the rest are pasted in. */
const MENU = new Map(EXAMPLE_ENTRIES.map((entry) => [entry.path, entry.id]));
const ALL = [...files(join(SRC, 'examples')), ...files(join(SRC, 'tutorial/examples'))].sort();

/**
 * Asks the edges as drawn (their SVG paths, sampled every 2 px in screen coordinates) whether they
 * pass through any node's box, their own ends included. Also reports an edge whose last stretch does
 * not arrive at its target's left side from the left, where its arrowhead would be hidden.
 */
async function edgeProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((el) => ({ id: el.getAttribute('data-id')!, r: el.getBoundingClientRect() }));
    const problems = new Set<string>();
    for (const edge of document.querySelectorAll('.react-flow__edge')) {
      const id = edge.getAttribute('data-id') ?? '?';
      const path = edge.querySelector<SVGPathElement>('path.flow-edge-path');
      const m = path?.getScreenCTM();
      if (!path || !m) {
        problems.add(`${id}: not drawn`);
        continue;
      }
      const len = path.getTotalLength();
      const at = (d: number) => {
        const p = path.getPointAtLength(d);
        return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
      };
      for (let d = 0; d <= len; d += 2) {
        const { x, y } = at(d);
        for (const node of nodes) {
          const r = node.r;
          if (x > r.left + 2 && x < r.right - 2 && y > r.top + 2 && y < r.bottom - 2) problems.add(`${id} crosses ${node.id}`);
        }
      }
      const target = nodes.find((node) => node.id === edge.querySelector('[data-target]')?.getAttribute('data-target'));
      const end = at(len);
      const before = at(Math.max(0, len - 6));
      if (!(end.x - before.x > 1)) problems.add(`${id}: does not arrive from the left`);
      if (target && Math.abs(end.x - target.r.left) > 8) problems.add(`${id}: ends ${Math.round(end.x - target.r.left)} px from its target`);
      if (path.getAttribute('marker-end') === null) problems.add(`${id}: no arrowhead`);
    }
    return [...problems];
  });
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('graph')).toHaveAttribute('data-layout', 'ready', { timeout: 15_000 });
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test.describe('graph layout: no rendered edge crosses a node', () => {
  for (const path of ALL) {
    test(path, async ({ page }) => {
      const id = MENU.get(path);
      if (id) {
        await openPlayground(page, id);
      } else {
        await openPlayground(page);
        const source = readFileSync(join(SRC, path), 'utf8');
        await setCode(page, source);
        // The pasted file's own steps are drawn, and only they.
        // A decorator's options may hold calls of their own (retryPolicy(waitFixed(1), ...)): parentheses
        // are matched three deep. Error steps (@catchError) are steps of the graph too.
        const options = String.raw`(?:\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))?`;
        const decorated = new RegExp(String.raw`@(?:step|catchError)${options}\s*(?:async\s+)?(\w+)`, 'g');
        const steps = [...source.matchAll(decorated)].map((m) => `step:${m[1]}`).sort();
        expect(steps.length).toBeGreaterThan(0);
        await expect
          .poll(() => page.locator('.react-flow__node[data-id^="step:"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')).sort()), { timeout: 15_000 })
          .toEqual(steps);
      }
      await settled(page);
      expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
      expect(await edgeProblems(page)).toEqual([]);
    });
  }

  test('a dragged node takes its edges along, and Reset layout puts it back', async ({ page }) => {
    await openPlayground(page, 'branches-and-loops');
    await settled(page);
    const node = page.locator('.react-flow__node[data-id="event:DraftEvent"]');
    // The node's place in the graph (its transform), not on screen: dragging near the pane's border
    // pans the view, which moves every node on screen without changing the layout.
    const placed = () => node.evaluate((el) => (el as HTMLElement).style.transform);
    const before = await placed();
    const box = await node.boundingBox();
    await expect(page.getByTestId('reset-layout')).toBeDisabled();
    await node.hover();
    await page.mouse.down();
    // A short drag that stays inside the pane, so the view does not pan while the node moves.
    await page.mouse.move(box!.x - 60, box!.y + 40, { steps: 8 });
    await page.mouse.up();
    expect(await placed()).not.toBe(before);
    await page.getByTestId('reset-layout').click();
    await expect.poll(placed).toBe(before);
    expect(await edgeProblems(page)).toEqual([]);
  });

  test('Reset layout after a drag that panned the view puts the node back and the view where it first was', async ({ page }) => {
    await openPlayground(page, 'branches-and-loops');
    await settled(page);
    const node = page.locator('.react-flow__node[data-id="event:DraftEvent"]');
    const placed = () => node.evaluate((el) => (el as HTMLElement).style.transform);
    const viewport = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const before = await placed();
    const view = await viewport();
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const box = (await node.boundingBox())!;
    await node.hover();
    await page.mouse.down();
    // Held against the pane's bottom-right corner, React Flow pans the view along as it drags.
    await page.mouse.move(pane.x + pane.width - 6, pane.y + pane.height - 6, { steps: 10 });
    await page.waitForTimeout(600);
    await page.mouse.up();
    expect(await viewport()).not.toBe(view);
    expect(await placed()).not.toBe(before);
    await page.getByTestId('reset-layout').click();
    await expect.poll(placed).toBe(before);
    await expect.poll(viewport).toBe(view);
    await expect(node).toBeInViewport();
    expect((await node.boundingBox())!.x).toBeCloseTo(box.x, 0);
    expect(await edgeProblems(page)).toEqual([]);
  });
});

/**
 * What the first look shows: nodes cut by the pane's near sides, under the bar on top (legend, any
 * notice, zoom controls, Export) or under a "N more" button, the zoom, how many nodes are whole in
 * view, and the "more" hints shown. A node cut by a far side (right, bottom) is listed apart, with
 * that side: the fit accepts one there when no zoom up to 1.2 ends the pane between nodes.
 */
async function firstLook(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const covers = [...document.querySelectorAll('.graph-legend, .graph-notice, .graph-top .react-flow__controls, [data-testid="export-button"], .graph-more-button')].map((el) => el.getBoundingClientRect());
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const cut: string[] = [];
    const farCut: { node: string; side: 'right' | 'down' }[] = [];
    let shown = 0;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const id = el.getAttribute('data-id')!;
      const r = el.getBoundingClientRect();
      const inside = r.left >= pane.left - 0.5 && r.right <= pane.right + 0.5 && r.top >= pane.top - 0.5 && r.bottom <= pane.bottom + 0.5;
      const outside = r.left >= pane.right - 0.5 || r.right <= pane.left + 0.5 || r.top >= pane.bottom - 0.5 || r.bottom <= pane.top + 0.5;
      const nearCut = r.left < pane.left - 0.5 || r.top < pane.top - 0.5;
      if (inside) shown++;
      if (outside) continue;
      if (!inside && nearCut) cut.push(`${id} cut by the pane's left or top`);
      else if (!inside) farCut.push({ node: id, side: r.right > pane.right + 0.5 ? 'right' : 'down' });
      if (covers.some((c) => overlaps(r, c))) cut.push(`${id} under the bar on top or a "more" button`);
    }
    const hints = [...document.querySelectorAll('[data-testid^="graph-more-"]')].map((el) => el.getAttribute('data-testid')!.replace('graph-more-', ''));
    return { zoom, cut, farCut, shown, total: document.querySelectorAll('.react-flow__node').length, hints };
  });
}

/** Waits for the fit that follows a change of the pane's size (it comes a moment after the resize settles). */
async function refitted(page: Page): Promise<void> {
  await page.waitForTimeout(450);
  await settled(page);
}

test.describe('the first look at a graph: all of it, or a readable start that scrolls, nothing under the bar or a hint', () => {
  for (const entry of EXAMPLE_ENTRIES) {
    test(`${entry.id}: 1280x800, with the tutorial, 900x700, dark`, async ({ page }) => {
      await openPlayground(page, entry.id);
      await settled(page);
      const looks: [string, () => Promise<void>][] = [
        ['1280x800', async () => undefined],
        ['1280x800 with the tutorial', async () => {
          await page.getByTestId('tutorial-button').click();
          await expect(page.getByTestId('tutorial')).toBeVisible();
        }],
        ['900x700', async () => {
          await page.getByRole('button', { name: 'Close the tutorial' }).click();
          await page.setViewportSize({ width: 900, height: 700 });
        }],
        ['900x700 dark', async () => page.emulateMedia({ colorScheme: 'dark' })],
        ['1280x800 dark', async () => page.setViewportSize({ width: 1280, height: 800 })],
      ];
      for (const [name, change] of looks) {
        await change();
        await refitted(page);
        const seen = await firstLook(page);
        expect(seen.cut, name).toEqual([]);
        // A node cut by a far side is under that side's fade and hint, which scrolls it into view.
        for (const { node, side } of seen.farCut) expect(seen.hints, `${name}: ${node}`).toContain(side);
        expect(seen.zoom, name).toBeGreaterThanOrEqual(0.8 - 1e-6);
        expect(seen.zoom, name).toBeLessThanOrEqual(1.2 + 1e-6);
        expect(seen.shown, name).toBeGreaterThan(1);
        // Whatever is not in view is announced on its side.
        if (seen.shown < seen.total) expect(seen.hints.length, name).toBeGreaterThan(0);
        else expect(seen.hints, name).toEqual([]);
      }
    });
  }

  test('a graph too long to read whole says how much more there is, and the hint scrolls there', async ({ page }) => {
    await openPlayground(page, 'agent-loop');
    await settled(page);
    const more = page.getByTestId('graph-more-right');
    await expect(more).toBeVisible();
    const before = await firstLook(page);
    const count = Number((await more.textContent())!.match(/\d+/)![0]);
    expect(count).toBe(before.total - before.shown);
    await expect(page.locator('.react-flow__node[data-id="event:StopEvent"]')).not.toBeInViewport();
    await more.getByRole('button').click();
    await expect(page.locator('.react-flow__node[data-id="event:StopEvent"]')).toBeInViewport();
    // Scrolled on, the start is now the part out of view, and the hint on the left goes back.
    await expect(page.getByTestId('graph-more-left')).toBeVisible();
    await page.getByTestId('graph-more-left').getByRole('button').click();
    await expect(page.locator('.react-flow__node[data-id="event:StartEvent"]')).toBeInViewport();
  });

  test('the fit button gives the readable first look back; pressed again it shows all of the graph, and again the first look', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 700 });
    await openPlayground(page, 'agent-loop');
    await settled(page);
    const first = await firstLook(page);
    expect(first.shown).toBeLessThan(first.total);
    const viewport = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const atFirst = await viewport();
    // Scrolled away, the fit comes back to the first look, not to the whole graph.
    await page.getByTestId('graph-more-right').getByRole('button').click();
    await expect.poll(viewport).not.toBe(atFirst);
    await page.getByTestId('fit-view').click();
    await expect.poll(viewport).toBe(atFirst);
    // Pressed again, with the view still there: all of it, below the bar, smaller than readable.
    await page.getByTestId('fit-view').click();
    await expect.poll(async () => (await firstLook(page)).shown).toBe(first.total);
    const whole = await firstLook(page);
    expect(whole.zoom).toBeLessThan(0.8);
    expect(whole.cut).toEqual([]);
    expect(whole.hints).toEqual([]);
    // And once more: the readable first look.
    await page.getByTestId('fit-view').click();
    await expect.poll(viewport).toBe(atFirst);
  });

  test('the grid keeps its place on the graph as it is zoomed and panned: a dot every 20 units of graph space', async ({ page }) => {
    await openPlayground(page, 'agent-loop');
    await settled(page);
    /** The viewport's translation and zoom, and the grid's tile and offset, in screen pixels. */
    const read = () =>
      page.evaluate(() => {
        const [x, y, zoom] = ((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform.match(/-?[\d.]+/g) ?? []).map(Number);
        const grid = getComputedStyle(document.querySelector('[data-testid="graph-grid"]')!);
        const [tile] = grid.backgroundSize.split(' ').map(parseFloat);
        const [left, top] = grid.backgroundPosition.split(' ').map(parseFloat);
        return { x: x!, y: y!, zoom: zoom!, tile: tile!, left: left!, top: top! };
      });
    // A dot sits at the corner of each tile (half a tile before its offset): graph point (0, 0) is a
    // dot wherever the view goes, so its screen point is a whole number of tiles from a dot.
    const onGrid = (v: Awaited<ReturnType<typeof read>>) => {
      const off = (a: number) => Math.min(((a % v.tile) + v.tile) % v.tile, v.tile - (((a % v.tile) + v.tile) % v.tile));
      return { tile: v.tile / v.zoom, x: off(v.x - v.left - v.tile / 2), y: off(v.y - v.top - v.tile / 2) };
    };
    const before = await read();
    expect(onGrid(before).tile).toBeCloseTo(20, 3);
    await page.locator('.react-flow__controls-zoomin').click();
    await expect.poll(async () => (await read()).zoom).toBeGreaterThan(before.zoom);
    await page.getByTestId('graph-more-right').getByRole('button').click();
    await expect.poll(async () => (await read()).x).not.toBeCloseTo(before.x, 0);
    const after = onGrid(await read());
    expect(after.tile).toBeCloseTo(20, 3);
    expect(after.x).toBeLessThan(0.01);
    expect(after.y).toBeLessThan(0.01);
  });

  test('the legend stays while the last good graph is shown, below the notice, and the graph moves down clear of both', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await settled(page);
    await setCode(page, 'import { Workflow } from "flowplay";\nclass Broken extends Workflow {\n  async step(');
    await expect(page.locator('.graph-notice')).toContainText('Showing the last good graph');
    await expect(page.locator('.graph-legend')).toBeVisible();
    const [notice, legend] = await Promise.all([page.locator('.graph-notice').boundingBox(), page.locator('.graph-legend').boundingBox()]);
    expect(legend!.y).toBeGreaterThanOrEqual(notice!.y + notice!.height - 0.5);
    await refitted(page);
    await expect.poll(async () => (await firstLook(page)).cut).toEqual([]);
    await page.screenshot({ path: 'screenshots/graph-last-good-legend.png' });
  });

  test('in a narrow graph pane the first look stays at 1.2 at most: a node cut by the far side has its hint, and none is under it', async ({ page }) => {
    await openPlayground(page, 'different-types');
    await settled(page);
    // The editor widened until the graph pane is about 500 px across.
    const box = (await page.getByTestId('code-splitter').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 150, box.y + box.height / 2);
    await page.mouse.move(box.x + 300, box.y + box.height / 2);
    await page.mouse.up();
    for (const id of ['different-types', 'retrieval']) {
      if (id !== 'different-types') await openPlayground(page, id);
      await refitted(page);
      const pane = (await page.locator('.react-flow').boundingBox())!;
      expect(pane.width, id).toBeLessThan(560);
      const seen = await firstLook(page);
      expect(seen.zoom, id).toBeGreaterThanOrEqual(0.8 - 1e-6);
      expect(seen.zoom, id).toBeLessThanOrEqual(1.2 + 1e-6);
      expect(seen.cut, id).toEqual([]);
      for (const { node, side } of seen.farCut) expect(seen.hints, `${id}: ${node}`).toContain(side);
      expect(seen.shown, id).toBeGreaterThan(1);
      await page.getByTestId('graph').screenshot({ path: `screenshots/graph-narrow-${id}.png` });
    }
  });

  test('a graph that reads whole is shown whole, with no hint', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await settled(page);
    const seen = await firstLook(page);
    expect(seen.shown).toBe(seen.total);
    expect(seen.hints).toEqual([]);
  });
});
