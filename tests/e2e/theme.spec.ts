import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openPlayground, test } from './fixtures.ts';
import { runToEnd } from './inspectHelpers.ts';

/** Relative luminance of an element's computed background, 0 (black) to 1 (white). */
async function backgroundLuminance(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const match = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number);
    return (0.2126 * match[0]! + 0.7152 * match[1]! + 0.0722 * match[2]!) / 255;
  });
}

/** Every part of the page that paints its own surface. */
const SURFACES = ['.cm-editor', '.graph .react-flow', '.step-node', '.scrubber', '.dock', '.result', '.run-settings', '.problems'];

test.describe('dark mode', () => {
  test.describe('with the system set to dark', () => {
    test.use({ colorScheme: 'dark' });

    test('the whole page follows the system: editor, graph, scrubber, dock, dialogs', async ({ page }) => {
      await openPlayground(page, 'parallel');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.getByTestId('theme-button')).toHaveAttribute('aria-label', 'Theme: Dark (follows the system)');
      for (const selector of SURFACES) expect(await backgroundLuminance(page, selector), selector).toBeLessThan(0.2);
      await runToEnd(page);
      await page.getByTestId('dock-tab-timeline').click();
      // The timeline's canvas draws in the theme's colours: the axis in the muted text colour, light on
      // the dark panel, and marker outlines in the panel's (a light theme's white outlines would glare).
      const ink = await page.locator('.timeline-canvas').evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let light = 0;
        let white = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3]! < 250) continue;
          if (data[i]! + data[i + 1]! + data[i + 2]! > 400) light++;
          if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) white++;
        }
        return { light: light > 0, white };
      });
      expect(ink).toEqual({ light: true, white: 0 });
      // Bars come from the theme's timeline tokens: the dark "done" green is drawn, none of the light ones.
      const colours = await page.locator('.timeline-canvas').evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set<string>();
        const hex = (n: number) => n.toString(16).padStart(2, '0');
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) seen.add(`#${hex(data[i]!)}${hex(data[i + 1]!)}${hex(data[i + 2]!)}`);
        return [...seen];
      });
      const token = (name: string) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
      // (Event markers keep the graph's colours for their type, the same in both themes.)
      expect(colours).toContain(await token('--tl-done'));
      expect(colours).toContain(await token('--tl-cancelled'));
      for (const light of ['#94a3b8', '#fcd34d']) expect(colours, light).not.toContain(light);
      await page.getByTestId('share-button').click();
      expect(await backgroundLuminance(page, '.popover')).toBeLessThan(0.2);
    });

    test('exports stay light whatever the page shows', async ({ page }) => {
      await openPlayground(page, 'parallel');
      await page.getByTestId('export-button').click();
      const downloading = page.waitForEvent('download');
      await page.getByTestId('export-svg').click();
      const svg = await readFile((await (await downloading).path())!, 'utf8');
      expect(svg).toMatch(/<rect [^>]*fill="#ffffff"\/>/);
    });
  });

  test('the button switches the theme and the choice outlives a reload; back to the system on the third press', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openPlayground(page);
    const html = page.locator('html');
    const button = page.getByTestId('theme-button');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await button.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(button).toHaveAttribute('aria-label', 'Theme: Dark (your choice)');
    expect(await backgroundLuminance(page, '.cm-editor')).toBeLessThan(0.2);

    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    // A chosen theme no longer follows the system.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-theme', 'dark');

    await button.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await button.click();
    await expect(button).toHaveAttribute('data-theme-preference', 'system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
  });

  test('an embed in dark shows its editor, graph and console dark too', async ({ page }) => {
    await page.goto('/embed-demo.html');
    const frame = page.frameLocator('iframe').nth(2);
    await expect(frame.locator('.react-flow__node').first()).toBeVisible({ timeout: 20_000 });
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await frame.locator('.graph .react-flow').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(dark).not.toBe('rgb(255, 255, 255)');
    expect(await frame.locator('.embed').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 18, 32)');
  });
});
