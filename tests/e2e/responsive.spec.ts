import type { Page } from '@playwright/test';
import { expect, openPlayground, test } from './fixtures.ts';

/** The page's own width beyond the window's (0: no horizontal scroll), and controls cut off at the sides. */
async function overflow(page: Page): Promise<{ extra: number; cut: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = ['run-button', 'stop-button', 'run-status', 'export-button', 'share-button', 'run-input', 'scrubber', 'console']
      .filter((id) => {
        const box = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
        return !box || box.left < 0 || box.right > width + 0.5;
      });
    return { extra: document.documentElement.scrollWidth - width, cut };
  });
}

test.describe('any screen from 768 px: no horizontal scroll', () => {
  for (const [width, height] of [[768, 900], [900, 700], [1024, 768]] as const) {
    test(`${width}x${height}: the playground, a large example and the tutorial fit the width`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page);
      expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
      await page.getByTestId('example-select').selectOption('retrieval');
      await expect(page.getByTestId('graph')).toHaveAttribute('data-layout', 'ready');
      expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
      await page.getByTestId('tutorial-button').click();
      await expect(page.getByTestId('tutorial')).toBeVisible();
      expect(await overflow(page)).toEqual({ extra: 0, cut: [] });
      // The graph keeps a usable size when the panes stack.
      const graph = (await page.getByTestId('graph').boundingBox())!;
      expect(graph.width).toBeGreaterThan(width - 60);
      expect(graph.height).toBeGreaterThan(300);
    });
  }
});
