import { expect, setSpeed, test } from './fixtures.ts';

/**
 * The page's budget in behaviour: the default example's graph ships with the page, so it shows and
 * runs before TypeScript (the language worker) or CodeMirror have loaded; the editor says it is loading.
 */
test('the first graph shows and runs before the editor and TypeScript have loaded', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const heldUrls: string[] = [];
  await page.route(/\/assets\/(language\.worker|CodeEditor)-[^/]+\.js$/, async (route) => {
    heldUrls.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="step:stepTwo"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('editor').getByRole('status')).toHaveText('Loading the editor…');
  await expect(page.getByTestId('editor')).toContainText('class ParallelFlow extends Workflow');

  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 15_000 });
  await expect(page.getByTestId('run-result')).toHaveText(/Query \d/);
  expect(heldUrls.some((url) => url.includes('CodeEditor'))).toBe(true);

  release();
  await expect(page.getByTestId('editor').locator('.cm-content')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('editor').getByRole('status')).toHaveCount(0);
});
