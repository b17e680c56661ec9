import type { Page } from '@playwright/test';
import { expect, openPlayground, setCode, setSpeed, stepNode, test } from './fixtures.ts';

/** A one-step workflow whose step body is `body` (TypeScript inside an async method). */
function oneStep(body: string): string {
  return `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Probe extends Workflow {
  @step()
  async probe(ctx: Context, ev: StartEvent): Promise<StopEvent> {
${body}
  }
}
`;
}

async function runCode(page: Page, code: string, step = 'probe'): Promise<void> {
  await setCode(page, code);
  await expect(stepNode(page, step)).toBeVisible();
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
}

const status = (page: Page) => page.getByTestId('run-status');
const result = (page: Page) => page.getByTestId('run-result');

test.describe('the runner is sandboxed', () => {
  test('runs in a frame with an opaque origin, and the app has a content security policy', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await openPlayground(page);
    const frame = page.locator('iframe.runner-sandbox');
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
    const sandbox = page.frames().find((f) => f.url().endsWith('/sandbox.html'));
    expect(sandbox, 'the sandbox frame').toBeTruthy();
    expect(await sandbox!.evaluate(() => self.origin)).toBe('null');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("worker-src 'self';");
    // An inline script injected into the page is refused.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false)).toBe(false);
    // The page itself works under the policy: the default example runs to its result.
    await setSpeed(page, 10);
    await page.getByTestId('run-button').click();
    await expect(status(page)).toHaveText('stopped', { timeout: 20_000 });
    expect(violations.filter((v) => !v.includes('__inlineRan') && !/inline script/i.test(v))).toEqual([]);
  });

  test('user code cannot read the page, its storage, cookies or IndexedDB, nor fetch', async ({ page }) => {
    await openPlayground(page);
    await page.evaluate(() => {
      localStorage.setItem('flowplay-secret', 'app-only');
      document.cookie = 'flowplay_secret=app-only';
    });
    await runCode(
      page,
      oneStep(`    const g = globalThis as any;
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(g));
    const probes: Record<string, () => unknown> = {
      localStorage: () => g.localStorage.getItem("flowplay-secret"),
      cookie: () => g.document.cookie,
      parent: () => g.parent.document.title,
      indexedDB: () => Object.getOwnPropertyDescriptor(proto, "indexedDB")?.get?.call(g).open("x"),
    };
    const seen: string[] = [];
    for (const [name, probe] of Object.entries(probes)) {
      try { seen.push(name + " read " + JSON.stringify(probe())); } catch (e: any) { seen.push(name + " -> " + e.name + ": " + e.message); }
    }
    try { await fetch("/"); seen.push("fetch read the app"); } catch (e: any) { seen.push("fetch -> " + e.name); }
    seen.push("typeof window: " + typeof (globalThis as any).window);
    for (const line of seen) console.log(line);
    return new StopEvent({ result: "probed" });`),
    );
    await expect(status(page)).toHaveText('stopped');
    const console = page.getByTestId('console');
    await expect(console).toContainText('localStorage -> TypeError');
    await expect(console).toContainText('cookie -> TypeError');
    await expect(console).toContainText('parent -> TypeError');
    await expect(console).toContainText('typeof window: undefined');
    await expect(console).toContainText('indexedDB -> SecurityError');
    await expect(console).toContainText('fetch -> TypeError');
    await expect(console).not.toContainText('app-only');
    await expect(console).not.toContainText('read the app');
  });

  test('a step stuck in a synchronous loop is stopped by the watchdog, which names the step', async ({ page }) => {
    await openPlayground(page);
    const started = Date.now();
    await runCode(page, oneStep('    let i = 0;\n    while (true) { i++; }\n    return new StopEvent({ result: i });'));
    await expect(status(page)).toHaveText('failed', { timeout: 8_000 });
    expect(Date.now() - started).toBeLessThan(7_000);
    await expect(result(page)).toContainText("Step 'probe' did not respond for 2 seconds");
    await expect(result(page)).toContainText('in step probe, line 5');
    // The next run works at once on a fresh runner.
    await setCode(page, oneStep('    return new StopEvent({ result: "fresh" });'));
    await page.getByTestId('run-button').click();
    await expect(result(page)).toHaveText('fresh');
  });

  test('code that closes the runner: detected, replaced, the run marked failed', async ({ page }) => {
    await openPlayground(page);
    await runCode(page, oneStep('    (globalThis as any).close();\n    return new StopEvent({ result: "after close" });'));
    await expect(status(page)).toHaveText('failed');
    await expect(result(page)).toContainText('RunnerClosed: The code called close()');
    await setCode(page, oneStep('    return new StopEvent({ result: "fresh" });'));
    await page.getByTestId('run-button').click();
    await expect(result(page)).toHaveText('fresh');
  });

  test('forged messages from user code are dropped and counted; the UI is not misled', async ({ page }) => {
    await openPlayground(page);
    await runCode(
      page,
      oneStep(`    const g = globalThis as any;
    g.postMessage({ type: "flowplay:connect" });
    g.postMessage("hello page");
    const send = MessagePort.prototype.postMessage;
    let forged = 0;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: any[]) {
      if (forged < 3) {
        forged++;
        send.call(this, { type: "trace", run: 1, records: [{ v: 2, kind: "run.finished", runId: "x", seq: 99, t: 0, status: "stopped", result: "forged" }] });
        send.call(this, { type: "trace", run: 1, records: [{ kind: "step.started", step: "<img src=x>" }] });
        send.call(this, { type: "nonsense", payload: new Array(5).fill("x") });
      }
      return (send as any).apply(this, args);
    };
    await new Promise((r) => setTimeout(r, 50));
    MessagePort.prototype.postMessage = send;
    return new StopEvent({ result: "genuine" });`),
    );
    await expect(status(page)).toHaveText('stopped');
    await expect(result(page)).toHaveText('genuine');
    await expect(page.getByTestId('console')).toContainText(/\d+ messages from the runner were not valid trace records and were ignored/);
  });
});
