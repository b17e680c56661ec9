import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonical, compareTraces, createRunFile, parseRunFile, serializeRunFile } from '../../src/inspect/index.ts';
import type { TraceRecord } from '../../src/engine/index.ts';
import type { Page } from '@playwright/test';
import { expect, forkEvent, openPlayground, setCode, stepNode, test } from './fixtures.ts';

/** Saves the run on screen as the page does and returns the file's text. */
async function saveRun(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-run').click();
  return readFile((await (await downloading).path())!, 'utf8');
}

/** The command line replays a run file saved from the page and says it wrote the same records (run ids aside); returns them. */
function cliReplay(text: string, code: string): TraceRecord[] {
  const dir = mkdtempSync(join(tmpdir(), 'flowplay-e2e-replay-'));
  writeFileSync(join(dir, 'run.json'), text);
  writeFileSync(join(dir, 'flow.ts'), code);
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', join(dir, 'flow.ts'), '--replay', join(dir, 'run.json'), '--trace', join(dir, 'out.json')], { encoding: 'utf8', timeout: 60_000, input: '' });
  expect(cli.stderr).toContain('identical (run ids aside)');
  return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as TraceRecord[];
}

/** The command line replays a run file saved from the page and writes the same trace, byte for byte once the run ids are left out. */
async function expectCliReplaysIt(text: string): Promise<void> {
  const saved = parseRunFile(text);
  if (!saved.ok) throw new Error(saved.error);
  const replayed = cliReplay(text, saved.file.code);
  expect(compareTraces(saved.file.trace, replayed)).toEqual({ same: saved.file.trace.length, difference: null, differences: [], differing: 0 });
  expect(withoutRunIds(replayed)).toBe(withoutRunIds(saved.file.trace));
}

/**
 * A trace as JSON text, one record a line, each without its run id (every run has its own) and with
 * its keys sorted (a run file writes a record's fields compactly, in its own order, and reads them back).
 */
function withoutRunIds(trace: readonly TraceRecord[]): string {
  return trace.map(canonical).join('\n');
}

/** Runs the human-in-the-loop example and answers its question with "Ada". */
async function runAnsweringAda(page: Page): Promise<void> {
  await page.goto('/?example=human-in-the-loop');
  await expect(page.locator('.react-flow__node[data-id="step:greet"]')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('run-button').click();
  await page.getByTestId('human-answer').fill('Ada');
  await page.getByTestId('human-answer').press('Enter');
}

test('a run answered in the page re-runs exactly, in the page and from the command line', async ({ page }) => {
  test.setTimeout(120_000);
  await runAnsweringAda(page);
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });

  // The saved file carries the answer as an input of the run.
  const text = await saveRun(page);
  const saved = parseRunFile(text);
  if (!saved.ok) throw new Error(saved.error);
  expect(saved.file.trace.filter((r) => r.kind === 'input.received')).toMatchObject([{ input: 'event', type: 'HumanResponseEvent', value: { response: 'Ada' } }]);

  // The command line reproduces it record for record, without asking anything.
  await expectCliReplaysIt(text);

  // In the page: the answer is sent again at its moment, nobody is asked, and the two runs match.
  await page.getByTestId('rerun-exactly').click();
  const verdict = page.getByTestId('replay-verdict');
  await expect(verdict).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  await expect(verdict).toContainText(`Re-run of run 1: all ${saved.file.trace.length} records are identical to run 1`);
  await expect(page.getByTestId('run-result')).toHaveText('Hello, Ada!');
  await expect(page.getByTestId('human-input')).toHaveCount(0);
  await expect(page.getByTestId('run-history')).toContainText('Run 1');
  await page.screenshot({ path: 'screenshots/rerun-exactly.png' });
});

