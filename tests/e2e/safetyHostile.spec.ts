import { readFile } from 'node:fs/promises';
import { encodeShare } from '../../src/share/index.ts';
import { GOOD_WORKFLOW, MY_DRAFT, expect, expectUsable, openLink, openPlayground, saveMyDraft, setCode, setSpeed, test } from './fixtures.ts';

/**
 * Hostile links, pages and files, each as an attacker would send them: the page stays usable, the
 * user's draft stays theirs, and what happened is said in words.
 */
/** A workflow that chains `n` steps, one event type between each two. */
function chain(n: number): string {
  const lines = ['import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";'];
  for (let i = 0; i < n; i++) lines.push(`class E${i} extends Event<{}> {}`);
  lines.push('class Chain extends Workflow {');
  lines.push('  @step() async s0(ctx: Context, ev: StartEvent): Promise<E0> { return new E0({}); }');
  for (let i = 1; i < n; i++) lines.push(`  @step() async s${i}(ctx: Context, ev: E${i - 1}): Promise<E${i}> { return new E${i}({}); }`);
  lines.push(`  @step() async end(ctx: Context, ev: E${n - 1}): Promise<StopEvent> { return new StopEvent({}); }`, '}');
  return lines.join('\n');
}

test.describe('a link cannot blank the page', () => {
  test('a link chaining 1,500 steps: "too large to draw" with text views, and the next visit shows the draft', async ({ page }) => {
    test.setTimeout(120_000);
    await saveMyDraft(page);
    const link = encodeShare({ code: chain(1_500) });
    expect(link.length).toBeLessThan(40_000);
    await openLink(page, link);
    await expect(page.getByTestId('notice-link')).toContainText('Opened a shared workflow');
    const tooLarge = page.getByTestId('graph-too-large');
    await expect(tooLarge).toContainText('too large to draw: 1,501 steps and 1,502 event types', { timeout: 60_000 });
    await expect(page.getByTestId('graph-text')).toContainText('s1: E0 -> E1');
    await page.getByTestId('graph-text-mermaid').click();
    await expect(page.getByTestId('graph-text')).toContainText('flowchart TD');
    await expect(page.getByTestId('drafts-button')).toBeVisible();
    await page.screenshot({ path: 'screenshots/safety-too-large.png' });
    // Never edited, the link is not a draft: the next visit shows the user's own work.
    await page.goto('/');
    await expect(page.getByTestId('editor')).toContainText('my draft, not to be lost', { timeout: 15_000 });
    await expectUsable(page);
  });

  test('a part of the page that fails says so, offers a way back, and the rest keeps working', async ({ page }) => {
    await saveMyDraft(page);
    // Observing the size of anything in the graph throws: React Flow cannot mount.
    await page.addInitScript(() => {
      const observe = ResizeObserver.prototype.observe;
      ResizeObserver.prototype.observe = function (this: ResizeObserver, target: Element, options?: ResizeObserverOptions) {
        if (target.closest('[data-testid="graph"]')) throw new Error('ResizeObserver is broken on purpose');
        return observe.call(this, target, options);
      };
    });
    await page.goto('/');
    await expect(page.getByTestId('crash-graph')).toContainText('The graph stopped working.');
    await expect(page.getByTestId('crash-graph')).toContainText('ResizeObserver is broken on purpose');
    await expect(page.getByTestId('crash-graph-retry')).toBeVisible();
    await page.screenshot({ path: 'screenshots/safety-graph-crashed.png' });
    const code = page.getByTestId('editor').or(page.getByTestId('code-as-text'));
    await expect(code.first()).toContainText('my draft, not to be lost');
    await setSpeed(page, 10);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-result')).toHaveText('page still works', { timeout: 15_000 });
  });
});

