import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { answerQuestion, loadConfirmSolution } from './humanHelpers.ts';

/** Runs the human-in-the-loop chapter's two-question solution until it asks "Shall I greet Ada?", and saves the run. */
async function saveWaitingRun(page: Page): Promise<string> {
  await loadConfirmSolution(page);
  await page.getByTestId('run-button').click();
  await answerQuestion(page, /name/i, 'Ada');
  await expect(page.getByTestId('human-question')).toHaveText(/Shall I greet Ada/);
  await expect(page.getByTestId('run-status')).toHaveText('running');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-run').click();
  const text = await readFile((await (await downloading).path())!, 'utf8');
  return text;
}

async function loadFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('load-run-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('replaying-file')).toBeVisible();
}

test.describe('resuming a saved run', () => {
  test('a run saved while it waits for an answer is loaded after a reload, answered and resumed to its end', async ({ page }) => {
    const text = await saveWaitingRun(page);
    const saved = JSON.parse(text);
    expect(saved.context).toMatchObject({ workflow: 'ConfirmFlow', running: true, awaitingInput: 1, state: { name: 'Ada' } });

    await page.reload();
    await expect(page.getByTestId('run-status')).not.toHaveText('running');
    await loadFile(page, 'waiting.run.json', text);
    await expect(page.getByTestId('notice-link')).toContainText('It was saved before it ended: Resume goes on from where it was.');
    // The saved run's open question, offered again; answering it resumes the run.
    const resume = page.getByTestId('resume-saved');
    await expect(resume).toBeVisible();
    await expect(resume.getByTestId('human-question')).toHaveText('Shall I greet Ada? (yes/no)');
    await expect(page.getByTestId('human-input')).toHaveCount(0);
    await page.screenshot({ path: 'screenshots/resume-saved.png' });
    await page.getByTestId('human-answer').fill('yes');
    await page.getByTestId('resume-send').click();

    // The name came from the saved context: a fresh run would have asked for it first.
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
    await expect(page.getByTestId('run-result')).toHaveText('Hello, Ada!');
    await expect(resume).toHaveCount(0);
    await expect(page.getByTestId('human-input')).toHaveCount(0);
  });

  test('a resumed run re-runs exactly and forks from the context it was resumed from', async ({ page }) => {
    test.setTimeout(120_000);
    const text = await saveWaitingRun(page);
    await page.reload();
    await loadFile(page, 'waiting.run.json', text);
    await page.getByTestId('human-answer').fill('yes');
    await page.getByTestId('resume-send').click();
    await expect(page.getByTestId('run-result')).toHaveText('Hello, Ada!', { timeout: 20_000 });

    // The re-run starts from the saved context too: nobody is asked for a name, and every record matches.
    await page.getByTestId('rerun-exactly').click();
    const verdict = page.getByTestId('replay-verdict');
    await expect(verdict).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
    await expect(verdict).toContainText(/^Re-run of run 2: all \d+ records are identical to run 2/);
    await expect(page.getByTestId('run-result')).toHaveText('Hello, Ada!');
    await expect(page.getByTestId('human-input')).toHaveCount(0);

    // A fork at the answer: "no" to "Shall I greet Ada?" (the saved run's question) starts over.
    await page.getByTestId('fork-open').click();
    const editor = page.getByTestId('fork-editor');
    await editor.getByTestId('fork-what').selectOption('answer');
    await editor.getByTestId('fork-answer').fill('no');
    await editor.getByTestId('fork-run').click();
    await expect(page.getByTestId('human-question')).toHaveText(/What is your name, then\?/, { timeout: 20_000 });
    await expect(page.getByTestId('replay-verdict')).toHaveCount(0);
    await page.getByTestId('stop-button').click();
    await expect(verdict).toHaveAttribute('data-identical', 'true');
  });

  test('a file whose saved context is corrupted or oversized opens as recorded, says why it cannot resume, and keeps the draft', async ({ page }) => {
    const text = await saveWaitingRun(page);
    const saved = JSON.parse(text);
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled');

    const corrupted = { ...saved, context: { ...saved.context, work: [{ step: 'answer' }] } };
    await loadFile(page, 'corrupted.run.json', JSON.stringify(corrupted));
    const notice = page.getByTestId('notice-link');
    await expect(notice).toContainText('Its saved context cannot be resumed: "context.work" item 1 needs "step" and "type" as text. It is shown as recorded.');
    await expect(page.getByTestId('resume-saved')).toHaveCount(0);
    await expect(page.getByTestId('editor')).toContainText('Shall I greet');

    const oversized = { ...saved, context: { ...saved.context, state: { name: 'Ada', blob: 'x'.repeat(5 * 1024 * 1024) } } };
    await loadFile(page, 'oversized.run.json', JSON.stringify(oversized));
    await expect(notice).toContainText(/Its saved context cannot be resumed: "context" takes [\d,]+ characters; the limit is 4,194,304/);
    await expect(page.getByTestId('resume-saved')).toHaveCount(0);

    // A context that reads well but does not fit the code is refused when Resume starts, with the engine's reason.
    const elsewhere = { ...saved, context: { ...saved.context, workflow: 'Elsewhere' } };
    await loadFile(page, 'elsewhere.run.json', JSON.stringify(elsewhere));
    await page.getByTestId('human-answer').fill('yes');
    await page.getByTestId('resume-send').click();
    await expect(page.getByTestId('run-result')).toContainText('This is not a saved context Flowplay can resume: it was saved from workflow Elsewhere, not ConfirmFlow.', { timeout: 20_000 });
  });
});
