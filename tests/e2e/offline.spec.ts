import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/share/index.ts';
import { serveStatic, underPrefix } from '../support/staticServer.ts';
import type { StaticServer } from '../support/staticServer.ts';
import { eventNode, expect, probeWorkflow, runProbe, setCode, setSpeed, stepNode, test } from './fixtures.ts';

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

const OFFLINE_FLOW = `import { Workflow, step, Event, StartEvent, StopEvent, Context } from "flowplay";
class Checked extends Event<{ n: number }> {}
class Away extends Workflow {
  @step()
  async go(ctx: Context, ev: StartEvent): Promise<Checked> {
    console.log("running without a network");
    return new Checked({ n: 41 });
  }
  @step()
  async check(ctx: Context, ev: Checked): Promise<StopEvent> {
    return new StopEvent({ result: ev.n + 1 });
  }
}
`;

test('after the first visit the playground loads, analyses, redraws and runs with the network cut', async ({ page, context }) => {
  await firstVisit(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  // The editor and the language worker (TypeScript and its library files) come from the cache too.
  await expect(page.getByTestId('editor').locator('.cm-content')).toBeVisible({ timeout: 30_000 });
  await setCode(page, OFFLINE_FLOW);
  await expect(stepNode(page, 'check')).toBeVisible({ timeout: 30_000 });
  await expect(eventNode(page, 'Checked')).toBeVisible();
  await page.keyboard.insertText('\nconst broken: number = "offline";\n');
  await expect(page.getByTestId('diagnostics')).toContainText("Type 'string' is not assignable to type 'number'", { timeout: 30_000 });

  // The runner's frame comes from the cache as well, sandboxed by the policy the worker gives it.
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  await expect(page.getByTestId('console')).toContainText('running without a network');
  await expect(page.getByTestId('run-result')).toContainText('42');
  // A second run gets a fresh frame, from the cache too.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('console')).toContainText('running without a network');
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
});

test('offline, the runner is as shut off as online: an opaque origin, no storage of the app', async ({ page, context }) => {
  await firstVisit(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('editor').locator('.cm-content')).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => localStorage.setItem('flowplay-secret', 'app-only'));
  await runProbe(
    page,
    probeWorkflow(`    const g = globalThis as any;
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(g));
    const seen: string[] = [];
    try { seen.push("localStorage read " + g.localStorage.getItem("flowplay-secret")); } catch (e: any) { seen.push("localStorage -> " + e.name); }
    try { Object.getOwnPropertyDescriptor(proto, "indexedDB")?.get?.call(g).open("x"); seen.push("indexedDB opened"); } catch (e: any) { seen.push("indexedDB -> " + e.name); }
    for (const line of seen) console.log(line);
    return new StopEvent({ result: "probed" });`),
  );
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  const output = page.getByTestId('console');
  await expect(output).toContainText('localStorage -> TypeError');
  await expect(output).toContainText('indexedDB -> SecurityError');
  await expect(output).not.toContainText('app-only');
  // The next runner's frame, started once the page is idle, has no origin of its own either. The run's
  // own frame goes when the page is next idle, so a frame may go while it is asked: every frame still
  // there answers, and there is one.
  const origins = async () => {
    const frames = page.frames().filter((f) => f.url().endsWith('/sandbox.html'));
    const answers = await Promise.all(frames.map((f) => f.evaluate(() => self.origin).catch(() => null)));
    return [...new Set(answers.filter((origin) => origin !== null))];
  };
  await expect.poll(origins, { timeout: 10_000 }).toEqual(['null']);
});

test('the embed view loads and runs with the network cut', async ({ page, context }) => {
  await firstVisit(page);
  await context.setOffline(true);
  await page.goto(`${server.origin}${PREFIX}embed.html${encodeShare({ code: OFFLINE_FLOW })}`);
  await expect(stepNode(page, 'check')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
});

test('a new deployment installs in the background, the page says so, and Reload switches to it', async ({ page }) => {
  await firstVisit(page);
  const oldVersion = await page.evaluate(async () => (await caches.keys()).find((key) => key.startsWith('flowplay-') && !key.startsWith('flowplay-runtime')));
  // Deploy: a changed file gives the worker a new version.
  writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('<title>Flowplay</title>', '<title>Flowplay (new)</title>'));
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/^const FLOWPLAY_VERSION = "[^"]+";/, 'const FLOWPLAY_VERSION = "next-version";'));

  await page.reload();
  await expect(page.getByTestId('notice-update')).toContainText('A new version of Flowplay is ready', { timeout: 30_000 });
  expect(await page.title()).toBe('Flowplay');
  await page.getByTestId('notice-reload').click();
  await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Flowplay (new)');
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('flowplay-') && !key.startsWith('flowplay-runtime')))).toEqual(['flowplay-next-version']);
  expect(oldVersion).not.toBe('flowplay-next-version');
});