test.describe('opened things never push the user\'s work out', () => {
  test('another site navigating the tab through a dozen links leaves every draft in place', async ({ page }) => {
    test.setTimeout(120_000);
    await saveMyDraft(page);
    // A second draft of the user's own: an example, edited.
    await page.getByTestId('example-select').selectOption('collect');
    await expect(page.getByTestId('editor')).toContainText('collectEvents waits for all three results');
    await page.getByTestId('editor').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n// my second draft\n');
    await page.waitForTimeout(1_000);
    for (let i = 0; i < 12; i++) {
      const response = await openLink(page, encodeShare({ code: `// hostile ${i}\n${GOOD_WORKFLOW}` }));
      if (i === 0) expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
      await expect(page.getByTestId('notice-link')).toBeVisible({ timeout: 15_000 });
    }
    await page.goto('/');
    await expect(page.getByTestId('editor')).toContainText('// my second draft', { timeout: 15_000 });
    await page.getByTestId('drafts-button').click();
    const menu = page.getByTestId('drafts-menu');
    await expect(menu.getByTestId('draft')).toHaveCount(1);
    await expect(menu.getByTestId('draft').first()).toContainText('Good');
    await expect(menu.getByTestId('opened')).toHaveCount(5);
    await page.screenshot({ path: 'screenshots/safety-drafts-after-links.png' });
    await menu.getByTestId('draft').first().getByTestId('restore-draft').click();
    await expect(page.getByTestId('editor')).toContainText('my draft, not to be lost');
  });

  test('"Load run…" keeps the draft it replaces, says so, and brings it back', async ({ page }) => {
    await openPlayground(page);
    await setSpeed(page, 10);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
    const downloading = page.waitForEvent('download');
    await page.getByTestId('save-run').click();
    const text = await readFile((await (await downloading).path())!, 'utf8');
    await setCode(page, MY_DRAFT);
    await page.waitForTimeout(1_000);
    await page.getByTestId('load-run-input').setInputFiles({ name: '<b>run</b>.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('replaying-file')).toBeVisible();
    await expect(page.getByTestId('notice-link')).toContainText('Replaying the saved run "<b>run</b>.json"; its code was not run. Your previous draft is under Drafts.');
    await page.getByTestId('notice-restore').click();
    await expect(page.getByTestId('editor')).toContainText('my draft, not to be lost');
    await expectUsable(page);
  });
});

test.describe('the sandbox page runs code only in an opaque origin', () => {
  test('framed without the sandbox attribute it refuses, and it is served with its own policy', async ({ page }) => {
    await openPlayground(page);
    const sandbox = await page.request.get('/sandbox.html');
    expect(sandbox.headers()['content-security-policy']).toContain('sandbox allow-scripts');
    expect(sandbox.headers()['content-security-policy']).toContain("default-src 'none'");
    const app = await page.request.get('/');
    expect(app.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(app.headers()['cross-origin-opener-policy']).toBe('same-origin');
    const headersFile = await page.request.get('/_headers');
    expect(await headersFile.text()).toContain('/sandbox.html\n  Content-Security-Policy: sandbox allow-scripts');
    // Another page of the site frames it without `sandbox` and hands it code that reads the app's storage.
    const answer = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          localStorage.setItem('flowplay-secret', 'app-only');
          const frame = document.createElement('iframe');
          frame.src = '/sandbox.html';
          const supervisor = new MessageChannel();
          const events = new MessageChannel();
          events.port1.onmessage = (e) => resolve({ ranWith: e.data });
          supervisor.port1.onmessage = (e) => resolve(e.data);
          frame.onload = () => {
            const code = 'self.onmessage = (e) => e.data.events.postMessage(String(self.origin));';
            const api = new MessageChannel();
            frame.contentWindow!.postMessage({ type: 'flowplay:start', code, api: api.port2, events: events.port2, supervisor: supervisor.port2 }, '*', [api.port2, events.port2, supervisor.port2]);
            setTimeout(() => resolve({ origin: 'no answer' }), 3_000);
          };
          document.body.append(frame);
        }),
    );
    // The header policy already made its origin opaque, so the code runs where it can reach nothing.
    expect(JSON.stringify(answer)).not.toContain('127.0.0.1');
  });
});
