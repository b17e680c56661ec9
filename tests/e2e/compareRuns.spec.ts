import { eventNode, expect, openPlayground, stepNode, test } from './fixtures.ts';

test('same code, another seed: two seeds of the parallel example compared, the first difference named', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page, 'parallel');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-seed').fill('1');
  // One click from the seed box: a run with seed 1 (none of this code yet), then one with seed 2, compared.
  await page.getByTestId('another-seed').click();
  await expect(page.getByTestId('run-seed')).toHaveValue('2', { timeout: 30_000 });
  const compare = page.getByTestId('compare');
  await expect(compare).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('dock-tab-runs')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('compare-settings')).toHaveText('seed 1 → 2');
  const first = page.getByTestId('compare-first-difference');
  await expect(first).toHaveAttribute('data-step', 'stepTwo');
  await expect(first).toContainText('First difference (after 13 identical records, the settings above aside): Record 14: in run 1 stepTwo #2 finished at 1.00 s; in run 2 stepTwo #4 finished at 1.00 s.');
  await expect(page.getByTestId('compare-endings')).toHaveText('Run 1: stopped with "Query 1" at 1.00 s. Run 2: stopped with "Query 3" at 1.00 s.');
  const stop = page.getByTestId('compare-event').filter({ hasText: 'StopEvent #1' });
  await expect(stop).toContainText('{"result":"Query 1"}');
  await expect(stop).toContainText('{"result":"Query 3"}');
  await expect(stop).toContainText('payload');
  await expect(page.getByTestId('compare-timeline').locator('rect')).toHaveCount(8);
  // The records are lined up by what they are about, so only what went differently is counted and outlined.
  await expect(page.getByTestId('compare-differing')).toHaveText(/^\d+ records differ in all\.$/);
  const outlined = page.getByTestId('compare-timeline').locator('rect[data-mark="differs"]');
  await expect(outlined.first()).toBeVisible();
  expect(await outlined.count()).toBeLessThan(8);
  await expect(page.getByTestId('compare-timeline').locator('g[data-step="start"] rect[data-mark="same"]')).toHaveCount(2);

  // The graph says where the second run went differently.
  await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-compare', 'differs');
  await expect(stepNode(page, 'start')).toHaveAttribute('data-compare', 'same');
  await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-compare', 'differs');
  await expect(eventNode(page, 'StepTwoEvent')).toHaveAttribute('data-compare', 'same');

  // The two runs are in the list, with their seeds; the comparison can be turned around.
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Run 2');
  await expect(rows.nth(0)).toContainText('on screen');
  await expect(rows.nth(1)).toContainText('Run 1');
  await page.screenshot({ path: 'screenshots/compare-seeds.png' });
  await page.setViewportSize({ width: 900, height: 700 });
  await compare.screenshot({ path: 'screenshots/compare-seeds-900.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await compare.screenshot({ path: 'screenshots/compare-seeds-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('compare-first').selectOption('2');
  await expect(page.getByTestId('compare')).toHaveCount(0);
  await page.getByTestId('compare-second').selectOption('1');
  await expect(page.getByTestId('compare-settings')).toHaveText('seed 2 → 1');

  // Leaving the tab leaves the graph as it was.
  await page.getByTestId('dock-tab-console').click();
  await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-compare', 'none');
});
