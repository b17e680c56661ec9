import { gunzipSync, gzipSync } from 'node:zlib';
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

/** The start-up snapshot the build ships next to Pyodide's files. */
const SHIPPED = /\/pyodide\/startup-[0-9a-f]{64}\.snapshot\.gz$/;

/** As an app without a shipped snapshot (or one it cannot fetch): the page has to start Python from scratch. */
const withoutShippedSnapshot = (page: Page) => page.route(SHIPPED, (route) => route.fulfill({ status: 404 }));

async function runPython(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 150_000 });
  await expect(page.getByTestId('run-result')).toHaveText(/^Query [123]$/);
}

/** Opens (or reopens) the Python example and runs it once. */
async function openAndRunPython(page: Page): Promise<void> {
  await openPlayground(page, 'parallel&lang=python');
  await expect(page.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');
  await runPython(page);
}

/** The one snapshot the page keeps once a runner started from scratch gave it one: [key, bytes]. */
async function keptSnapshot(page: Page): Promise<[string, number]> {
  await expect.poll(() => keptSnapshots(page), { timeout: 30_000 }).toHaveLength(1);
  const [[key, bytes]] = await keptSnapshots(page);
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  expect(bytes).toBeGreaterThan(1_000_000);
  return [key, bytes];
}

test('a cold page’s first Python runner starts from the snapshot the build ships, and keeps none of its own', async ({ page }) => {
  test.setTimeout(300_000);
  const shipped: number[] = [];
  page.on('response', (response) => {
    if (SHIPPED.test(new URL(response.url()).pathname)) shipped.push(response.status());
  });
  await openAndRunPython(page);
  expect(shipped).toEqual([200]);
  // A runner started from scratch would have made a snapshot, which the page keeps (it sends it before
  // its hello, and the page stores it at once): one restored makes none.
  await page.waitForTimeout(1_000);
  expect(await keptSnapshots(page)).toEqual([]);
  // The next run’s runner, started after the first run, restores the same snapshot without fetching it again.
  await runPython(page);
  expect(shipped).toEqual([200]);
  expect(await keptSnapshots(page)).toEqual([]);
});

test('a shipped snapshot that cannot be restored falls back to a start from scratch, whose snapshot the page keeps', async ({ page }) => {
  test.setTimeout(300_000);
  // The shipped snapshot as another Pyodide build would have made it: its build id (bytes 16-47) differs.
  await page.route(SHIPPED, async (route) => {
    // Gzipped, whether the server says so (the browser unzips it) or not (the page does).
    const response = await route.fetch();
    const served = await response.body();
    const body = served[0] === 0x1f && served[1] === 0x8b ? gunzipSync(served) : served;
    body[16] ^= 0xff;
    await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: gzipSync(body) });
  });
  await openAndRunPython(page);
  await keptSnapshot(page);
});

test('Python’s start-up snapshot is kept across page loads: the reopened page’s first runner starts from it', async ({ page }) => {
  test.setTimeout(300_000);
  await withoutShippedSnapshot(page);
  await openAndRunPython(page);
  const [key, bytes] = await keptSnapshot(page);
  const [fromScratch] = await runnerStarts(page);

  // Opened again in the same browser profile (the link, as the first time).
  await openAndRunPython(page);
  const [reopened] = await runnerStarts(page);
  // Restoring the kept snapshot skips Python's own start-up, the slow part of a start from scratch.
  expect(reopened).toBeLessThan(fromScratch!);
  // Still one snapshot: a runner restored from it makes none.
  expect(await keptSnapshots(page)).toEqual([[key, bytes]]);
  console.log(`Python runner start: ${Math.round(fromScratch!)} ms from scratch, ${Math.round(reopened!)} ms on the reopened page`);
});
