import type { Page } from '@playwright/test';
import { expect, setCode, test } from './fixtures.ts';

async function openChapter(page: Page, id: string): Promise<void> {
  await page.goto(`/#chapter/${id}`);
  await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', id);
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('editor').locator('.cm-content')).toBeVisible();
}

const code = (page: Page) => page.getByTestId('editor').locator('.cm-content');

test.describe('a tutorial that keeps your work', () => {
  test('the example is offered at the top, and follows the chapter while the editor holds the last one untouched', async ({ page }) => {
    await openChapter(page, 'first-workflow');
    await expect(code(page)).toContainText('class HelloFlow');
    const offer = (await page.getByTestId('load-example').boundingBox())!;
    const text = (await page.locator('.tutorial .chapter-text').first().boundingBox())!;
    expect(offer.y).toBeLessThan(text.y);

    await page.getByTestId('next-chapter').click();
    await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', 'branches-and-loops');
    await expect(code(page)).toContainText('class EssayFlow');

    // Edited code stays when the chapter changes.
    await code(page).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// my note');
    await page.getByTestId('next-chapter').click();
    await expect(page.getByTestId('tutorial')).not.toHaveAttribute('data-chapter', 'branches-and-loops');
    await expect(code(page)).toContainText('// my note');
  });

  test('starting an exercise over edited code offers it back; a compile error shows in the card', async ({ page }) => {
    await openChapter(page, 'first-workflow');
    await code(page).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// my own version');
    await page.getByTestId('start-exercise').first().click();
    await expect(code(page)).not.toContainText('// my own version');
    const card = page.getByTestId('exercise').first();
    await card.getByTestId('way-back').click();
    await expect(code(page)).toContainText('// my own version');

    await setCode(page, 'import { Workflow } from "flowplay";\nclass Broken extends Workflow {\n  async go( {\n}\n');
    await expect(card.getByTestId('exercise-compile-error')).toContainText(/The code does not compile yet: line \d+/);
  });

  test('the verdict comes into view when it appears', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await openChapter(page, 'first-workflow');
    await page.getByTestId('start-exercise').first().click();
    await page.locator('.tutorial-body').evaluate((el) => el.scrollTo(0, 0));
    await page.getByTestId('run-speed').selectOption('10');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('exercise-result')).toBeInViewport({ timeout: 30_000 });
  });
});
