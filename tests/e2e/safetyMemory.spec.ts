import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { expect, openPlayground, setCode, setSpeed, test } from './fixtures.ts';

// A small heap for this file's browser only, so the runner runs out quickly and the machine does not.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=384'] } });

const HOG = `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Hog extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    const hog: number[][] = [];
    while ((ev as any).hog) hog.push(new Array(4_000_000).fill(hog.length));
    return new StopEvent({ result: "page still works" });
  }
}
`;

/**
 * Evaluates in the page over a browser-level DevTools session. Playwright gives up on a page once
 * any of its frames' processes crashes, which is exactly what the sandboxed runner's frame does
 * here; the page itself (another process) lives on, and this is how the test sees it.
 */
async function pageEvaluator(browser: Browser, url: string): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(url));
  if (!target) throw new Error('no page target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const waiting = new Map<number, (value: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result?.result?.value);
  });
  let id = 0;
  return (expression) =>
    new Promise((resolve) => {
      const n = ++id;
      waiting.set(n, resolve);
      const message = JSON.stringify({ id: n, method: 'Runtime.evaluate', params: { expression, returnByValue: true } });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message });
    });
}

const text = (testId: string) => `document.querySelector('[data-testid="${testId}"]')?.textContent ?? ''`;

test('a run that exhausts memory: the runner dies, the page says so and runs the next workflow', async ({ page, browser, baseURL }) => {
  await openPlayground(page);
  await setCode(page, HOG);
  await expect(page.locator('.react-flow__node[data-id="step:start"]')).toBeVisible();
  await setSpeed(page, 10);
  await page.getByTestId('run-input').fill('{ "hog": true }');
  const evaluate = await pageEvaluator(browser, baseURL!);
  await page.getByTestId('run-button').click();

  await expect.poll(() => evaluate(text('run-status')), { timeout: 20_000 }).toBe('failed');
  expect(await evaluate(text('run-result'))).toMatch(/RunnerCrashed: The runner stopped unexpectedly while step 'start' was running.*out of memory/);

  // Same page, no reload: a fresh runner takes the next run.
  await evaluate(`(() => {
    const input = document.querySelector('[data-testid="run-input"]');
    const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
    setValue.call(input, '{ "hog": false }');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await expect.poll(() => evaluate(`document.querySelector('[data-testid="run-button"]')?.disabled === false`)).toBe(true);
  await evaluate(`document.querySelector('[data-testid="run-button"]').click()`);
  await expect.poll(() => evaluate(text('run-result')), { timeout: 15_000 }).toBe('page still works');
});