test('a run stepped through in step mode re-runs exactly: held where it was held, its pauses not compared', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, 'parallel');
  await page.getByTestId('step-mode').check();
  await page.getByTestId('run-button').click();
  const paused = page.getByTestId('engine-paused');
  await expect(paused).toContainText('before start');
  await page.getByTestId('engine-step').click();
  await expect(paused).toContainText('before stepTwo');
  await page.getByTestId('engine-step').click();
  await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-running', '1', { timeout: 10_000 });
  await page.getByTestId('engine-continue').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });

  const text = await saveRun(page);
  const saved = parseRunFile(text);
  if (!saved.ok) throw new Error(saved.error);
  const pauses = saved.file.trace.filter((r) => r.kind === 'run.paused' || r.kind === 'run.resumed').length;
  expect(pauses).toBeGreaterThanOrEqual(6);
  const own = saved.file.trace.length - pauses;

  // Step mode stays on, but a re-run is held only where the recorded run was, and goes on by itself.
  await page.getByTestId('rerun-exactly').click();
  const verdict = page.getByTestId('replay-verdict');
  await expect(verdict).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  await expect(verdict).toContainText(`Re-run of run 1: all ${own} records are identical to run 1 (run ids and ${pauses} pause records aside).`);
  await expect(page.getByTestId('run-status')).toHaveText('stopped');
  await expect(paused).toHaveCount(0);
  await page.screenshot({ path: 'screenshots/rerun-stepped.png' });

  // The command line re-runs the saved file to the same records, pauses and all.
  expect(withoutRunIds(cliReplay(text, saved.file.code))).toBe(withoutRunIds(saved.file.trace));
});

test('a breakpoint set after a run does not stop its re-run: the re-run repeats the run and says the breakpoint sat it out', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, 'parallel');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  await stepNode(page, 'stepTwo').getByTestId('breakpoint-toggle').click();
  await expect(page.getByTestId('breakpoint-count')).toHaveText('breakpoints: stepTwo');

  await page.getByTestId('rerun-exactly').click();
  const verdict = page.getByTestId('replay-verdict');
  await expect(verdict).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('replay-pauses-aside')).toHaveText('The breakpoint on stepTwo was not applied: a re-run repeats run 1 and is held only where run 1 was.');
  await expect(page.getByTestId('engine-paused')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText('stopped');

  // The breakpoint is still set: an ordinary run stops there.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('engine-paused')).toContainText('before stepTwo', { timeout: 20_000 });
});

test('a re-run that writes one record more than the run file names that record, and nothing after it', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page, 'parallel');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });

  // The same run as a file that lacks one console line in the middle (as if its code had not printed it).
  const saved = parseRunFile(await saveRun(page));
  if (!saved.ok) throw new Error(saved.error);
  const dropped = saved.file.trace.find((r) => r.kind === 'log' && r.text.includes('Query 2'))!;
  const trace = saved.file.trace.filter((r) => r !== dropped).map((r) => (r.seq > dropped.seq ? { ...r, seq: r.seq - 1 } : r));
  const text = serializeRunFile(createRunFile({ ...saved.file, trace }));
  await page.getByTestId('load-run-input').setInputFiles({ name: 'one-less.run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('replaying-file')).toBeVisible();

  await page.getByTestId('rerun-exactly').click();
  const verdict = page.getByTestId('replay-verdict');
  await expect(verdict).toHaveAttribute('data-identical', 'false', { timeout: 20_000 });
  await expect(verdict).toContainText(`it differs from run 2 at record ${dropped.seq}; the ${dropped.seq - 1} before it are identical.`);
  const difference = page.getByTestId('replay-difference');
  await expect(difference).toContainText('(no such record in this run)');
  await expect(difference).toContainText(`#${dropped.seq} log`);
  await expect(difference).toContainText('Query 2');
  // Every record after it is lined up again: compared by index, each of them would differ.
  await expect(page.getByTestId('replay-differing')).toHaveText('No other record differs.');
  await page.screenshot({ path: 'screenshots/rerun-one-more-record.png' });
});

test("fork the map-reduce at the second delivery with another payload: the replayed prefix is identical, the result is new", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?example=map-reduce');
  await expect(page.locator('.react-flow__node[data-id="step:stepThree"]')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  await expect(page.getByTestId('run-result')).toContainText('Query 2');

  const editor = await forkEvent(page, 'StepTwoEvent #2', '{ "query": "Query 9" }', { before: (editor) => expect(editor.getByTestId('fork-fields')).toHaveValue(/"query": "Query 2"/), submit: false });
  await page.screenshot({ path: 'screenshots/fork-editor.png' });
  await editor.getByTestId('fork-run').click();

  const verdict = page.getByTestId('replay-verdict');
  await expect(verdict).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  await expect(verdict).toContainText(/Fork of run 1: the \d+ records before the change are identical to run 1; from record \d+ on: StepTwoEvent #2 gets \{"query":"Query 9"\}/);
  await expect(page.getByTestId('run-result')).toContainText('Query 9', { timeout: 40_000 });
  await expect(page.getByTestId('run-result')).not.toContainText('Query 2');
  await expect(page.getByTestId('run-history').locator('option', { hasText: 'Run 1' })).toHaveCount(1);
  await page.screenshot({ path: 'screenshots/fork-verdict.png' });
});

test('fork at a human-input question with another answer', async ({ page }) => {
  await runAnsweringAda(page);
  await expect(page.getByTestId('run-result')).toHaveText('Hello, Ada!', { timeout: 20_000 });

  await page.getByTestId('fork-open').click();
  const editor = page.getByTestId('fork-editor');
  await editor.getByTestId('fork-what').selectOption('answer');
  await expect(editor.getByTestId('fork-answer-pick')).toContainText('"What is your name?" answered "Ada"');
  await editor.getByTestId('fork-answer').fill('Grace');
  await editor.getByTestId('fork-run').click();

  await expect(page.getByTestId('replay-verdict')).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('replay-verdict')).toContainText('answer 1 is "Grace"');
  await expect(page.getByTestId('run-result')).toHaveText('Hello, Grace!');
  await expect(page.getByTestId('human-input')).toHaveCount(0);
});

