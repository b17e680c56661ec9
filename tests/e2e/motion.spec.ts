import { expect, openPlayground, runAndSample, setSpeed, test } from './fixtures.ts';

const tokenPositions = (edge: string) =>
  `[...document.querySelectorAll('.react-flow__edge[data-id="${edge}"] .token')].map((t) => t.getAttribute('transform'))`;

test.describe('motion', () => {
  test('tokens travel along their edge, placed from the playback clock', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setSpeed(page, 2);
    const samples = await runAndSample<string[]>(page, tokenPositions('event:StartEvent->step:start'));
    const seen = new Set(samples.flat());
    expect(seen.size, 'distinct positions of the StartEvent token').toBeGreaterThan(3);
  });

  test('with reduced motion a token waits in the middle of its edge instead of moving', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPlayground(page, 'parallel');
    await setSpeed(page, 2);
    const samples = await runAndSample<string[]>(page, tokenPositions('event:StartEvent->step:start'));
    const seen = new Set(samples.flat());
    expect(seen.size, 'the StartEvent token is shown, in one place').toBe(1);
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
  });

  test('asking for reduced motion while the page is open holds the tokens still from then on', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setSpeed(page, 2);
    // The page keeps one media query for every edge: a change of the setting must still reach them.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const samples = await runAndSample<string[]>(page, tokenPositions('event:StartEvent->step:start'));
    expect(new Set(samples.flat()).size, 'the StartEvent token is shown, in one place').toBe(1);
  });

  test('edges are never drawn with animated dashes', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await expect(page.locator('.react-flow__edge.animated')).toHaveCount(0);
  });
});
