import type { Frame, Page } from '@playwright/test';
import { encodeShare } from '../../src/share/index.ts';
import { serveStatic } from '../support/staticServer.ts';
import type { StaticServer } from '../support/staticServer.ts';
import { expect, test } from './fixtures.ts';

/**
 * Each of the embed's options, on its address and as the element's attributes: panes, the first tab,
 * editable or read-only code, light, dark and the reader's colour scheme, the seed; and that no
 * option, address or attribute makes it run before someone presses Run.
 */

const LUCKY = `import { Context, StartEvent, StopEvent, Workflow, step, randint } from "flowplay";
class LuckyFlow extends Workflow {
  @step()
  async draw(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    const n = randint(1, 1000000);
    console.log("drew", n);
    return new StopEvent({ result: n });
  }
}
`;

async function openEmbed(page: Page, search: string, code = LUCKY, seed?: number): Promise<void> {
  await page.goto(`/embed.html${search}${encodeShare({ code, ...(seed !== undefined ? { seed } : {}) })}`);
  await expect(page.getByTestId('embed')).toBeVisible({ timeout: 30_000 });
}

/** The colour an element is drawn on: its own background, or the first opaque one above it. */
function drawnOn(frame: Page | Frame, selector: string): Promise<{ background: number; text: number }> {
  return frame.locator(selector).first().evaluate((start) => {
    // rgb(0-255 …), or color(srgb 0-1 …) for a color-mix().
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
      const scale = colour.startsWith('color(') ? 1 : 255;
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / scale;
    };
    let el: Element | null = start;
    let background = '';
    while (el) {
      const colour = getComputedStyle(el).backgroundColor;
      const alpha = /rgba\([^)]*,\s*([\d.]+)\)|\/\s*([\d.]+)\)/.exec(colour);
      if (colour !== 'transparent' && !(alpha && Number(alpha[1] ?? alpha[2]) < 0.5)) {
        background = colour;
        break;
      }
      el = el.parentElement;
    }
    return { background: luminance(background || 'rgb(255, 255, 255)'), text: luminance(getComputedStyle(start).color) };
  });
}

/** What the embed shows with the code tab open, and with the console tab open (the header is dark in both themes). */
const CODE_VIEW = ['.embed', '.graph', '.step-node', '.step-name', '.event-node', '.event-name', '.graph-legend', '.react-flow__controls-button', '.export-menu button', '.dock-tabs', '.cm-editor', '.cm-gutters', '.cm-line', '.problems'];
const CONSOLE_VIEW = ['.console', '.console-text', '.result', '.result-value'];
/** Drawn in muted colours on purpose (line numbers, icons, tab labels): only their background counts. */
const BACKGROUND_ONLY = new Set(['.cm-gutters', '.react-flow__controls-button', '.dock-tabs', '.graph-legend', '.graph']);

