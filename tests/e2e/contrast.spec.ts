import { eventNode, expect, openPlayground, test } from './fixtures.ts';
import { lowContrast } from './contrastCheck.ts';
import { runToEnd } from './inspectHelpers.ts';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`text contrast, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test(`every text is at least 4.5:1: idle, after a run, each dock tab, the tutorial and a menu (${scheme})`, async ({ page }) => {
      test.setTimeout(120_000);
      await openPlayground(page, 'parallel');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      expect(await lowContrast(page)).toEqual([]);

      await runToEnd(page);
      await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '1');
      expect(await lowContrast(page)).toEqual([]);
      for (const tab of ['timeline', 'inspector'] as const) {
        await page.getByTestId(`dock-tab-${tab}`).click();
        if (tab === 'inspector') await eventNode(page, 'StepTwoEvent').click();
        expect(await lowContrast(page), tab).toEqual([]);
      }
      await page.getByTestId('export-button').click();
      expect(await lowContrast(page), 'export menu').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByTestId('tutorial-button').click();
      await expect(page.getByTestId('tutorial')).toBeVisible();
      expect(await lowContrast(page), 'tutorial').toEqual([]);
    });
  });
}
