import { expect, openPlayground, setCode, setSpeed, stepNode, test } from './fixtures.ts';

/** The normal path, not an attack: a run that keeps large values stays within the page's memory. */
const BIG = `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";

// sets a 40 MB value sixty times
class Big extends Workflow {
  @step()
  async probe(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    // 100 x 100 strings of 4,000 characters: 40 million characters, within toJsonSafe's own limits.
    const chunk = "x".repeat(4_000);
    for (let i = 0; i < 60; i++) {
      const text = chunk + i;
      const value = Array.from({ length: 100 }, () => new Array(100).fill(text));
      await ctx.set("big", value);
    }
    await ctx.set("small", { ok: true });
    return new StopEvent({ result: "kept what fits" });
  }
}
`;

test('a run that sets a 40 MB value sixty times: values cut with a note, the page stays small and usable', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await setCode(page, BIG);
  await expect(stepNode(page, 'probe')).toBeVisible();
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 60_000 });
  await expect(page.getByTestId('run-result')).toHaveText('kept what fits');
  await expect(page.getByTestId('console')).toContainText('Values cut: 60 values not kept (a value may take 1,000,000 characters');
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  expect(heap).toBeLessThan(300 * 1024 * 1024);
  await expect(page.getByTestId('editor')).toContainText('sets a 40 MB value sixty times');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 60_000 });
});
