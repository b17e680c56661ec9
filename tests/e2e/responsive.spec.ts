import type { Page } from '@playwright/test';
import { expect, openPlayground, runAndSample, setSpeed, test } from './fixtures.ts';

/** The page's own width beyond the window's (0: no horizontal scroll), and controls cut off at the sides. */
async function overflow(page: Page): Promise<{ extra: number; cut: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = ['run-button', 'stop-button', 'run-status', 'export-button', 'share-button', 'run-input', 'scrubber', 'console']
      .filter((id) => {
        const box = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
        return !box || box.left < 0 || box.right > width + 0.5;
      });
    return { extra: document.documentElement.scrollWidth - width, cut };
  });
}

test.describe('any screen from 768 px: no horizontal scroll, nothing cut off', () => {
  for (const [width, height] of [[768, 900], [900, 700], [1024, 768], [1280, 800], [1440, 900]] as const) {
    test(`${width}x${height}: the playground, a large example and the tutorial fit the width`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page);
      expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
      await page.getByTestId('example-select').selectOption('retrieval');
      await expect(page.getByTestId('graph')).toHaveAttribute('data-layout', 'ready');
      expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
      await page.getByTestId('tutorial-button').click();
      await expect(page.getByTestId('tutorial')).toBeVisible();
      expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
      // The graph keeps a usable size when the panes stack (below 1100 px); side by side it has its pane.
      const graph = (await page.getByTestId('graph').boundingBox())!;
      expect(graph.width).toBeGreaterThan(width < 1100 ? width - 60 : 600);
      expect(graph.height).toBeGreaterThan(width < 1100 ? 300 : 180);
    });
  }
});

test.describe('stacked panes (below 1100 px) with the tutorial open', () => {
  for (const [width, height] of [[900, 700], [768, 900]] as const) {
    test(`${width}x${height}: tutorial, editor, problems and run settings follow one another, none hidden`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page);
      await page.getByTestId('tutorial-button').click();
      await expect(page.getByTestId('tutorial')).toBeVisible();
      const box = async (id: string) => (await page.getByTestId(id).boundingBox())!;
      const [tutorial, editor, problems] = [await box('tutorial'), await box('editor'), await box('diagnostics')];
      const settings = (await page.locator('.run-settings').boundingBox())!;
      // The editor keeps room to write an exercise in, below the tutorial and above what follows.
      expect(editor.height).toBeGreaterThan(240);
      expect(tutorial.y + tutorial.height).toBeLessThanOrEqual(editor.y + 0.5);
      expect(editor.y + editor.height).toBeLessThanOrEqual(problems.y + 0.5);
      expect(problems.y + problems.height).toBeLessThanOrEqual(settings.y + 0.5);
      // The tutorial's own links answer clicks: nothing lies over them.
      const chapter = await page.getByTestId('tutorial').getAttribute('data-chapter');
      const next = page.getByTestId('next-chapter');
      await next.scrollIntoViewIfNeeded();
      await next.click({ timeout: 5_000 });
      await expect(page.getByTestId('tutorial')).not.toHaveAttribute('data-chapter', chapter!);
    });
  }
});

test.describe('panes', () => {
  test('at 1280x800 the tutorial sits above the editor: the editor keeps its width', async ({ page }) => {
    await openPlayground(page);
    const before = (await page.getByTestId('editor').boundingBox())!;
    await page.getByTestId('tutorial-button').click();
    await expect(page.getByTestId('tutorial')).toBeVisible();
    const editor = (await page.getByTestId('editor').boundingBox())!;
    const tutorial = (await page.getByTestId('tutorial').boundingBox())!;
    expect(editor.width).toBeGreaterThan(420);
    expect(Math.abs(editor.width - before.width)).toBeLessThan(2);
    expect(tutorial.y + tutorial.height).toBeLessThanOrEqual(editor.y);
    expect(editor.height).toBeGreaterThan(200);
    // The graph keeps a readable width beside them.
    expect((await page.getByTestId('graph').boundingBox())!.width).toBeGreaterThan(700);
  });

  test('every divider resizes its panes, by pointer and by keyboard, and the sizes outlive a reload', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('tutorial-button').click();
    const height = async (id: string) => (await page.getByTestId(id).boundingBox())!.height;
    const width = async (id: string) => (await page.getByTestId(id).boundingBox())!.width;
    const drag = async (id: string, dx: number, dy: number) => {
      const box = (await page.getByTestId(id).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2 + dy / 2);
      await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
      await page.mouse.up();
    };

    const dock = await height('console');
    await drag('dock-splitter', 0, -120);
    await expect.poll(() => height('console')).toBeGreaterThan(dock + 100);

    const editor = await width('editor');
    await drag('code-splitter', 100, 0);
    await expect.poll(() => width('editor')).toBeGreaterThan(editor + 80);

    const tutorial = await height('tutorial');
    await page.getByTestId('tutorial-splitter').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(() => height('tutorial')).toBeLessThan(tutorial - 40);

    const result = await width('run-result');
    await drag('result-splitter', -80, 0);
    await expect.poll(() => width('run-result')).toBeGreaterThan(result + 60);

    const sizes = { console: await height('console'), editor: await width('editor'), tutorial: await height('tutorial'), 'run-result': await width('run-result') };
    await page.waitForTimeout(500);
    await page.reload();
    await expect(page.getByTestId('editor').locator('.cm-content')).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('tutorial-button').click();
    for (const [id, size] of Object.entries(sizes)) {
      const now = id === 'editor' || id === 'run-result' ? await width(id) : await height(id);
      expect(Math.abs(now - size), id).toBeLessThan(3);
    }
    // Double-click puts a divider back: the dock is as high as it first was.
    await page.getByTestId('dock-splitter').dblclick();
    await expect.poll(() => height('console')).toBeLessThan(dock + 3);
    expect(await height('console')).toBeLessThan(sizes.console - 60);
  });
});

