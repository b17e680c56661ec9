import { expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';

test.describe('the graph follows the code', () => {
  test('opens on the parallel example with its graph', async ({ page }) => {
    await openPlayground(page);
    await expect(page.getByTestId('editor')).toContainText('class ParallelFlow extends Workflow');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    for (const id of ['step:start', 'step:stepTwo', 'event:StartEvent', 'event:StepTwoEvent', 'event:StopEvent']) {
      await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeVisible();
    }
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-state', 'idle');
  });

  test('typing a new step adds it to the graph, and dragged nodes stay where they were put', async ({ page }) => {
    await openPlayground(page, 'parallel');
    const start = stepNode(page, 'start');
    const before = (await start.boundingBox())!;
    await page.mouse.move(before.x + 40, before.y + 20);
    await page.mouse.down();
    await page.mouse.move(before.x + 40, before.y + 140, { steps: 8 });
    await page.mouse.up();
    const dragged = (await start.boundingBox())!;
    expect(dragged.y - before.y).toBeGreaterThan(60);
    // Where the node sits in the graph (the view may be fitted again after a new layout).
    const placed = () => start.evaluate((el) => (el as HTMLElement).style.transform);
    const draggedTo = await placed();

    // Rename stepTwo the way a user would: double-click the name and type over it.
    const name = page.getByTestId('editor').locator('.cm-line', { hasText: 'async stepTwo(' }).getByText('stepTwo', { exact: true });
    await name.dblclick();
    await page.keyboard.type('slowQuery', { delay: 30 });

    await expect(stepNode(page, 'slowQuery')).toBeVisible();
    await expect(stepNode(page, 'stepTwo')).toHaveCount(0);
    await expect(page.locator('.react-flow__edge[data-id="event:StepTwoEvent->step:slowQuery"]')).toHaveCount(1);
    // The structure changed and was laid out again, but the node the user moved kept its place.
    await expect(page.getByTestId('graph')).toHaveAttribute('data-layout', 'ready');
    expect(await placed()).toBe(draggedTo);
  });

  test('a sent but undeclared event is drawn dashed', async ({ page }) => {
    await openPlayground(page, 'parallel');
    const source = (await page.getByTestId('editor').locator('.cm-content').innerText());
    await setCode(page, source.replace('Promise<StepTwoEvent | null>', 'Promise<null>'));
    await expect(page.locator('.react-flow__edge[data-id="step:start->event:StepTwoEvent"] .flow-edge.dashed')).toHaveCount(1);
  });

  test('selecting a step node selects its method, and the cursor in a step highlights its node', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await stepNode(page, 'stepTwo').click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('async stepTwo');
    await expect(stepNode(page, 'stepTwo').locator('.step-node')).toHaveClass(/is-selected/);

    await page.getByTestId('editor').locator('.cm-line', { hasText: 'ctx.sendEvent(new StepTwoEvent({ query: "Query 2" }))' }).click();
    await expect(stepNode(page, 'start').locator('.step-node')).toHaveClass(/is-selected/);
    await expect(stepNode(page, 'stepTwo').locator('.step-node')).not.toHaveClass(/is-selected/);
  });
});

test.describe('the code of a node, shown from the graph', () => {
  // The step's method is below the first screenful of the editor at both sizes.
  for (const [width, height] of [[1280, 800], [900, 700]] as const) {
    test(`${width}x${height}: the editor scrolls to the method, the page stays on the graph`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page, 'retrieval');
      await expect(page.getByTestId('graph')).toHaveAttribute('data-layout', 'ready');
      await page.getByTestId('graph').scrollIntoViewIfNeeded();
      // The last step node drawn inside the graph's pane (others may be past its edge).
      const pane = (await page.getByTestId('graph').boundingBox())!;
      let node = page.locator('.react-flow__node[data-id^="step:"]').first();
      for (const candidate of await page.locator('.react-flow__node[data-id^="step:"]').all()) {
        const b = await candidate.boundingBox();
        if (b && b.x >= pane.x && b.x + b.width <= pane.x + pane.width && b.y >= pane.y && b.y + b.height <= pane.y + pane.height) node = candidate;
      }
      const step = (await node.getAttribute('data-id'))!.slice('step:'.length);
      const scrolled = await page.evaluate(() => window.scrollY);
      await node.click();
      // The selected method is in the editor's view...
      const line = page.getByTestId('editor').locator('.cm-line', { hasText: `async ${step}(` });
      await expect(line).toBeVisible();
      const scroller = (await page.getByTestId('editor').locator('.cm-scroller').boundingBox())!;
      const box = (await line.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(scroller.y);
      expect(box.y + box.height).toBeLessThanOrEqual(scroller.y + scroller.height);
      // ...and the page did not move away from the graph.
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
      await expect(node).toBeInViewport();
    });
  }
});

test.describe('the editor knows the flowplay API', () => {
  test('completes members of the context and shows types on hover', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('editor').locator('.cm-line', { hasText: 'console.log("Running slow query' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ctx.send', { delay: 40 });
    const options = page.locator('.cm-tooltip-autocomplete li');
    await expect(options.first()).toHaveText('sendEvent');
    await page.keyboard.press('Escape');

    // Hover the word `sleep` in `await sleep(randint(1, 5));`.
    const box = await page.evaluate(() => {
      const line = [...document.querySelectorAll('.cm-line')].find((el) => el.textContent?.includes('await sleep(randint'))!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('sleep');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 5);
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
      return null;
    });
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    await expect(page.locator('.ts-hover')).toContainText('sleep(seconds: number');
    await expect(page.locator('.ts-hover')).toContainText('Promise<void>');
  });
});
