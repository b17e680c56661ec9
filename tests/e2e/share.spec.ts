import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/share/index.ts';
import { expect, setCode, setSpeed, test } from './fixtures.ts';

/** What a finished run showed: result, console lines and the events counted on every event node. */
async function runSummary(page: Page) {
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  const events = await page.locator('.react-flow__node[data-count]').evaluateAll((nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute('data-id'), n.getAttribute('data-count')])),
  );
  return {
    result: await page.getByTestId('run-result').innerText(),
    console: await page.getByTestId('console').locator('.console-line').allInnerTexts(),
    events,
  };
}

async function nodeIds(page: Page): Promise<string[]> {
  return (await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''))).sort();
}

async function shareUrl(page: Page): Promise<string> {
  await page.getByTestId('share-button').click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return url;
}

test.describe('share links', () => {
  test('a link round-trips into a fresh browser: same code, input, seed and graph; nothing runs until Run; same trace', async ({ page, browser }) => {
    await page.goto('/?example=parallel');
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('run-seed').fill('7');
    await page.getByTestId('run-input').fill('{ "message": "shared" }');
    const url = await shareUrl(page);
    expect(url).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
    const here = { nodes: await nodeIds(page), run: await runSummary(page) };

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await fresh.newPage();
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(url);
    await expect(other.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
    await expect(other.getByTestId('editor')).toContainText('class ParallelFlow extends Workflow');
    await expect(other.getByTestId('run-seed')).toHaveValue('7');
    await expect(other.getByTestId('run-input')).toHaveValue('{"message":"shared"}');
    await expect(other.getByTestId('notice-link')).toContainText('Nothing runs until you press Run');
    expect(await nodeIds(other)).toEqual(here.nodes);
    // Opening the link ran nothing.
    await other.waitForTimeout(500);
    await expect(other.getByTestId('run-status')).toHaveText('idle');
    await expect(other.getByTestId('console').locator('.console-line')).toHaveCount(0);
    // Same state, same link: code, input, seed all arrived intact.
    expect(await shareUrl(other)).toBe(url);

    expect(await runSummary(other)).toEqual(here.run);
    expect(here.run.console.filter((l) => l.includes('Running slow query'))).toHaveLength(3);
    expect(errors).toEqual([]);
    await fresh.close();
  });

  for (const [name, hash, message] of [
    ['truncated', 'cut', /incomplete|damaged/],
    ['not base64', '#v1.@@not*base64!!', /damaged/],
    ['from a newer version', '#v9.H4sIAAAAAAAAA6tWSs7PLcjPSy0qUbJSMlSqBQBhSxxYEgAAAA', /newer Flowplay/],
  ] as const) {
    test(`a broken link (${name}) says what is wrong and keeps the current work`, async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
      await setCode(page, '// my own work\nimport { Workflow } from "flowplay";\nclass MineFlow extends Workflow {}\n');
      await expect(page.getByTestId('drafts-button')).toBeVisible();
      await page.waitForTimeout(900); // past the save delay
      const full = encodeShare({ code: 'console.log("from a link")' });
      const broken = hash === 'cut' ? full.slice(0, Math.floor(full.length / 2)) : hash;
      await page.goto('about:blank');
      await page.goto(`/${broken}`);
      const notice = page.getByTestId('notice-link');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(message);
      await expect(notice).toContainText('Your draft is still here');
      if (hash === 'cut') await page.screenshot({ path: 'screenshots/broken-link.png' });
      await expect(page.getByTestId('editor')).toContainText('class MineFlow extends Workflow');
      await expect(page.getByTestId('editor')).not.toContainText('from a link');
      // The broken link is gone from the address, so a reload does not show the message again.
      await expect(page).toHaveURL(/\/$/);
    });
  }

  test('past 8 KB the Share button warns with the size; Copy as Markdown is offered', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
    // Random text does not compress, so this makes a long link.
    const noise = Array.from({ length: 600 }, (_, i) => `// ${i} ${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`).join('\n');
    await setCode(page, `${noise}\nimport { Workflow } from "flowplay";\n`);
    await page.getByTestId('share-button').click();
    const warning = page.getByTestId('share-warning');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(/\d+\.\d KB of data, past the 8\.0 KB/);
    await expect(page.getByTestId('share-url')).toHaveValue(/#v1\./);
    await expect(page.getByTestId('copy-markdown')).toBeVisible();
    await page.screenshot({ path: 'screenshots/share-warning.png' });
  });
});

test('a link pasted into the address bar of an open page opens without a reload and keeps the work', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
  await setCode(page, '// typed here\nimport { Workflow } from "flowplay";\nclass TypedFlow extends Workflow {}\n');
  const link = encodeShare({ code: '// pasted\nimport { Workflow } from "flowplay";\nclass PastedFlow extends Workflow {}\n', chapter: 'state' });
  await page.evaluate((hash) => (window.location.hash = hash), link);
  await expect(page.getByTestId('editor')).toContainText('class PastedFlow extends Workflow');
  await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', 'state');
  await expect(page).toHaveURL(/#chapter\/state$/);
  await page.getByTestId('notice-restore').click();
  await expect(page.getByTestId('editor')).toContainText('class TypedFlow extends Workflow');
});

test('Share puts the link on the clipboard, and Copy as Markdown the code block with the link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?example=collect');
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-status')).toHaveText('Link copied to the clipboard.');
  const link = await page.getByTestId('share-url').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.getByTestId('copy-markdown').click();
  await expect(page.getByTestId('share-status')).toContainText('Markdown copied');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('```ts\n// Concurrency, part 2');
  expect(markdown).toContain(`[Open in Flowplay](${link})`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-panel')).toHaveCount(0);
});
