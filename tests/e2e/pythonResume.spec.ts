import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openPlayground, setCode, switchToPython, test } from './fixtures.ts';
import { answerQuestion } from './humanHelpers.ts';

const CONFIRM = `from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent, InputRequiredEvent, HumanResponseEvent

class Named(Event):
    name: str

class ConfirmFlow(Workflow):
    @step
    async def ask_name(self, ctx: Context, ev: StartEvent) -> InputRequiredEvent:
        return InputRequiredEvent(prefix="What is your name?")

    @step
    async def answer(self, ctx: Context, ev: HumanResponseEvent) -> InputRequiredEvent | StopEvent:
        name = await ctx.store.get("name", default=None)
        if name is None:
            await ctx.store.set("name", ev.response)
            return InputRequiredEvent(prefix=f"Shall I greet {ev.response}? (yes/no)")
        return StopEvent(result=f"Hello, {name}!" if ev.response == "yes" else "Maybe later.")
`;

test('Python: a run saved while it waits for an answer resumes in the page after a reload, and from the command line', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page);
  await switchToPython(page);
  await setCode(page, CONFIRM);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('human-question')).toHaveText(/What is your name/, { timeout: 150_000 });
  await answerQuestion(page, /What is your name/, 'Ada');
  await expect(page.getByTestId('human-question')).toHaveText(/Shall I greet Ada/);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-run').click();
  const text = await readFile((await (await downloading).path())!, 'utf8');
  expect(JSON.parse(text).context).toMatchObject({ workflow: 'ConfirmFlow', running: true, awaitingInput: 1, state: { name: 'Ada' } });

  await page.reload();
  await expect(page.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');
  await page.getByTestId('load-run-input').setInputFiles({ name: 'waiting.run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const resume = page.getByTestId('resume-saved');
  await expect(resume.getByTestId('human-question')).toHaveText('Shall I greet Ada? (yes/no)');
  await page.getByTestId('human-answer').fill('yes');
  await page.getByTestId('resume-send').click();
  // The name came from the saved context: a fresh run would have asked for it first.
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 150_000 });
  await expect(page.getByTestId('run-result')).toHaveText('Hello, Ada!');

  // The command line resumes the same file, putting the open question to its input.
  const dir = mkdtempSync(join(tmpdir(), 'flowplay-e2e-pyresume-'));
  writeFileSync(join(dir, 'waiting.run.json'), text);
  writeFileSync(join(dir, 'confirm.py'), CONFIRM);
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', join(dir, 'confirm.py'), '--resume', join(dir, 'waiting.run.json')], { encoding: 'utf8', timeout: 120_000, input: 'yes\n' });
  expect(cli.stdout + cli.stderr).toContain('Hello, Ada!');
});