test.describe('embed options', () => {
  test('read-only code, all panes and the code tab by default; it never runs by itself', async ({ page }) => {
    await openEmbed(page, '');
    await expect(page.locator('.react-flow__node[data-id="step:draw"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('embed-tab-code')).toHaveAttribute('aria-selected', 'true');
    const content = page.locator('.cm-content');
    await expect(content).toHaveAttribute('aria-readonly', 'true');
    await content.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('// a reader typing');
    await expect(page.getByTestId('editor')).not.toContainText('a reader typing');
    await page.waitForTimeout(1_000);
    await expect(page.getByTestId('run-status')).toHaveText('idle');
  });

  test('no address makes it run: run or autoplay options are not options', async ({ page }) => {
    await openEmbed(page, '?autoplay=1&run=1&play=true&tab=console');
    await expect(page.locator('.react-flow__node[data-id="step:draw"]')).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(1_500);
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    await expect(page.locator('.console-line')).toHaveCount(0);
  });

  test('panes, the first tab and editable code: what the reader edits is what runs', async ({ page }) => {
    await openEmbed(page, '?panes=code,console&tab=console&editable=1');
    await expect(page.locator('.graph')).toHaveCount(0);
    await expect(page.getByTestId('embed-tab-console')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('console')).toBeVisible();
    await page.getByTestId('embed-tab-code').click();
    const content = page.locator('.cm-content');
    await expect(content).not.toHaveAttribute('aria-readonly', 'true');
    await content.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(LUCKY.replace('console.log("drew", n);', 'console.log("edited in the embed");'));
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
    await page.getByTestId('embed-tab-console').click();
    await expect(page.getByTestId('console')).toContainText('edited in the embed');
    // Open in Flowplay takes what the reader has now, not the link the page was given.
    const popup = page.waitForEvent('popup');
    await page.getByTestId('embed-open').click();
    const opened = await popup;
    await expect(opened.getByTestId('editor')).toContainText('edited in the embed', { timeout: 30_000 });
    await opened.close();

    // The graph alone: no tabs at all, and an edit elsewhere is not possible.
    await openEmbed(page, '?panes=graph');
    await expect(page.locator('.react-flow__node[data-id="step:draw"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[role="tab"]')).toHaveCount(0);
    await expect(page.getByTestId('run-button')).toBeVisible();
  });

  for (const theme of ['dark', 'light'] as const) {
    test(`${theme} draws every pane ${theme}: graph, nodes, controls, code, problems, console, result`, async ({ page }) => {
      await openEmbed(page, `?theme=${theme}&editable=1`);
      await expect(page.locator('.react-flow__node[data-id="step:draw"]')).toBeVisible({ timeout: 30_000 });
      await page.getByTestId('run-button').click();
      await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
      await expect(page.locator('.cm-content')).toBeVisible();
      await expectDrawn(page, theme, CODE_VIEW);
      await page.getByTestId('embed-tab-console').click();
      await expect(page.getByTestId('console')).toContainText('drew');
      await expectDrawn(page, theme, CONSOLE_VIEW);
    });
  }

  test("without a theme it follows the reader's colour scheme, and changes with it; a chosen theme does not", async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openEmbed(page, '');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await openEmbed(page, '?theme=light');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });
});

async function expectDrawn(page: Page, theme: 'light' | 'dark', selectors: readonly string[]): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  for (const selector of selectors) {
    const { background, text } = await drawnOn(page, selector);
    const readText = !BACKGROUND_ONLY.has(selector);
    if (theme === 'dark') {
      expect(background, `${selector} is drawn on a dark background`).toBeLessThan(0.3);
      if (readText) expect(text, `${selector} has light text`).toBeGreaterThan(0.55);
    } else {
      expect(background, `${selector} is drawn on a light background`).toBeGreaterThan(0.85);
      if (readText) expect(text, `${selector} has dark text`).toBeLessThan(0.5);
    }
  }
}

/** Docs pages of another origin than the app's (another port), closed after each test. */
const servers: StaticServer[] = [];
test.afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function docsPage(page: Page, baseURL: string, body: string): Promise<Frame[]> {
  const html = `<!doctype html><html><head><script src="${baseURL}/flowplay-embed.js"></script></head><body>${body}</body></html>`;
  const server = await serveStatic((path) => (path === '/guide.html' ? { type: 'text/html', body: html } : null));
  servers.push(server);
  await page.goto(`${server.origin}/guide.html`);
  const frames: Frame[] = [];
  for (const handle of await page.locator('flowplay-embed iframe').elementHandles()) {
    // The frames load lazily, as they come into view.
    await handle.scrollIntoViewIfNeeded();
    const frame = (await handle.contentFrame())!;
    await expect(frame.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
    frames.push(frame);
  }
  return frames;
}

const inline = (attributes: string) => `<flowplay-embed ${attributes}><script type="text/plain">${LUCKY}</script></flowplay-embed>`;

test.describe('the element\'s attributes', () => {
  test('theme: dark, light, or the reader\'s scheme; changing the attribute restyles the embed', async ({ page, baseURL }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const [dark, light, auto] = await docsPage(page, baseURL!, inline('theme="dark"') + inline('theme="light"') + inline(''));
    const themeOf = (frame: Frame) => frame.evaluate(() => document.documentElement.dataset.theme);
    expect([await themeOf(dark!), await themeOf(light!), await themeOf(auto!)]).toEqual(['dark', 'light', 'dark']);
    await page.locator('flowplay-embed').nth(0).evaluate((el) => el.setAttribute('theme', 'light'));
    await page.locator('flowplay-embed').nth(1).evaluate((el) => el.removeAttribute('theme'));
    await expect.poll(() => themeOf(dark!)).toBe('light');
    // Without the attribute it follows the reader again, who prefers dark here.
    await expect.poll(() => themeOf(light!)).toBe('dark');
  });

  test('seed: the same seed draws the same numbers, another seed others; none runs before Run', async ({ page, baseURL }) => {
    const frames = await docsPage(page, baseURL!, inline('seed="1" panes="graph,console" tab="console"') + inline('seed="2" panes="graph,console" tab="console"') + inline('seed="1" panes="graph,console" tab="console"'));
    const results: string[] = [];
    for (const frame of frames) {
      await expect(frame.getByTestId('run-status')).toHaveText('idle');
      await frame.getByTestId('run-button').click();
      await expect(frame.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
      results.push((await frame.getByTestId('run-result').innerText()).trim());
    }
    expect(results[0]).toMatch(/^\d+$/);
    expect(results[2]).toBe(results[0]);
    expect(results[1]).not.toBe(results[0]);
  });
});
