import { eventNode, expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';
import { browserBenchSource } from '../../bench/browserWorkload.ts';

test.describe('the view belongs to the code in the editor', () => {
  test('another example leaves the view idle; the old run is one choice away, with its own code', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-speed').selectOption('10');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '1');

    await page.getByTestId('example-select').selectOption('collect');
    await expect(stepNode(page, 'stepThree')).toBeVisible();
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    await expect(page.getByTestId('run-result')).toHaveAttribute('data-status', '');
    await expect(page.getByTestId('console').locator('.console-line')).toHaveCount(0);
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '0');
    // The scrubber is empty, its thumb at the start (not at the end of the run set aside).
    await expect(page.getByTestId('scrubber-readout')).toHaveText(/^0\/0 · /);
    await expect(page.getByTestId('scrubber-range')).toHaveValue('0');
    const history = page.getByTestId('run-history');
    await expect(history.locator('option')).toHaveText(['Earlier runs (1)', 'Run 1 · stopped · 5 events']);

    await history.selectOption({ label: 'Run 1 · stopped · 5 events' });
    await expect(page.getByTestId('editor')).toContainText('class ParallelFlow extends Workflow');
    await expect(stepNode(page, 'stepTwo')).toBeVisible();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  });

  test('an edit during a run stops it: the edited code is never drawn with the old run', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-speed').selectOption('0.25');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('running');
    await setCode(page, (await page.getByTestId('editor').locator('.cm-content').innerText()).replace('Query 1', 'Query one'));
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    await expect(page.getByTestId('stop-button')).toBeDisabled();
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-state', 'idle');
    await expect(page.getByTestId('run-history').locator('option').nth(1)).toHaveText(/^Run 1 · /);
  });
});

test('a run that logs nothing says so, and its null result shows as null', async ({ page }) => {
  await openPlayground(page);
  await setCode(
    page,
    `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Quiet extends Workflow {
  @step()
  async start(ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: null });
  }
}
await new Quiet().run();
`,
  );
  await expect(stepNode(page, 'start')).toBeVisible();
  await expect(page.getByTestId('console')).toContainText('Run the workflow to see what it logs.');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
  await expect(page.getByTestId('console')).toContainText('This run logged nothing.');
  await expect(page.getByTestId('run-result')).toHaveText('null');
  await expect(page.locator('.result .badge')).toHaveText(/^2 events · /);
});

test('a step with eight workers and thousands queued keeps its box: one row of slots, the queue on a badge that goes when the queue does', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, browserBenchSource(10_000));
  const work = stepNode(page, 'work');
  await expect(work).toBeVisible();
  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-button').click();
  await expect(work).toHaveAttribute('data-queued', /^[1-9]\d{2,}$/, { timeout: 30_000 });
  await page.getByTestId('replay-pause').click();
  const queued = Number(await work.locator('.step-node').getAttribute('data-queued'));
  const badge = work.getByTestId('step-queue');
  await expect(badge).toHaveText(`${queued.toLocaleString('en-US')} queued`);
  await expect(badge).toHaveAttribute('title', `${queued.toLocaleString('en-US')} invocations wait for a free worker`);
  // The slots, the busy count and the state share one line, all inside the box.
  const box = (await work.locator('.step-node').boundingBox())!;
  const row = (await work.locator('.step-slots').boundingBox())!;
  expect(row.height).toBeLessThan(20);
  for (const part of ['.slot-bar', '.slot-text', '.step-state', '.step-outcomes']) {
    const b = (await work.locator(part).boundingBox())!;
    expect(b.x + b.width, part).toBeLessThanOrEqual(box.x + box.width);
    expect(b.y + b.height, part).toBeLessThanOrEqual(box.y + box.height);
  }
  await expect(work.locator('.slot-text')).toHaveText(/^\d\/8$/);
  await page.getByTestId('replay-end').click();
  await expect(work).toHaveAttribute('data-queued', '0', { timeout: 30_000 });
  await expect(badge).toHaveCount(0);
});

