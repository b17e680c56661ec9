import { eventNode, expect, openPlayground, stepNode, test } from './fixtures.ts';

test.describe('keyboard and screen readers', () => {
  test('dock tabs move with the arrow keys and name their panel', async ({ page }) => {
    await openPlayground(page, 'parallel');
    const console = page.getByTestId('dock-tab-console');
    await console.focus();
    await page.keyboard.press('ArrowRight');
    const timeline = page.getByTestId('dock-tab-timeline');
    await expect(timeline).toBeFocused();
    await expect(timeline).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Timeline' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('tabpanel', { name: 'Runs' })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tabpanel', { name: 'Inspector' })).toBeVisible();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await expect(console).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Console' })).toBeVisible();
    // Only the selected tab is a tab stop.
    await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  });

  test('Tab never lands on an anonymous graph edge, and every stop shows where focus is', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-button').focus();
    const stops: { name: string; outline: boolean }[] = [];
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          const ring = (el: Element) => {
            const style = getComputedStyle(el);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
          };
          // The editor draws its focus ring on its frame, around the text that has the focus.
          const frame = active.closest('.cm-editor');
          const el = active;
          const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || el.getAttribute('data-testid') || el.className.toString();
          return { name: `${el.tagName.toLowerCase()}${el.closest('.react-flow__edge') ? ' (edge)' : ''}: ${name}`, outline: ring(el) || (frame !== null && ring(frame)) };
        }),
      );
    }
    expect(stops.filter((stop) => stop.name.includes('(edge)'))).toEqual([]);
    // Past the last stop the browser's own controls have the focus (the page's body, from inside it).
    stops.splice(0, stops.length, ...stops.filter((stop) => !stop.name.startsWith('body')));
    expect(stops.filter((stop) => !stop.outline).map((stop) => stop.name)).toEqual([]);
  });

  test('Enter on a focused graph node does what a click does: a step shows its code, an event node its events', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await stepNode(page, 'stepTwo').focus();
    await page.keyboard.press('Enter');
    await expect(stepNode(page, 'stepTwo').locator('.step-node')).toHaveClass(/is-selected/);
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('async stepTwo');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
    await eventNode(page, 'StepTwoEvent').focus();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-selection', 'eventType:StepTwoEvent');
  });

  test('the help menu lists the shortcuts and links to the LlamaIndex Workflows docs', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('help-button').click();
    const menu = page.getByTestId('help-menu');
    await expect(menu).toContainText('Run the workflow');
    await expect(menu).toContainText('Stop the run');
    await expect(page.getByTestId('docs-link')).toHaveAttribute('href', /^https:\/\/docs\.llamaindex\.ai\/.*workflow/);
  });

  test('Escape from inside the Share and Help popovers gives the focus back to their buttons', async ({ page }) => {
    await openPlayground(page);
    for (const [button, panel] of [['share-button', 'share-panel'], ['help-button', 'help-menu']] as const) {
      await page.getByTestId(button).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId(panel)).toBeVisible();
      await page.getByTestId(panel).locator('button, input, a').first().focus();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(panel)).toBeHidden();
      await expect(page.getByTestId(button)).toBeFocused();
    }
  });

  test('the breakpoint dot is a target of at least 24 px and shows when it is on', async ({ page }) => {
    await openPlayground(page, 'parallel');
    const dot = stepNode(page, 'stepTwo').getByTestId('breakpoint-toggle');
    const target = await dot.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const before = getComputedStyle(el, '::before');
      return { width: box.width - 2 * parseFloat(before.left), height: box.height - 2 * parseFloat(before.top) };
    });
    expect(target.width).toBeGreaterThanOrEqual(24);
    expect(target.height).toBeGreaterThanOrEqual(24);
    // Clicking just outside the dot itself still toggles it.
    const box = (await dot.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y - 4);
    await expect(dot).toHaveAttribute('aria-pressed', 'true');
  });
});
