import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/share/index.ts';
import { expect, setCode, test } from './fixtures.ts';

const MINE = '// my draft\nimport { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";\n\nclass MyDraftFlow extends Workflow {\n  @step()\n  async only(ctx: Context, ev: StartEvent): Promise<StopEvent> {\n    return new StopEvent({ result: "mine" });\n  }\n}\n';

async function open(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
}

test.describe('drafts', () => {
  test('a draft survives a reload', async ({ page }) => {
    await open(page);
    await setCode(page, MINE);
    await page.getByTestId('run-seed').fill('11');
    await expect(page.locator('.react-flow__node[data-id="step:only"]')).toBeVisible();
    await page.waitForTimeout(900);
    await page.reload();
    await expect(page.locator('.react-flow__node[data-id="step:only"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('editor')).toContainText('class MyDraftFlow extends Workflow');
    await expect(page.getByTestId('run-seed')).toHaveValue('11');
  });

  test('a draft survives opening a link and comes back from the drafts menu', async ({ page }) => {
    await open(page);
    await setCode(page, MINE);
    await page.waitForTimeout(900);
    const link = encodeShare({ code: '// from a link\nimport { Workflow } from "flowplay";\nclass LinkedFlow extends Workflow {}\n', seed: 3 });
    await page.goto('about:blank');
    await page.goto(`/${link}`);
    await expect(page.getByTestId('editor')).toContainText('class LinkedFlow extends Workflow');
    await expect(page.getByTestId('notice-link')).toContainText('Your previous draft is under Drafts');

    await page.getByTestId('drafts-button').click();
    const menu = page.getByTestId('drafts-menu');
    await expect(menu.getByTestId('draft').first()).toContainText('MyDraftFlow');
    await page.screenshot({ path: 'screenshots/drafts-menu.png' });
    await menu.getByTestId('draft').filter({ hasText: 'MyDraftFlow' }).getByTestId('restore-draft').click();
    await expect(page.getByTestId('editor')).toContainText('class MyDraftFlow extends Workflow');
    // The linked code was not lost either: never edited, it is among the recently opened (not a draft).
    await page.getByTestId('drafts-button').click();
    await expect(page.getByTestId('drafts-menu').getByTestId('opened').first()).toContainText('Shared link');
  });

  test('opening an example keeps the code it replaces, one click away', async ({ page }) => {
    await open(page);
    await setCode(page, MINE);
    await page.getByTestId('example-select').selectOption('collect');
    await expect(page.getByTestId('editor')).toContainText('collectEvents waits for all three results');
    await page.getByTestId('notice-restore').click();
    await expect(page.getByTestId('editor')).toContainText('class MyDraftFlow extends Workflow');
  });

  for (const [problem, error, text] of [
    ['full', 'QuotaExceededError', /storage is full/],
    ['blocked', 'SecurityError', /blocks storage/],
  ] as const) {
    test(`${problem} storage shows a message and the work stays on the page`, async ({ page }) => {
      await page.addInitScript((name) => {
        Storage.prototype.setItem = function () {
          throw new DOMException('refused', name);
        };
      }, error);
      await open(page);
      await setCode(page, MINE);
      const message = page.getByTestId('storage-problem');
      await expect(message).toBeVisible();
      await expect(message).toContainText(text);
      await expect(message).toContainText('Your work stays in this tab');
      await expect(page.getByTestId('editor')).toContainText('class MyDraftFlow extends Workflow');
      await expect(page.locator('.react-flow__node[data-id="step:only"]')).toBeVisible();
      // Opening an example while storage refuses still leaves the way back, for this tab.
      await page.getByTestId('example-select').selectOption('collect');
      await expect(page.getByTestId('editor')).toContainText('collectEvents waits for all three results');
      await page.getByTestId('notice-restore').click();
      await expect(page.getByTestId('editor')).toContainText('class MyDraftFlow extends Workflow');
    });
  }
});