test('a stuck collect explained: what it waits for, and that nothing can send it before the timeout', async ({ page }) => {
  const code = readFileSync('src/tutorial/examples/when-things-go-wrong/never-completes.ts', 'utf8');
  await openPlayground(page);
  await setCode(page, code);
  await expect(page.locator('.react-flow__node[data-id="step:stepThree"]')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('timeout', { timeout: 30_000 });
  await page.getByTestId('replay-end').click();
  await page.getByTestId('why-stuck-open').click();
  const item = page.getByTestId('why-stuck-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-kind', 'collect');
  await expect(item).toHaveAttribute('data-stuck', 'true');
  await expect(item).toContainText('stepThree waits for 1 more StepThreeEvent (3 of 4 collected)');
  await expect(item).toContainText('Nothing can: this will time out at 10s.');
  // At the start of the run nothing waits yet.
  await page.getByTestId('replay-start').click();
  await page.getByTestId('replay-forward').click();
  await expect(page.getByTestId('why-stuck-none')).toBeVisible();
  await page.screenshot({ path: 'screenshots/why-stuck.png' });
});

test('the time-travel chapter: an exercise answered with a fork, judged by the fork\'s trace', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#chapter/time-travel');
  const exercise = page.locator('[data-exercise="time-travel/fork-the-request"]');
  await exercise.getByTestId('start-exercise').click();
  await expect(page.locator('.react-flow__node[data-id="step:manager"]')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  // A plain run is not what the exercise asks for.
  await expect(exercise.getByTestId('exercise-result')).toHaveAttribute('data-passed', 'false');
  await expect(exercise.getByTestId('exercise-result')).toContainText('This run is not a fork');

  await forkEvent(page, 'RefundRequest #1', '{ "order": "A-17", "amount": 250 }');
  await expect(page.getByTestId('replay-verdict')).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  await expect(exercise.getByTestId('exercise-result')).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
  await expect(exercise.getByTestId('exercise-result')).toContainText('decide escalated it and manager settled it ("a manager approved 250 for A-17"); the 5 records before the change were the original run\'s.');
});

test('the time-travel chapter\'s second exercise: a fork of the starting code lets -30 through; the fixed code, forked the same way, passes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#chapter/time-travel');
  const exercise = page.locator('[data-exercise="time-travel/reject-negative"]');
  await exercise.getByTestId('start-exercise').click();
  await expect(page.locator('.react-flow__node[data-id="step:decide"]')).toBeVisible({ timeout: 15_000 });
  const forkWith = async (fields: string) => {
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
    await forkEvent(page, 'RefundRequest #1', fields);
    await expect(page.getByTestId('replay-verdict')).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  };
  const result = exercise.getByTestId('exercise-result');
  await forkWith('{ "order": "A-17", "amount": -30 }');
  await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
  await expect(result).toContainText('decide still lets a negative refund through');

  await exercise.getByTestId('show-solution').click();
  await exercise.getByRole('button', { name: 'Load the solution into the editor' }).click();
  await expect(page.getByTestId('editor')).toContainText('rejected');
  await forkWith('{ "order": "A-17", "amount": -30 }');
  await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
  await expect(result).toContainText('The fork sent -30 and the run ended "rejected');
});

