/**
 * The chapters on the 2.x API in the page: each opens from its link, its example runs to the end it
 * is about, and one exercise's solution, loaded from its card and run, gets the pass verdict.
 */
import type { Page } from '@playwright/test';
import { expect, setSpeed, test } from './fixtures.ts';

interface ChapterCase {
  id: string;
  title: string;
  /** Text near the top of the chapter's example (the editor draws only the lines in view). */
  example: string;
  /** How the example's run ends. */
  status: 'stopped' | 'failed';
  /** The exercise whose solution is run. */
  exercise: string;
  /** Text of the verdict the solution gets. */
  verdict: RegExp;
  /** Answers to type when the run asks. */
  answers?: string[];
}

const CASES: ChapterCase[] = [
  {
    id: 'retries-and-error-steps',
    title: 'Retry policies and error steps',
    example: 'class WeatherFlow extends Workflow',
    status: 'stopped',
    exercise: 'backoff',
    verdict: /fetchForecast got through on attempt 3, after waiting 2s and 4s\./,
  },
  {
    id: 'typed-state',
    title: 'Typed state',
    example: 'class CountState {',
    status: 'stopped',
    exercise: 'lost-updates',
    verdict: /All 5 documents and 47 words reached the totals, with up to 3 counts at once\./,
  },
  {
    id: 'resources',
    title: 'Resources',
    example: '// Resources: a step declares what it needs',
    status: 'stopped',
    exercise: 'own-notes',
    verdict: /Each of the 3 drafts got a Notes of its own \(getNotes #1, getNotes #2 and getNotes #3\)\./,
  },
  {
    id: 'resuming-a-run',
    title: 'Resuming a run',
    example: '// Resuming: Context.fromDict rebuilds a saved context',
    status: 'stopped',
    exercise: 'resume',
    verdict: /The run resumed where it was saved: review got its ReviewEvent back, asked again and stopped with "40 EUR refunded to Ada \(order A-17\)"; lookup did not run\./,
    answers: ['yes'],
  },
];

async function openChapter(page: Page, id: string): Promise<void> {
  await page.goto(`/#chapter/${id}`);
  await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', id);
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('editor').locator('.cm-content')).toBeVisible();
}

/** Runs the code in the editor to its end, typing `answers` as the run asks for them. */
async function runToEnd(page: Page, answers: readonly string[] = []): Promise<string> {
  await page.getByTestId('run-button').click();
  for (const answer of answers) {
    await expect(page.getByTestId('human-answer')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('human-answer').fill(answer);
    await page.getByTestId('human-answer').press('Enter');
  }
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText(/stopped|failed|timeout|cancelled/, { timeout: 30_000 });
  return (await status.textContent()) ?? '';
}

for (const chapter of CASES) {
  test(`${chapter.title}: the example runs and an exercise's solution passes`, async ({ page }) => {
    await openChapter(page, chapter.id);
    const tutorial = page.getByTestId('tutorial');
    await expect(tutorial.locator('h2')).toContainText(chapter.title);
    await tutorial.getByTestId('load-example').click();
    await expect(page.getByTestId('editor')).toContainText(chapter.example);
    await setSpeed(page, 10);
    expect(await runToEnd(page, chapter.answers)).toBe(chapter.status);
    // Every record of the run reached the page (a waitForEvent re-run once did not).
    await expect(page.getByText(/were not valid trace records/)).toHaveCount(0);
    await page.screenshot({ path: `screenshots/chapter-${chapter.id}.png` });

    const card = page.locator(`[data-exercise="${chapter.id}/${chapter.exercise}"]`);
    await card.getByTestId('show-solution').click();
    await card.getByRole('button', { name: 'Load the solution into the editor' }).click();
    await expect(card.getByTestId('exercise-active')).toBeVisible();
    await runToEnd(page, chapter.answers);
    const result = card.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'true');
    await expect(result).toContainText(chapter.verdict);
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/chapter-${chapter.id}-passed.png` });
  });
}

test('an error step that passes one run is checked again with another text, and passes that run too', async ({ page }) => {
  await openChapter(page, 'retries-and-error-steps');
  const card = page.locator('[data-exercise="retries-and-error-steps/error-step"]');
  await card.getByTestId('show-solution').click();
  await card.getByRole('button', { name: 'Load the solution into the editor' }).click();
  await expect(card.getByTestId('exercise-active')).toBeVisible();
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  const result = card.getByTestId('exercise-result');
  // The first run passes; the page forks it with the other text and waits for that run's end.
  await expect(result).toHaveAttribute('data-pending', 'true', { timeout: 30_000 });
  await expect(result).toContainText(`Checking again. That run passed. Running the same code again with the StartEvent's text "Boa noite"`);
  await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
  await expect(result).toContainText('ended the run with the original text, also when the same code ran again with the text "Boa noite".');
  await expect(page.getByTestId('run-status')).toHaveText('stopped');
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/chapter-error-step-rechecked.png' });
});
