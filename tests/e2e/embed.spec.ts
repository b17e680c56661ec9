import type { Frame, Page } from '@playwright/test';
import { serveStatic } from '../support/staticServer.ts';
import type { StaticServer } from '../support/staticServer.ts';
import { expect, openPlayground, test } from './fixtures.ts';

/**
 * The embed as docs sites use it: the demo page in the build, the custom element on a page of another
 * origin, the frame's size, the messages hosts get, and
 * what neither side can reach of the other.
 */

/** Docs pages of another origin than the app's (another port), closed after each test. */
const servers: StaticServer[] = [];
test.afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function openDocsPage(page: Page, head: string, body: string): Promise<void> {
  const html = `<!doctype html><html><head>${head}</head><body><h1>Guide</h1>${body}</body></html>`;
  const server = await serveStatic((path) => (path === '/guide.html' ? { type: 'text/html', body: html } : null));
  servers.push(server);
  await page.goto(`${server.origin}/guide.html`);
}

/** The frame of the n-th embed on the page, once its graph has drawn. */
async function embedFrame(page: Page, n: number): Promise<Frame> {
  const handle = await page.locator('flowplay-embed iframe').nth(n).elementHandle();
  const frame = await handle!.contentFrame();
  await expect(frame!.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  return frame!;
}

/** Keeps every DOM event the elements re-dispatch, in order, on `window.__embedEvents`. */
async function recordEmbedEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const events: unknown[] = [];
    (window as unknown as { __embedEvents: unknown[] }).__embedEvents = events;
    for (const type of ['ready', 'resize', 'run-started', 'run-finished']) {
      document.addEventListener(
        `flowplay-${type}`,
        (event) => events.push({ example: (event.target as HTMLElement).dataset.example ?? null, ...(event as CustomEvent).detail }),
        true,
      );
    }
  });
}

const embedEvents = (page: Page) => page.evaluate(() => (window as unknown as { __embedEvents: Record<string, unknown>[] }).__embedEvents);

/** A docs page with the element's script from the app. */
function docsPage(page: Page, baseURL: string, body: string): Promise<void> {
  return openDocsPage(page, `<script src="${baseURL}/flowplay-embed.js"></script>`, body);
}

const HELLO = `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";
class HelloFlow extends Workflow {
  @step()
  async hello(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    console.log("hello from the embed");
    return new StopEvent({ result: "Hello, docs!" });
  }
}`;