test('fork from an inspector item with other code: the replayed prefix is checked, and a change before the moment is named', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, 'time-travel');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-result')).toContainText('approved 40 for A-17', { timeout: 30_000 });

  // The RefundRequest, picked in the graph (which lists the events of its type) and opened from the
  // list, forks at the moment before it.
  await page.locator('.react-flow__node[data-id="event:RefundRequest"]').click();
  await page.getByTestId('event-type-list').getByRole('button', { name: /^#\d+$/ }).first().click();
  await page.getByTestId('fork-from-item').click();
  await expect(page.getByTestId('scrubber')).toHaveAttribute('data-count', '5');
  const editor = page.getByTestId('fork-editor');
  await expect(editor.getByTestId('fork-event').locator('option:checked')).toContainText('RefundRequest #1');
  await editor.getByTestId('fork-what').selectOption('code');
  await expect(editor.getByTestId('fork-code-note')).toContainText('inputs up to record 5');
  await editor.getByTestId('fork-run').click();
  await expect(page.getByTestId('code-fork')).toContainText('Forking run 1 at record 5 with other code');

  // A change after the moment: the prefix is the original's, the rest is the new code's.
  const code = await page.getByTestId('editor').locator('.cm-content').innerText();
  await setCode(page, code.replace('const LIMIT = 100;', 'const LIMIT = 10;'));
  await page.getByTestId('code-fork-continue').click();
  const verdict = page.getByTestId('replay-verdict');
  await expect(verdict).toHaveAttribute('data-identical', 'true', { timeout: 20_000 });
  await expect(verdict).toContainText('Fork of run 1: the 5 records before the change are identical to run 1; from record 6 on: the code changed at record 5.');
  await expect(page.getByTestId('run-result')).toContainText('a manager approved 40 for A-17', { timeout: 30_000 });

  // A change to what happened before the moment: the page says where the fork went another way.
  await page.getByTestId('replay-start').click();
  for (let i = 0; i < 5; i++) await page.getByTestId('replay-forward').click();
  await page.getByTestId('fork-open').click();
  await page.getByTestId('fork-editor').getByTestId('fork-what').selectOption('code');
  await page.getByTestId('fork-editor').getByTestId('fork-run').click();
  const edited = await page.getByTestId('editor').locator('.cm-content').innerText();
  await setCode(page, edited.replace('Refund asked for order', 'Refund wanted for order'));
  await page.getByTestId('code-fork-continue').click();
  await expect(verdict).toHaveAttribute('data-identical', 'false', { timeout: 20_000 });
  await expect(verdict).toContainText(/Fork of run 2: it went differently from run 2 at record \d, before the change/);
  await expect(page.getByTestId('replay-difference')).toContainText('Refund wanted for order');

  // The runs tab shows the tree: the forks under the runs they came from, each marked with its code.
  await page.getByTestId('dock-tab-runs').click();
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Run 1');
  await expect(rows.nth(1)).toHaveAttribute('data-depth', '1');
  await expect(rows.nth(1)).toContainText('fork of run 1: the code changed at record 5');
  await expect(rows.nth(1)).toContainText('code differs from the editor');
  await expect(rows.nth(2)).toHaveAttribute('data-depth', '2');
  await expect(rows.nth(2)).toContainText('on screen');
  await page.screenshot({ path: 'screenshots/run-tree.png' });
});

test('a failed run saved from the page replays from the command line byte for byte: its stack is the user\'s frames, as on both hosts', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page, 'when-things-go-wrong');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('failed', { timeout: 30_000 });
  const text = await saveRun(page);
  const saved = parseRunFile(text);
  if (!saved.ok) throw new Error(saved.error);
  const failure = saved.file.trace.find((r) => r.kind === 'step.failed');
  expect(failure?.kind === 'step.failed' && failure.error.stack).toMatch(/^Error: .*\n    at FetchFlow\.fetchPage \(eval at flowplay, <anonymous>:\d+:\d+\)/);
  await expectCliReplaysIt(text);
});

test('a run on the real clock is re-run on the virtual one, and the list says which clock each ran on', async ({ page }) => {
  await openPlayground(page, 'parallel');
  await page.getByTestId('run-clock').selectOption('real');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  await page.getByTestId('rerun-exactly').click();
  await expect(page.getByTestId('replay-verdict')).toContainText('Run 1 ran on the real clock; this one ran on the virtual clock', { timeout: 20_000 });
  await page.getByTestId('dock-tab-runs').click();
  await expect(page.locator('[data-testid="run-row"][data-run="1"]')).toContainText('real clock');
  await expect(page.locator('[data-testid="run-row"][data-run="2"]')).not.toContainText('real clock');
});
