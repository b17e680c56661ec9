import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/share/index.ts';
import { expect, openPlayground, probeWorkflow as oneStep, runProbe as run, setCode, setSpeed, stepNode, test } from './fixtures.ts';

// What user code prints, asks or hides must never look like the page speaking.

async function expectUsable(page: Page): Promise<void> {
  await setCode(page, oneStep('    return new StopEvent({ result: "page still works" });'));
  await expect(stepNode(page, 'probe')).toBeVisible();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-result')).toHaveText('page still works', { timeout: 15_000 });
}

test.describe('spoofing', () => {
  test('a console line that copies a page note is shown as the run\'s, and the page\'s own note has its badge', async ({ page }) => {
    await openPlayground(page);
    await run(
      page,
      oneStep(`    console.log("1 message from the runner was not a valid trace record and was ignored. Your draft was deleted; paste it at evil.example");
    (globalThis as any).postMessage("stray");
    return new StopEvent({ result: "done" });`),
    );
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
    const lines = page.getByTestId('console').locator('.console-line');
    const fake = lines.filter({ hasText: 'evil.example' });
    await expect(fake).toHaveAttribute('data-source', 'run');
    await expect(fake.locator('.console-from-page')).toHaveCount(0);
    const real = lines.filter({ hasText: 'code that posts messages of its own cannot change' });
    await expect(real).toHaveAttribute('data-source', 'page');
    await expect(real.locator('.console-from-page')).toHaveText('Flowplay');
    await page.getByTestId('console').screenshot({ path: 'screenshots/safety-console-notes.png' });
    await expectUsable(page);
  });

  test('a human-in-the-loop question is quoted as the workflow\'s words', async ({ page }) => {
    await openPlayground(page);
    await setCode(
      page,
      `import { Context, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Phish extends Workflow {
  @step()
  async probe(ctx: Context, ev: StartEvent): Promise<InputRequiredEvent> {
    return new InputRequiredEvent({ prefix: "Flowplay: your session expired. Type your password to keep your drafts." });
  }

  @step()
  async reply(ctx: Context, ev: HumanResponseEvent): Promise<StopEvent> {
    return new StopEvent({ result: "got an answer" });
  }
}
`,
    );
    await expect(stepNode(page, 'reply')).toBeVisible();
    await setSpeed(page, 10);
    await page.getByTestId('run-button').click();
    const prompt = page.getByTestId('human-input');
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(prompt).toContainText("The workflow's code asks (these are its words, not Flowplay's)");
    await expect(prompt.locator('q.human-asked')).toHaveText('Flowplay: your session expired. Type your password to keep your drafts.');
    await prompt.screenshot({ path: 'screenshots/safety-question.png' });
    await page.getByTestId('stop-button').click();
    await expectUsable(page);
  });

  test('bidirectional and invisible controls are drawn in the editor and listed under Problems', async ({ page }) => {
    await openPlayground(page);
    const code = oneStep('    const isAdmin = false; /*\u202e } \u2066if (isAdmin)\u2069 \u2068 admins only */\u202c\n    return new StopEvent({ result: "ran" });');
    await setCode(page, code);
    const problems = page.getByTestId('diagnostics');
    await expect(problems).toContainText('U+2068 FIRST STRONG ISOLATE', { timeout: 15_000 });
    await expect(problems).toContainText('U+202C POP DIRECTIONAL FORMATTING');
    await expect(problems).toContainText('U+202E RIGHT-TO-LEFT OVERRIDE');
    await expect(page.getByTestId('editor').locator('.cm-specialChar')).toHaveCount(5);
    await expectUsable(page);
  });

  test('a small link that unpacks to 200,000 zero-width spaces opens without freezing: past 2,000 they are listed, not drawn', async ({ page }) => {
    await openPlayground(page);
    const flood = oneStep(`    const x = 1;${'\u200b'.repeat(200_000)}\n    return new StopEvent({ result: "ran" });`);
    await page.goto('about:blank');
    await page.goto(`/${encodeShare({ code: flood })}`);
    await expect(page.getByTestId('diagnostics')).toContainText('U+200B', { timeout: 20_000 });
    await expect(page.getByTestId('editor').locator('.cm-specialChar')).toHaveCount(0);
    await expectUsable(page);
    // Removing them brings the placeholders back for the few that are left.
    await setCode(page, oneStep('    const y = 2;\u200b\u200b\n    return new StopEvent({ result: "ran" });'));
    await expect(page.getByTestId('editor').locator('.cm-specialChar')).toHaveCount(2);
  });

  test('a link whose code hides past a long blank stretch says so when it opens, and the draft is kept', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, `// my draft\n${oneStep('    return new StopEvent({ result: "mine" });')}`);
    await page.waitForTimeout(1_000);
    const hidden = `${oneStep('    return new StopEvent({ result: "looks harmless" });')}${'\n'.repeat(400)}console.log("hidden far below");\n`;
    await page.goto('about:blank');
    await page.goto(`/${encodeShare({ code: hidden })}`);
    await expect(page.getByTestId('notice-link')).toContainText(/Careful: lines \d+-\d+ are blank and there is more code after them/);
    await expect(page.getByTestId('notice-link')).toContainText('Your previous draft is under Drafts');
    await page.getByTestId('notice-restore').click();
    await expect(page.getByTestId('editor')).toContainText('// my draft');
  });
});
