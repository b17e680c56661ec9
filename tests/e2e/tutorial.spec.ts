import type { Page } from '@playwright/test';
import { expect, setSpeed, stepNode, test } from './fixtures.ts';

async function openChapter(page: Page, id: string): Promise<void> {
  await page.goto(`/#chapter/${id}`);
  await expect(page.getByTestId('tutorial')).toBeVisible();
  await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', id);
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText(/stopped|failed|timeout|cancelled/, { timeout: 30_000 });
}

test.describe('the tutorial', () => {
  test('a chapter link opens the chapter beside the editor with its example loaded', async ({ page }) => {
    await openChapter(page, 'branches-and-loops');
    const tutorial = page.getByTestId('tutorial');
    await expect(tutorial.locator('h2')).toContainText('Branches and loops');
    // Inline code and lists are elements, not raw Markdown.
    await expect(tutorial.locator('.chapter-text code').first()).toBeVisible();
    await expect(tutorial.locator('.chapter-text li').first()).toBeVisible();
    await expect(tutorial.locator('.chapter-text')).not.toContainText('`');
    await expect(page.getByTestId('editor')).toContainText('class EssayFlow extends Workflow');
    await expect(stepNode(page, 'review')).toBeVisible();
    // The graph stays usable beside the panel: labels at a readable size, the flow's start in view,
    // and what does not fit a scroll away (rather than every label shrunk to a few pixels).
    const graph = (await page.getByTestId('graph').boundingBox())!;
    expect(graph.width).toBeGreaterThan(500);
    const start = page.locator('.react-flow__node[data-id="event:StartEvent"]');
    const startBox = (await start.boundingBox())!;
    expect(startBox.x).toBeGreaterThanOrEqual(graph.x);
    expect(await start.locator('.event-name').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(10);
    const last = page.locator('.react-flow__node').last();
    const before = (await last.boundingBox())!;
    await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
    await page.mouse.wheel(0, 0);
    await page.mouse.wheel(200, 0);
    await expect.poll(async () => (await last.boundingBox())!.x).toBeLessThan(before.x);
    await page.screenshot({ path: 'screenshots/tutorial-chapter.png' });
  });

  test('a user completes an exercise: fails first, follows the hint, passes, and progress survives a reload', async ({ page }) => {
    await openChapter(page, 'branches-and-loops');
    const exercise = page.locator('[data-exercise="branches-and-loops/three-rounds"]');
    await exercise.getByTestId('start-exercise').click();
    await expect(exercise.getByTestId('exercise-active')).toBeVisible();
    await setSpeed(page, 10);

    await runToEnd(page);
    const result = exercise.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'false');
    await expect(result).toContainText('write ran 2 times');

    await exercise.getByTestId('show-hint').click();
    await expect(exercise.getByTestId('hint')).toContainText('ROUNDS');

    // Do what the hint says: three rounds instead of two.
    await page.getByTestId('editor').locator('.cm-line', { hasText: 'const ROUNDS = 2;' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3;');
    await expect(page.getByTestId('editor')).toContainText('const ROUNDS = 3;');

    await runToEnd(page);
    await expect(result).toHaveAttribute('data-passed', 'true');
    await expect(result).toContainText('write ran 3 times');
    await expect(exercise.locator('.exercise-tick')).toHaveText('✓ passed');
    await page.screenshot({ path: 'screenshots/tutorial-exercise-passed.png' });

    await page.reload();
    await expect(page.getByTestId('tutorial')).toBeVisible();
    await expect(page.locator('[data-exercise="branches-and-loops/three-rounds"]')).toHaveAttribute('data-passed', 'true');
    await expect(page.locator('[data-exercise="branches-and-loops/three-rounds"] .exercise-tick')).toBeVisible();
    // Coming back to the chapter keeps the work done on it.
    await expect(page.getByTestId('editor')).toContainText('const ROUNDS = 3;');
  });

  test('hint and solution on request; the solution loads and passes', async ({ page }) => {
    await openChapter(page, 'concurrency');
    const exercise = page.locator('[data-exercise="concurrency/two-at-once"]');
    await expect(exercise.getByTestId('hint')).toHaveCount(0);
    await exercise.getByTestId('show-solution').click();
    await expect(exercise.getByTestId('solution')).toContainText('numWorkers: 2');
    await exercise.getByRole('button', { name: 'Load the solution into the editor' }).click();
    await expect(page.getByTestId('editor')).toContainText('numWorkers: 2');
    await setSpeed(page, 10);
    await runToEnd(page);
    await expect(exercise.getByTestId('exercise-result')).toHaveAttribute('data-passed', 'true');
  });

  test('the Tutorial button opens the panel; chapters are browsed without touching the code', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('tutorial')).toHaveCount(0);
    await page.getByTestId('tutorial-button').click();
    await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', 'first-workflow');
    await page.getByTestId('next-chapter').click();
    await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', 'branches-and-loops');
    await expect(page).toHaveURL(/#chapter\/branches-and-loops$/);
    await expect(page.getByTestId('editor')).toContainText('class ParallelFlow');
    await page.getByTestId('load-example').click();
    await expect(page.getByTestId('editor')).toContainText('class EssayFlow');
  });
});
