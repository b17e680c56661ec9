import { readFileSync } from 'node:fs';
import { encodeShare } from '../../src/share/index.ts';
import { expect, test } from './fixtures.ts';

/**
 * What a docs page's reader downloads before the embed shows its graph: a workflow whose analysis
 * ships with the page draws without the editor (CodeMirror) or the language worker (TypeScript),
 * over a megabyte between them, so both are fetched only after the graph is on screen.
 */
test('the embed fetches its editor and language worker only after its graph is on screen', async ({ page }) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('.react-flow__node')) return;
      (window as unknown as { __graphAt: number }).__graphAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const code = readFileSync('src/examples/concurrency/parallel.ts', 'utf8');
  await page.goto(`/embed.html${encodeShare({ code })}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  // Both arrive in the end: the code tab shows the editor, and the worker's analysis takes over.
  // Waiting for the two downloads themselves, not for the network to fall quiet: a page that keeps
  // one connection open (a worker's, a preview server's) never looks idle on some machines.
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 });
  const fetched = (): Promise<{ graphAt: number; starts: { name: string; start: number }[] }> =>
    page.evaluate(() => ({
      graphAt: (window as unknown as { __graphAt: number }).__graphAt,
      starts: performance
        .getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).responseEnd > 0)
        .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
    }));
  const isEditor = (name: string): boolean => /\/CodeEditor-[^/]*\.js$/.test(name);
  const isWorker = (name: string): boolean => /\/language\.worker-[^/]*\.js$/.test(name);
  await expect
    .poll(async () => {
      const { starts } = await fetched();
      return starts.some((s) => isEditor(s.name)) && starts.some((s) => isWorker(s.name));
    }, { timeout: 30_000 })
    .toBe(true);
  const { graphAt, starts } = await fetched();
  const editor = starts.filter((s) => isEditor(s.name));
  const worker = starts.filter((s) => isWorker(s.name));
  expect(editor.length).toBeGreaterThan(0);
  expect(worker.length).toBeGreaterThan(0);
  for (const s of [...editor, ...worker]) expect(s.start, s.name).toBeGreaterThan(graphAt);
});
