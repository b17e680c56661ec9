import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openPlayground, setCode, setSpeed, stepNode, test } from './fixtures.ts';

/** Python starts in the runner the first time (seconds, more on a busy machine). */
const PYTHON_RUN_MS = 150_000;

const source = (path: string) => readFileSync(new URL(`../../src/${path}`, import.meta.url), 'utf8');

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText(/stopped|failed|timeout|cancelled/, { timeout: PYTHON_RUN_MS });
}

test.describe('the tutorial in Python', () => {
  test.setTimeout(300_000);

  test('in Python, an exercise starts from Python, fails, and the pasted Python solution passes the same check', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('lang-python').click();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await page.getByTestId('tutorial-button').click();
    await page.getByTestId('chapter-select').selectOption('concurrency');
    await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', 'concurrency');
    await expect(page.getByTestId('no-python')).toHaveCount(0);

    const exercise = page.locator('[data-exercise="concurrency/two-at-once"]');
    await exercise.getByTestId('start-exercise').click();
    // The starting code is the chapter's Python, and the editor stays in Python.
    await expect(page.getByTestId('editor')).toContainText('@step(num_workers=4)');
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(stepNode(page, 'step_two')).toBeVisible();
    await setSpeed(page, 10);
    await runToEnd(page);
    const result = exercise.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
    await expect(result).toContainText('the limit is 2');

    await exercise.getByTestId('show-solution').click();
    await expect(exercise.getByTestId('solution')).toContainText('@step(num_workers=2)');
    await setCode(page, source('tutorial/examples/concurrency/two-workers.py'));
    await expect(page.getByTestId('editor')).toContainText('@step(num_workers=2)');
    await runToEnd(page);
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
    await expect(result).toContainText('At most 2 step_two invocations overlapped');
    await expect(exercise.locator('.exercise-tick')).toHaveText('✓ passed');
    await page.screenshot({ path: 'screenshots/tutorial-python-passed.png' });
  });

  test('a chapter without Python says so and opens its TypeScript', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('lang-python').click();
    await page.getByTestId('tutorial-button').click();
    await page.getByTestId('chapter-select').selectOption('resources');
    await expect(page.getByTestId('no-python')).toContainText('no Python version yet');
    await page.getByTestId('load-example').click();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'typescript');
    await page.screenshot({ path: 'screenshots/tutorial-python-missing.png' });
  });
});
