import { eventNode, expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';

test.describe('the view belongs to the code in the editor', () => {
  test('another example leaves the view idle; the old run is one choice away, with its own code', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-speed').selectOption('10');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '1');

    await page.getByTestId('example-select').selectOption('collect');
    await expect(stepNode(page, 'stepThree')).toBeVisible();
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    await expect(page.getByTestId('run-result')).toHaveAttribute('data-status', '');
    await expect(page.getByTestId('console').locator('.console-line')).toHaveCount(0);
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '0');
    const history = page.getByTestId('run-history');
    await expect(history.locator('option')).toHaveText(['Earlier runs (1)', 'Run 1 · stopped · 5 events']);

    await history.selectOption({ label: 'Run 1 · stopped · 5 events' });
    await expect(page.getByTestId('editor')).toContainText('class ParallelFlow extends Workflow');
    await expect(stepNode(page, 'stepTwo')).toBeVisible();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  });

  test('an edit during a run stops it: the edited code is never drawn with the old run', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-speed').selectOption('0.25');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('running');
    await setCode(page, (await page.getByTestId('editor').locator('.cm-content').innerText()).replace('Query 1', 'Query one'));
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    await expect(page.getByTestId('stop-button')).toBeDisabled();
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-state', 'idle');
    await expect(page.getByTestId('run-history').locator('option').nth(1)).toHaveText(/^Run 1 · /);
  });
});

test('a run that logs nothing says so, and its null result shows as null', async ({ page }) => {
  await openPlayground(page);
  await setCode(
    page,
    `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Quiet extends Workflow {
  @step()
  async start(ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: null });
  }
}
await new Quiet().run();
`,
  );
  await expect(stepNode(page, 'start')).toBeVisible();
  await expect(page.getByTestId('console')).toContainText('Run the workflow to see what it logs.');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  await expect(page.getByTestId('console')).toContainText('This run logged nothing.');
  await expect(page.getByTestId('run-result')).toHaveText('null');
  await expect(page.locator('.result .badge')).toHaveText(/^2 events · /);
});
