/**
 * Every run has a runner of its own, and Python's compiled code would go with each: one sandboxed
 * frame holds the compiled module for the page's lifetime, so the browser hands each new runner the
 * code earlier runners made fast (bench/pythonPage.ts measures the effect; here, what the page does).
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, setSpeed, test } from './fixtures.ts';

const keeper = (page: Page) => page.locator('iframe.python-code-keeper');

async function run(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 150_000 });
  await expect(page.getByTestId('run-result')).toHaveText(/^Query [123]$/);
}

test('one sandboxed frame keeps Python’s compiled code across runs, and a TypeScript page has none', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page);
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  await page.waitForTimeout(500);
  await expect(keeper(page)).toHaveCount(0);

  await openPlayground(page, 'parallel&lang=python');
  await setSpeed(page, 10);
  await run(page);
  // Made once a Python runner has started with no run waiting for it: here, the second run's.
  await expect(keeper(page)).toHaveCount(1, { timeout: 60_000 });
  await expect(keeper(page)).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(keeper(page)).toHaveAttribute('aria-hidden', 'true');
  await expect(keeper(page)).toBeHidden();
  // Its origin is as opaque as a runner's: nothing in it could reach the app's storage.
  const handle = await keeper(page).elementHandle();
  const frame = await handle!.contentFrame();
  expect(await frame!.evaluate(() => self.origin)).toBe('null');
  await page.evaluate(() => ((document.querySelector('iframe.python-code-keeper') as HTMLIFrameElement & { __first?: boolean }).__first = true));

  // A keeper runs no code it is handed: code that would beat at once never does.
  const heard = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const frame = document.querySelector('iframe.python-code-keeper') as HTMLIFrameElement;
        const [api, events, supervisor] = [new MessageChannel(), new MessageChannel(), new MessageChannel()];
        const heard: string[] = [];
        supervisor.port1.onmessage = (m) => heard.push(JSON.stringify(m.data));
        events.port1.onmessage = (m) => heard.push(JSON.stringify(m.data));
        const code = "postMessage({ type: 'flowplay:beat' }); self.onmessage = (e) => e.data.events?.postMessage({ type: 'hello' });";
        frame.contentWindow!.postMessage({ type: 'flowplay:start', code, api: api.port2, events: events.port2, supervisor: supervisor.port2 }, '*', [api.port2, events.port2, supervisor.port2]);
        setTimeout(() => resolve(heard), 1_500);
      }),
  );
  expect(heard).toEqual([]);

  // Runner frames come and go with their runs; the keeper stays, the same frame, and only one.
  for (let i = 0; i < 3; i++) await run(page);
  await expect(keeper(page)).toHaveCount(1);
  expect(await page.evaluate(() => (document.querySelector('iframe.python-code-keeper') as HTMLIFrameElement & { __first?: boolean }).__first)).toBe(true);
  // At most the runners a page keeps ready (TypeScript's and Python's, and one put off until idle) beside it.
  await expect.poll(() => page.locator('iframe.runner-sandbox').count(), { timeout: 10_000 }).toBeLessThanOrEqual(2);
});