test.describe('the status is the run\'s; the scrubbed moment is shown apart', () => {
  test('scrubbing back through a finished run never shows it running, and Stop stays off', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-speed').selectOption('10');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 30_000 });
    const range = page.getByTestId('scrubber-range');
    // At the last record the thumb is at the end of the track.
    await expect.poll(async () => (await range.inputValue()) === (await range.getAttribute('max'))).toBe(true);
    await expect(range).toHaveAttribute('aria-valuetext', /^\d+\.\d\ds of workflow time, record (\d+) of \1$/);

    for (let i = 0; i < 6; i++) await page.getByTestId('replay-back').click();
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('stop-button')).toBeDisabled();
    await expect(page.getByTestId('cursor-moment')).toHaveText('at this moment: running');
    await expect(range).toHaveAttribute('aria-valuetext', /, running at this moment$/);
  });

  test('with the virtual clock, Stop ends the run where the playback is, not at its end', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-speed').selectOption('1');
    await page.getByTestId('run-button').click();
    // The three queries sleep 1 to 5 s: stop in the middle of that.
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-running', '3', { timeout: 20_000 });
    const readout = page.getByTestId('scrubber-readout');
    // The clock moves during the sleep, though no record arrives.
    const before = await readout.textContent();
    await page.waitForTimeout(400);
    const during = await readout.textContent();
    expect(during!.split(' · ')[0]).toBe(before!.split(' · ')[0]);
    expect(during).not.toBe(before);

    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled');
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '0');
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-running', '0');
    await expect(page.getByTestId('run-result')).toContainText('Stopped: The run ends where the playback was.');
    await expect(page.getByTestId('console')).not.toContainText('Query 1'.repeat(2));
    await expect(page.getByTestId('stop-button')).toBeDisabled();
  });

  test('with the virtual clock, Stop while the engine is still working out a big run also ends it where the playback is', async ({ page }) => {
    await openPlayground(page);
    // 100,000 events keep the runner busy for seconds: Stop comes while it is far ahead of the playback.
    await setCode(page, browserBenchSource(100_000));
    await expect(stepNode(page, 'gather')).toBeVisible();
    await page.getByTestId('run-speed').selectOption('1');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-total', /^[1-9]\d{3,}$/, { timeout: 20_000 });
    await expect(page.getByTestId('engine-controls')).toHaveAttribute('data-engine', 'running');
    // The run logs nothing: while it plays, the console says so of the moment, not "run the workflow".
    await expect(page.getByTestId('console')).toContainText('Nothing logged yet at this moment.');
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 20_000 });
    // Stopped where the playback was, whether or not the busy runner had to be replaced to stop it.
    await expect(page.getByTestId('run-result')).toContainText('The run ends where the playback was.');
    // The end is where the playback was: far short of the 350,007 records a whole run makes.
    const total = Number(await page.getByTestId('scrubber').getAttribute('data-total'));
    expect(total).toBeLessThan(350_007);
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '0');
  });

  test('Escape stops a run, but first closes an open menu', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('run-speed').selectOption('0.5');
    await page.getByTestId('run-button').click();
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-running', '3', { timeout: 20_000 });
    await page.getByTestId('help-button').click();
    await expect(page.getByTestId('help-menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help-menu')).toBeHidden();
    await expect(page.getByTestId('run-status')).toHaveText('running');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('run-status')).toHaveText('cancelled');
  });
});

test('the Input box says where the input comes from when the code starts the run itself', async ({ page }) => {
  await openPlayground(page, 'parallel');
  const source = page.getByTestId('input-source');
  await expect(source).toContainText('Not used: line 25 starts the run itself with run({ message: "Start the workflow." })');
  await source.getByRole('button', { name: 'Edit it in the code' }).click();
  // The call's arguments are selected in the editor, ready to be changed.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('{ message: "Start the workflow." }');

  // Code that leaves the start to the playground takes the box's input, and the note goes.
  await setCode(page, `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Echo extends Workflow {
  @step()
  async start(ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: ev.message });
  }
}
`);
  await expect(stepNode(page, 'start')).toBeVisible();
  await expect(source).toHaveCount(0);
  await page.getByTestId('run-input').fill('{ "message": "from the box" }');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-result')).toHaveText('from the box', { timeout: 30_000 });
});

test('the Input box takes over a run() call\'s values: what is typed there is what the run gets, and the editor can undo it', async ({ page }) => {
  await openPlayground(page, 'first-workflow');
  const source = page.getByTestId('input-source');
  await expect(source).toContainText('Not used: line 14 starts the run itself with run({ name: "Ada" })');
  await source.getByRole('button', { name: 'Use the Input box instead' }).click();

  const editor = page.getByTestId('editor').locator('.cm-content');
  await expect(page.getByTestId('run-input')).toHaveValue('{"name":"Ada"}');
  await expect(editor).toContainText('const result = await w.run(startInput());');
  await expect(editor).toContainText('import { Context, StartEvent, StopEvent, Workflow, step, startInput } from "flowplay";');
  await expect(source).toContainText('The run the code starts on line 14 takes this input: run(startInput())');
  await expect(page.getByTestId('run-input')).not.toHaveClass(/unused/);

  await page.getByTestId('run-input').fill('{ "name": "Grace" }');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-result')).toHaveText('Hello, Grace!', { timeout: 30_000 });
  await expect(page.getByTestId('console')).toContainText('Hello, Grace!');

  // One undo in the editor puts the call (and the import) back as it was.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor).toContainText('const result = await w.run({ name: "Ada" });');
  await expect(editor).toContainText('import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";');
  await expect(source).toContainText('Not used: line 14');
});

test('a run() call that computes its input keeps it, and says why', async ({ page }) => {
  await openPlayground(page, 'first-workflow');
  await setCode(page, `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Echo extends Workflow {
  @step()
  async start(ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: ev.name });
  }
}
const name = "Ada";
console.log(await new Echo().run({ name }));
`);
  const source = page.getByTestId('input-source');
  await expect(source).toContainText('Its values stay in the code: its input has a field written by name only (name), which only the code can work out.');
  await expect(source.getByRole('button', { name: 'Use the Input box instead' })).toHaveCount(0);
});
