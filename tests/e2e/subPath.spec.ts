import { encodeShare } from '../../src/share/index.ts';
import { serveStatic, underPrefix } from '../support/staticServer.ts';
import type { StaticServer } from '../support/staticServer.ts';
import { expect, test } from './fixtures.ts';

/**
 * The build served under a sub-path by a plain static server (no rewrites, nothing outside the
 * prefix): the playground loads, analyses, runs in its sandbox, and the embed and its demo work there.
 */
const PREFIX = '/tools/flowplay/';
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveStatic(underPrefix(process.env.FLOWPLAY_OUT_DIR ?? 'dist', PREFIX));
});
test.afterAll(async () => {
  await server.close();
});

test('the playground works under /tools/flowplay/', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === server.origin && !url.pathname.startsWith(PREFIX)) outside.push(url.pathname);
  });
  await page.goto(`${server.origin}${PREFIX}?example=map-reduce`);
  await expect(page.locator('.react-flow__node[data-id="step:reduce"], .react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  // The language worker (TypeScript) loads from the prefix too: the example's graph is its analysis.
  await expect(page.getByTestId('editor').locator('.cm-content')).toContainText('MapReduceFlow', { timeout: 30_000 });
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  expect(outside).toEqual([]);
});

test('the embed and its demo work under /tools/flowplay/', async ({ page }) => {
  const code = 'import { Workflow, step, StartEvent, StopEvent, Context } from "flowplay";\nclass Sub extends Workflow {\n  @step()\n  async go(ctx: Context, ev: StartEvent): Promise<StopEvent> {\n    return new StopEvent({ result: "under a prefix" });\n  }\n}\n';
  await page.goto(`${server.origin}${PREFIX}embed.html${encodeShare({ code })}`);
  await expect(page.locator('.react-flow__node[data-id="step:go"]')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  await page.getByTestId('embed-tab-console').click();
  await expect(page.getByTestId('run-result')).toContainText('under a prefix');
  expect(await page.getByTestId('embed-open').getAttribute('href')).toMatch(new RegExp(`^${server.origin}${PREFIX}#v1\\.`));

  await page.goto(`${server.origin}${PREFIX}embed-demo.html`);
  const frame = await (await page.locator('flowplay-embed iframe').first().elementHandle())!.contentFrame();
  expect(frame!.url()).toContain(`${server.origin}${PREFIX}embed.html?`);
  await expect(frame!.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
});