test.describe('the graph keeps its room once a run is shown', () => {
  // Measured before the time-travel buttons moved into the playback bar: 232 px at 1280x800.
  for (const [width, height, least] of [[1280, 800, 320], [900, 700, 400]] as const) {
    test(`${width}x${height}: after a run, with its time-travel buttons, the graph is at least ${least} px high`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page, 'parallel');
      await setSpeed(page, 10);
      await page.getByTestId('run-button').click();
      await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
      await expect(page.getByTestId('rerun-exactly')).toBeVisible();
      // The time-travel buttons share the playback bar's second row: no row of their own.
      const bar = (await page.getByTestId('scrubber').boundingBox())!;
      const rerun = (await page.getByTestId('rerun-exactly').boundingBox())!;
      expect(rerun.y).toBeGreaterThanOrEqual(bar.y);
      expect(rerun.y + rerun.height).toBeLessThanOrEqual(bar.y + bar.height);
      expect((await page.getByTestId('graph').boundingBox())!.height).toBeGreaterThanOrEqual(least);
      expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
      // Opening "Why is it stuck?" takes room under the bar, not from the bar's row.
      await page.getByTestId('why-stuck-open').click();
      await expect(page.getByTestId('why-stuck-open')).toHaveAttribute('aria-expanded', 'true');
      expect((await page.getByTestId('graph').boundingBox())!.height).toBeGreaterThanOrEqual(width < 1100 ? least : 220);
    });
  }

  test('in a short window the run details give way before the graph does', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 640 });
    await openPlayground(page, 'parallel');
    const graph = (await page.getByTestId('graph').boundingBox())!;
    expect(graph.height).toBeGreaterThanOrEqual(220);
    expect((await page.getByTestId('console').boundingBox())!.height).toBeGreaterThan(60);
    expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
  });
});

test.describe('chapter titles are never cut in the chapter list', () => {
  for (const [width, height] of [[1280, 800], [900, 700], [768, 900]] as const) {
    test(`${width}x${height}: every chapter's title fits the closed list`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page);
      await page.getByTestId('tutorial-button').click();
      const select = page.getByTestId('chapter-select');
      await expect(select).toBeVisible();
      // The text each option shows when chosen, measured in the list's own font, against the room left of its arrow.
      const cut = await select.evaluate((el: HTMLSelectElement) => {
        const style = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 22;
        return [...el.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => `${o.text} (${Math.round(ctx.measureText(o.text).width)} > ${Math.round(room)})`);
      });
      expect(cut).toEqual([]);
    });
  }
});

test.describe('the graph holds its size while a run goes live and ends, and while scrubbing back', () => {
  // The controls under the graph change while the runner is live ("Pause run" comes and goes); if
  // they wrap onto another row, the graph shrinks and re-fits at every Run and again when it ends.
  for (const [width, height] of [[1280, 800], [1024, 768], [900, 700]] as const) {
    test(`${width}x${height}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page, 'parallel');
      await setSpeed(page, 10);
      const heights = await runAndSample<number>(page, `Math.round(document.querySelector('[data-testid="graph"]').getBoundingClientRect().height)`);
      expect(new Set(heights).size, `graph heights seen: ${[...new Set(heights)].join(', ')}`).toBe(1);
      // Scrubbing back from the end shows the moment's state ("at this moment: running") as well.
      const graphHeight = async () => Math.round((await page.getByTestId('graph').boundingBox())!.height);
      const atEnd = await graphHeight();
      for (let i = 0; i < 6; i++) await page.getByTestId('replay-back').click();
      await expect(page.getByTestId('cursor-moment')).toBeVisible();
      expect(await graphHeight()).toBe(atEnd);
      await expect(page.getByTestId('cursor-moment')).toBeInViewport();
    });
  }
});

test('1280x800: the runs list keeps every run\'s buttons in view beside the result panel, code that differs included', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlayground(page, 'parallel');
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  // The second run is of other code: the first one's row then says its code differs from the editor.
  await page.getByTestId('editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n// another version\n');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  await page.getByTestId('dock-tab-runs').click();
  await expect(page.getByTestId('run-code-differs')).toBeVisible();
  const panel = (await page.getByTestId('runs-panel').boundingBox())!;
  for (const button of await page.getByTestId('run-show').all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width, 'the Show button ends inside the panel').toBeLessThanOrEqual(panel.x + panel.width);
  }
  expect(await page.getByTestId('runs-panel').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
});
