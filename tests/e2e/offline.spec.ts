import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/share/index.ts';
import { serveStatic, underPrefix } from '../support/staticServer.ts';
import type { StaticServer } from '../support/staticServer.ts';
import { expect, test } from './fixtures.ts';

/**
 * Offline after the first visit, and updates: a copy of the build on a plain static server (under a
 * sub-path, so the worker's scope is tested too), the network cut in Chromium, then a new deployment.
 */
test.use({ serviceWorkers: 'allow' });

const PREFIX = '/tools/flowplay/';
let dir: string;
let server: StaticServer;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowplay-offline-'));
  cpSync(process.env.FLOWPLAY_OUT_DIR ?? 'dist', dir, { recursive: true });
  server = await serveStatic(underPrefix(dir, PREFIX));
});
test.afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the app and waits until its service worker has cached the build and controls the page. */
async function firstVisit(page: Page): Promise<void> {
  await page.goto(`${server.origin}${PREFIX}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
}

// Running offline is not covered: the runner's sandbox page has an opaque origin, which no service
// worker serves, so with the network cut a run ends with RunnerUnavailable (README, "Deploying").
test('after the first visit the playground and the embed load and analyse with the network cut', async ({ page, context }) => {
  await firstVisit(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  // The editor and the language worker (TypeScript and its library files) come from the cache too.
  const content = page.getByTestId('editor').locator('.cm-content');
  await expect(content).toBeVisible({ timeout: 30_000 });
  await content.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nconst broken: number = "offline";\n');
  await expect(page.getByTestId('diagnostics')).toContainText("Type 'string' is not assignable to type 'number'", { timeout: 30_000 });

  // The embed view too.
  const code = 'import { Workflow, step, StartEvent, StopEvent, Context } from "flowplay";\nclass Away extends Workflow {\n  @step()\n  async go(ctx: Context, ev: StartEvent): Promise<StopEvent> {\n    return new StopEvent({ result: "offline" });\n  }\n}\n';
  await page.goto(`${server.origin}${PREFIX}embed.html${encodeShare({ code })}`);
  await expect(page.locator('.react-flow__node[data-id="step:go"]')).toBeVisible({ timeout: 30_000 });
});

test('a new deployment installs in the background, the page says so, and Reload switches to it', async ({ page }) => {
  await firstVisit(page);
  const oldVersion = await page.evaluate(async () => (await caches.keys()).find((key) => key.startsWith('flowplay-') && key !== 'flowplay-runtime'));
  // Deploy: a changed file gives the worker a new version.
  writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('<title>Flowplay</title>', '<title>Flowplay (new)</title>'));
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/^const FLOWPLAY_VERSION = "[^"]+";/, 'const FLOWPLAY_VERSION = "next-version";'));

  await page.reload();
  await expect(page.getByTestId('notice-update')).toContainText('A new version of Flowplay is ready', { timeout: 30_000 });
  expect(await page.title()).toBe('Flowplay');
  await page.getByTestId('notice-reload').click();
  await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Flowplay (new)');
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('flowplay-') && key !== 'flowplay-runtime'))).toEqual(['flowplay-next-version']);
  expect(oldVersion).not.toBe('flowplay-next-version');
});
