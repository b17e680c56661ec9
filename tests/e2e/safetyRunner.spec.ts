import type { Page } from '@playwright/test';
import { browserBenchSource } from '../../bench/browserWorkload.ts';
import { expect, openPlayground, probeWorkflow, runProbe as run, setCode, stepNode, test } from './fixtures.ts';

/** Code that attacks the runner itself: what it leaves behind, and the watchdog. */
const oneStep = (marker: string, body: string): string => probeWorkflow(body, `\n// ${marker}`);

const status = (page: Page) => page.getByTestId('run-status');
const result = (page: Page) => page.getByTestId('run-result');

test.describe('nothing survives a run', () => {
  test('timers and patched prototypes left by one run do not reach the next', async ({ page }) => {
    await openPlayground(page);
    await run(
      page,
      oneStep(
        'code from a link',
        `    (globalThis as any).__left = "left by the first run";
    String.prototype.toUpperCase = function () { return "HIJACKED"; };
    const stringify = JSON.stringify;
    JSON.stringify = (...args: any[]) => stringify("rewritten");
    setInterval(() => console.log("leftover timer"), 30);
    return new StopEvent({ result: "first" });`,
      ),
    );
    await expect(status(page)).toHaveText('stopped', { timeout: 20_000 });
    await run(
      page,
      oneStep(
        'the user code',
        `    await new Promise((r) => setTimeout(r, 300));
    return new StopEvent({ result: typeof (globalThis as any).__left + " " + "ok".toUpperCase() + " " + JSON.stringify({ a: 1 }) });`,
      ),
    );
    await expect(status(page)).toHaveText('stopped', { timeout: 20_000 });
    await expect(result(page)).toHaveText('undefined OK {"a":1}');
    await expect(page.getByTestId('console')).not.toContainText('leftover timer');
    await expect(page.getByTestId('editor')).toContainText('the user code');
  });
});

test.describe('the watchdog', () => {
  test('does not take a runner that has finished its run for a stuck one while the page is still taking the run in', async ({ page }) => {
    await openPlayground(page);
    // The browser benchmark's fan-out: 20,000 events sent, answered and collected.
    await setCode(page, browserBenchSource(40_000));
    await expect(stepNode(page, 'gather')).toBeVisible();
    // The page's thread slowed (its workers are not): the runner is done in well under a second, and
    // the page takes its 140,000 records in, a few milliseconds a frame, for many seconds after.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('engine-controls')).toHaveAttribute('data-engine', 'done', { timeout: 90_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Every record is in, and the run's end is its own, not the watchdog's.
    await page.getByTestId('replay-end').click();
    await expect(status(page)).toHaveText('stopped');
    await expect(result(page)).toHaveText('20000');
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-total', '140007');
  });

  test('is not fooled by a nested worker that keeps beating on the events port while the runner spins', async ({ page }) => {
    await openPlayground(page);
    await run(
      page,
      oneStep(
        'hands the events port away',
        `    const send = MessagePort.prototype.postMessage;
    let handed = false;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: any[]) {
      const m = args[0];
      if (!handed && m && m.type === "beat") {
        handed = true;
        const source = 'onmessage = (e) => { const port = e.data; setInterval(() => port.postMessage({ type: "beat" }), 100); };';
        const w = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
        w.postMessage(this, [this]);
        return;
      }
      return (send as any).apply(this, args);
    };
    await new Promise((r) => setTimeout(r, 700));
    console.log("handed: " + handed);
    while (true) {}`,
      ),
    );
    await expect(status(page)).toHaveText('failed', { timeout: 15_000 });
    await expect(result(page)).toContainText("RunnerUnresponsive: Step 'probe' did not respond for 2 seconds");
    await expect(page.getByTestId('editor')).toContainText('hands the events port away');
    await setCode(page, oneStep('after', '    return new StopEvent({ result: "page still works" });'));
    await expect(stepNode(page, 'probe')).toBeVisible();
    await page.getByTestId('run-button').click();
    await expect(result(page)).toHaveText('page still works', { timeout: 15_000 });
  });
});

test.describe('an error that lies about its line', () => {
  test('"line 9,000,000,000,000,000" goes to the last line at once and the page stays usable', async ({ page }) => {
    await openPlayground(page);
    await run(
      page,
      oneStep(
        'claims a line far past the end',
        `    const e = new Error("liar");
    e.stack = "Error: liar\\n    at Probe.probe (eval at execute (runner.js:1:1), <anonymous>:9000000000000002:1)";
    throw e;`,
      ),
    );
    await expect(status(page)).toHaveText('failed', { timeout: 15_000 });
    const where = result(page).locator('.result-where');
    await expect(where).toContainText('line 9000000000000000');
    await where.click();
    // The click returns and the editor's selection is on the last line of the code.
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected.length).toBeLessThan(200);
    await expect(page.getByTestId('editor')).toContainText('claims a line far past the end');
    await setCode(page, oneStep('after', '    return new StopEvent({ result: "page still works" });'));
    await expect(stepNode(page, 'probe')).toBeVisible();
    await page.getByTestId('run-button').click();
    await expect(result(page)).toHaveText('page still works', { timeout: 15_000 });
  });
});
