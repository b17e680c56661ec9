import type { Page } from '@playwright/test';
import { expect, openPlayground, test } from './fixtures.ts';

/** The page's own measures of how long each Python runner took to start, in ms. */
const runnerStarts = (page: Page) => page.evaluate(() => performance.getEntriesByName('flowplay:python-runner-start').map((e) => e.duration));

/** The snapshots the page keeps in IndexedDB: [key, bytes] of each. */
const keptSnapshots = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<[string, number][]>((resolve, reject) => {
        const opening = indexedDB.open('flowplay-python', 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore('snapshots');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const store = opening.result.transaction('snapshots', 'readonly').objectStore('snapshots');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => resolve(keys.result.map((k, i) => [String(k), (values.result[i] as Uint8Array).byteLength]));
        };
      }),
  );

async function runPython(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 150_000 });
  await expect(page.getByTestId('run-result')).toHaveText(/^Query [123]$/);
}

test('Python’s start-up snapshot is kept across page loads: the reopened page’s first runner starts from it', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page, 'parallel&lang=python');
  await expect(page.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');
  await runPython(page);
  await expect.poll(() => keptSnapshots(page), { timeout: 30_000 }).toHaveLength(1);
  const [[key, bytes]] = await keptSnapshots(page);
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  expect(bytes).toBeGreaterThan(1_000_000);
  const [fromScratch] = await runnerStarts(page);

  // Opened again in the same browser profile (the link, as the first time).
  await openPlayground(page, 'parallel&lang=python');
  await expect(page.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');
  await runPython(page);
  const [reopened] = await runnerStarts(page);
  // Restoring the kept snapshot skips Python's own start-up, the slow part of a start from scratch.
  expect(reopened).toBeLessThan(fromScratch!);
  // Still one snapshot: a runner restored from it makes none.
  expect(await keptSnapshots(page)).toEqual([[key, bytes]]);
  console.log(`Python runner start: ${Math.round(fromScratch!)} ms from scratch, ${Math.round(reopened!)} ms on the reopened page`);
});
