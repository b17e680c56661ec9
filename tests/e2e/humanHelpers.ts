import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Loads the human-in-the-loop chapter's two-question solution (ConfirmFlow) into the editor; returns its exercise. */
export async function loadConfirmSolution(page: Page) {
  await page.goto('/#chapter/human-in-the-loop');
  const exercise = page.locator('[data-exercise="human-in-the-loop/confirm"]');
  await exercise.getByTestId('show-solution').click();
  await exercise.getByRole('button', { name: 'Load the solution into the editor' }).click();
  await expect(page.getByTestId('editor')).toContainText('Shall I greet');
  return exercise;
}

/** Answers the run's question once it matches `question`. */
export async function answerQuestion(page: Page, question: RegExp, answer: string): Promise<void> {
  await expect(page.getByTestId('human-question')).toHaveText(question);
  await page.getByTestId('human-answer').fill(answer);
  await page.getByTestId('human-send').click();
}