test.describe('embed', () => {
  test('the demo page embeds three examples that draw, size themselves and never run by themselves', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await recordEmbedEvents(page);
    await page.goto('/embed-demo.html');
    await expect(page.locator('flowplay-embed')).toHaveCount(3);
    const frames = [await embedFrame(page, 0), await embedFrame(page, 1), await embedFrame(page, 2)];
    for (const frame of frames) {
      await expect(frame.getByTestId('run-status')).toHaveText('idle');
      // Sized to its content: the frame is as tall as the embed's view, not the element's default.
      const content = await frame.getByTestId('embed').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      const frameHeight = await (await frame.frameElement()).evaluate((el) => (el as Element).getBoundingClientRect().height);
      expect(Math.abs(frameHeight - content)).toBeLessThanOrEqual(1);
      expect(frameHeight).not.toBe(420);
    }
    // The options of each: read-only code, editable code, dark with the console first.
    await expect(frames[0]!.locator('.cm-content')).toHaveAttribute('aria-readonly', 'true');
    await expect(frames[1]!.locator('.cm-content')).not.toHaveAttribute('aria-readonly', 'true');
    await expect(frames[2]!.getByTestId('console')).toBeVisible();
    expect(await frames[2]!.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await expect.poll(async () => (await embedEvents(page)).filter((e) => e.type === 'ready').length, { timeout: 30_000 }).toBe(3);
    expect((await embedEvents(page)).filter((e) => e.type === 'ready').map((e) => e.workflow).sort()).toEqual(['HelloFlow', 'MapReduceFlow', 'ParallelFlow']);
    await page.waitForTimeout(1000);
    expect((await embedEvents(page)).filter((e) => e.type === 'run-started')).toEqual([]);

    // Runs on click, and the host hears when it starts and how it ended.
    await frames[0]!.getByTestId('run-button').click();
    await expect(frames[0]!.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
    await expect.poll(async () => (await embedEvents(page)).filter((e) => e.type === 'run-finished')).toEqual([
      { example: 'first-workflow', source: 'flowplay-embed', version: 1, id: expect.any(String), type: 'run-finished', status: 'stopped', result: 'Hello, Ada!' },
    ]);
    const events = (await embedEvents(page)).filter((e) => e.example === 'first-workflow').map((e) => e.type);
    expect(events.indexOf('run-started')).toBeGreaterThan(events.indexOf('ready'));
    expect(events.indexOf('run-finished')).toBeGreaterThan(events.indexOf('run-started'));
    // The other embeds did not run.
    await expect(frames[1]!.getByTestId('run-status')).toHaveText('idle');
    expect(errors).toEqual([]);
  });

  test('the console tab, a resize when the content grows, and the link to the full playground', async ({ page, baseURL }) => {
    await docsPage(page, baseURL!, `<flowplay-embed tab="console" panes="graph,console"><script type="text/plain">${HELLO}</script></flowplay-embed>`);
    const frame = await embedFrame(page, 0);
    await expect(frame.getByTestId('embed-tab-code')).toHaveCount(0);
    await expect(frame.getByTestId('console')).toBeVisible();
    const open = frame.getByTestId('embed-open');
    const href = await open.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${baseURL}/#v1\\.`));
    expect(await open.getAttribute('target')).toBe('_blank');

    const frameElement = page.locator('flowplay-embed iframe');
    const before = await frameElement.evaluate((el) => el.getBoundingClientRect().height);
    // A narrow column wraps the header: the embed grows and the frame follows.
    await page.locator('flowplay-embed').evaluate((el) => ((el as HTMLElement).style.cssText = 'display:block;width:340px'));
    await expect.poll(() => frameElement.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before);

    await frame.getByTestId('run-button').click();
    await expect(frame.locator('.console-line').first()).toContainText('hello from the embed', { timeout: 30_000 });

    // The link opens the same workflow in the playground.
    const popup = page.waitForEvent('popup');
    await open.click();
    const playground = await popup;
    await expect(playground.getByTestId('editor')).toContainText('hello from the embed', { timeout: 30_000 });
  });

  test('page and embed cannot reach each other, and a host cannot make it run', async ({ page, baseURL }) => {
    await recordEmbedEvents(page);
    await docsPage(page, baseURL!, `<flowplay-embed data-example="hello"><script type="text/plain">${HELLO}</script></flowplay-embed>`);
    const frame = await embedFrame(page, 0);
    expect(new URL(frame.url()).origin).toBe(new URL(baseURL!).origin);

    await page.evaluate(() => localStorage.setItem('host-secret', 'from the docs page'));
    const fromHost = await page.evaluate(() => {
      const iframe = document.querySelector('flowplay-embed iframe') as HTMLIFrameElement;
      const tries: Record<string, string> = {};
      tries.document = iframe.contentDocument === null ? 'null' : 'reached';
      try {
        tries.storage = String(iframe.contentWindow!.localStorage.length);
      } catch (error) {
        tries.storage = (error as Error).name;
      }
      return tries;
    });
    expect(fromHost).toEqual({ document: 'null', storage: 'SecurityError' });

    const fromEmbed = await frame.evaluate(() => {
      const tries: Record<string, string> = {};
      try {
        tries.document = String(window.parent.document.title);
      } catch (error) {
        tries.document = (error as Error).name;
      }
      try {
        tries.storage = String(window.parent.localStorage.getItem('host-secret'));
      } catch (error) {
        tries.storage = (error as Error).name;
      }
      tries.own = String(localStorage.getItem('host-secret'));
      return tries;
    });
    expect(fromEmbed).toEqual({ document: 'SecurityError', storage: 'SecurityError', own: 'null' });

    // Messages a host might try: none runs the code, and the embed only takes its own theme message.
    await page.evaluate((origin) => {
      const target = (document.querySelector('flowplay-embed iframe') as HTMLIFrameElement).contentWindow!;
      for (const message of [
        { source: 'flowplay-host', version: 1, type: 'run' },
        { source: 'flowplay-host', version: 1, type: 'set-theme', theme: 'neon' },
        { type: 'flowplay:start', code: 'x' },
        'run',
        { source: 'flowplay-host', version: 1, type: 'set-theme', theme: 'dark' },
      ]) target.postMessage(message, origin);
    }, new URL(baseURL!).origin);
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.waitForTimeout(500);
    await expect(frame.getByTestId('run-status')).toHaveText('idle');

    // A flood of theme changes (2,000, alternating) is taken a frame's worth at a time: the last one
    // holds, and the embed neither freezes nor throws.
    const thrown: string[] = [];
    page.on('pageerror', (error) => thrown.push(error.message));
    page.on('console', (message) => message.type() === 'error' && thrown.push(message.text()));
    const flooded = await page.evaluate((origin) => {
      const target = (document.querySelector('flowplay-embed iframe') as HTMLIFrameElement).contentWindow!;
      const start = performance.now();
      for (let i = 0; i < 2_000; i++) target.postMessage({ source: 'flowplay-host', version: 1, type: 'set-theme', theme: i % 2 ? 'dark' : 'light' }, origin);
      target.postMessage({ source: 'flowplay-host', version: 1, type: 'set-theme', theme: 'light' }, origin);
      return performance.now() - start;
    }, new URL(baseURL!).origin);
    expect(flooded).toBeLessThan(5_000);
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.theme), { timeout: 5_000 }).toBe('light');
    const settled = Date.now();
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(Date.now() - settled).toBeLessThan(1_000);
    expect(thrown).toEqual([]);

    // A message that only looks like the embed's (sent by the page itself) reaches no listener.
    await page.evaluate(() => window.postMessage({ source: 'flowplay-embed', version: 1, id: 'fp1', type: 'run-finished', status: 'stopped', result: 'forged' }, '*'));
    await page.waitForTimeout(300);
    expect((await embedEvents(page)).filter((e) => e.type === 'run-finished')).toEqual([]);
    expect((await embedEvents(page)).filter((e) => e.type === 'run-started')).toEqual([]);
  });

  test('Share gives embed code that shows the same workflow on another page', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await openPlayground(page, 'map-reduce');
    await page.getByTestId('share-button').click();
    await page.getByTestId('copy-embed').click();
    await expect(page.getByTestId('share-status')).toContainText('Embed code copied');
    const snippet = await page.getByTestId('embed-code').inputValue();
    expect(snippet).toMatch(new RegExp(`^<script src="${baseURL}/flowplay-embed.js"></script>\\n<flowplay-embed src="${baseURL}/#v1\\.[\\w-]+"></flowplay-embed>$`));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    const [script, element] = snippet.split('\n');
    await openDocsPage(page, script!, element!);
    const frame = await embedFrame(page, 0);
    await expect(frame.locator('.react-flow__node[data-id="step:reduce"], .react-flow__node[data-id^="step:"]').first()).toBeVisible();
    await expect(frame.getByTestId('editor')).toContainText('MapReduceFlow');
  });

  test('a broken link in an embed says what is wrong', async ({ page }) => {
    await page.goto('/embed.html#v1.AAAA');
    await expect(page.getByTestId('embed-problem')).toContainText('This link is');
    await page.goto('/embed.html');
    await expect(page.getByTestId('embed-problem')).toContainText('needs a Flowplay share link');
  });
});
