import { expect, test } from './fixtures.ts';
import { answerQuestion, loadConfirmSolution } from './humanHelpers.ts';

test('human in the loop: the run asks in the page, the user answers, the result appears', async ({ page }) => {
  await page.goto('/?example=human-in-the-loop');
  await expect(page.locator('.react-flow__node[data-id="step:greet"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('human-input')).toHaveCount(0);
  await page.getByTestId('run-button').click();

  const prompt = page.getByTestId('human-input');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByTestId('human-question')).toHaveText('What is your name?');
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect(page.getByTestId('human-answer')).toBeFocused();
  // A person takes their time: the run keeps waiting, past the runner's watchdog, without failing.
  await page.waitForTimeout(3_000);
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await page.getByTestId('human-answer').fill('Ada');
  await page.screenshot({ path: 'screenshots/human-input.png' });
  await page.getByTestId('human-answer').press('Enter');

  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  await expect(page.getByTestId('run-result')).toHaveText('Hello, Ada!');
  await expect(prompt).toHaveCount(0);
});

test('human in the loop: the chapter exercise with two questions is answered in the page and passes', async ({ page }) => {
  const exercise = await loadConfirmSolution(page);
  await page.getByTestId('run-button').click();
  await answerQuestion(page, /name/i, 'Ada');
  await answerQuestion(page, /Shall I greet Ada/, 'yes');

  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  await expect(page.getByTestId('run-result')).toContainText('Ada');
  await expect(exercise.getByTestId('exercise-result')).toHaveAttribute('data-passed', 'true');
});

test('stopping a run that waits for an answer takes the question away', async ({ page }) => {
  await page.goto('/?example=human-in-the-loop');
  await expect(page.locator('.react-flow__node[data-id="step:greet"]')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('human-input')).toBeVisible();
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('cancelled');
  await expect(page.getByTestId('human-input')).toHaveCount(0);
});
