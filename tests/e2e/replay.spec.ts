import { readFile } from 'node:fs/promises';
import { browserBenchSource } from '../../bench/browserWorkload.ts';
import { eventNode, expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';
import { eventCount, runToEnd, scrubberCount } from './inspectHelpers.ts';

test.describe('scrubber', () => {
  test('steps one record at a time and jumps to either end; graph, timeline and inspector move together', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    const scrubber = page.getByTestId('scrubber');
    const total = Number(await scrubber.getAttribute('data-total'));
    await page.getByTestId('replay-start').click();
    await expect(scrubber).toHaveAttribute('data-count', '0');
    await expect(eventNode(page, 'StartEvent')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('scrubber-readout')).toHaveText(`0/${total} · 0.00s`);
    // run.started, then the StartEvent: the second step shows it, even though both share one instant.
    await page.getByTestId('replay-forward').click();
    await expect(scrubber).toHaveAttribute('data-count', '1');
    await expect(eventNode(page, 'StartEvent')).toHaveAttribute('data-count', '0');
    await page.getByTestId('replay-forward').click();
    await expect(scrubber).toHaveAttribute('data-count', '2');
    await expect(eventNode(page, 'StartEvent')).toHaveAttribute('data-count', '1');
    await page.getByTestId('replay-back').click();
    await expect(scrubber).toHaveAttribute('data-count', '1');
    await expect(eventNode(page, 'StartEvent')).toHaveAttribute('data-count', '0');
    // The arrow keys on the slider step by record too.
    await page.getByTestId('scrubber-range').focus();
    await page.keyboard.press('ArrowRight');
    await expect(scrubber).toHaveAttribute('data-count', '2');
    await page.keyboard.press('ArrowLeft');
    await expect(scrubber).toHaveAttribute('data-count', '1');

    // The timeline's cursor and the inspector's point in time follow the same cursor.
    await page.getByTestId('dock-tab-timeline').click();
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-cursor', '1');
    await page.getByTestId('replay-end').click();
    await expect(scrubber).toHaveAttribute('data-count', String(total));
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-cursor', String(total));
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '1');
  });

  test('dragging shows the run as it was at that moment, frame-exact, and play goes on from there', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    await eventNode(page, 'StepTwoEvent').click();
    const range = page.getByTestId('scrubber-range');
    const box = (await range.boundingBox())!;
    // Drag from the far right back to about a third of the way.
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const scrubber = page.getByTestId('scrubber');
    await expect(scrubber).toHaveAttribute('data-paused', 'true');
    const count = await scrubberCount(page);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(Number(await scrubber.getAttribute('data-total')));
    // A paused frame stays exactly as it is.
    const frame = async () => ({
      count: await scrubberCount(page),
      stop: await eventCount(eventNode(page, 'StopEvent')),
      running: await stepNode(page, 'stepTwo').getAttribute('data-running'),
      tokens: await page.locator('.token').evaluateAll((ts) => ts.map((t) => t.getAttribute('transform'))),
      seq: await page.getByTestId('inspector').getAttribute('data-seq'),
    });
    const first = await frame();
    await page.waitForTimeout(400);
    expect(await frame()).toEqual(first);
    expect(first.stop).toBe(0);
    expect(Number(first.seq)).toBeGreaterThanOrEqual(count - 1);
    await page.getByTestId('replay-play').click();
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '1');
  });

  test('during a live run the view pauses while the run goes on recording', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, SLOW);
    await expect(stepNode(page, 'tick')).toBeVisible();
    await page.getByTestId('run-clock').selectOption('real');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('engine-controls')).toHaveAttribute('data-engine', 'running');
    const scrubber = page.getByTestId('scrubber');
    await expect.poll(() => scrubberCount(page)).toBeGreaterThan(3);
    await page.getByTestId('replay-pause').click();
    const held = await scrubberCount(page);
    const totalThen = Number(await scrubber.getAttribute('data-total'));
    await expect.poll(async () => Number(await scrubber.getAttribute('data-total')), { timeout: 10_000 }).toBeGreaterThan(totalThen + 2);
    expect(await scrubberCount(page)).toBe(held);
    await page.getByTestId('replay-play').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  });
});

test.describe('step mode and breakpoints', () => {
  test('step mode holds the run before each delivery and lets one through per click', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await page.getByTestId('step-mode').check();
    await page.getByTestId('run-button').click();
    const paused = page.getByTestId('engine-paused');
    await expect(paused).toBeVisible();
    await expect(paused).toContainText('before start');
    await expect(stepNode(page, 'start')).toHaveAttribute('data-state', 'idle');
    await page.getByTestId('engine-step').click();
    await expect(paused).toContainText('before stepTwo');
    await expect(stepNode(page, 'start')).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-running', '0');
    await page.getByTestId('engine-step').click();
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-running', '1', { timeout: 10_000 });
    await page.getByTestId('engine-continue').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
    await expect(paused).toHaveCount(0);
  });

  test('a breakpoint on a step pauses the run before that step runs', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await stepNode(page, 'stepTwo').getByTestId('breakpoint-toggle').click();
    await expect(stepNode(page, 'stepTwo').getByTestId('breakpoint-toggle')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('breakpoint-count')).toHaveText('breakpoints: stepTwo');
    await page.getByTestId('run-button').click();
    const paused = page.getByTestId('engine-paused');
    await expect(paused).toContainText('before stepTwo');
    await expect(paused).toContainText('breakpoint');
    await expect(stepNode(page, 'start')).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
    // Each of the three invocations stops at the breakpoint in turn.
    for (let i = 0; i < 3 && (await page.getByTestId('run-status').textContent()) === 'running'; i++) {
      await expect(paused).toBeVisible();
      await page.getByTestId('engine-continue').click();
      await page.waitForTimeout(200);
    }
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  });
});

test.describe('saved runs', () => {
  test('a run saved as JSON loads again and replays without running code', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    const result = await page.getByTestId('run-result').textContent();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('save-run').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('parallel-flow.run.json');
    const text = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'flowplay-run', version: 2 });

    expect(JSON.parse(text).code).toContain('class ParallelFlow');
    // Another example on screen, then the saved run back.
    await page.getByTestId('example-select').selectOption('collect');
    await expect(stepNode(page, 'stepThree')).toBeVisible();
    let runnerCalls = 0;
    page.on('worker', () => runnerCalls++);
    await page.getByTestId('load-run-input').setInputFiles({ name: 'saved.run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('replaying-file')).toBeVisible();
    await expect(stepNode(page, 'stepTwo')).toBeVisible();
    await page.getByTestId('run-speed').selectOption('10');
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
    await expect(page.getByTestId('run-result')).toHaveText(result!);
    await expect(eventNode(page, 'StepTwoEvent')).toHaveAttribute('data-count', '3');
    expect(runnerCalls).toBe(0);
  });

  test('a big run is written in slices: the button says so, the page keeps drawing frames, and the file holds the whole run', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, browserBenchSource(100_000));
    await expect(stepNode(page, 'gather')).toBeVisible();
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('engine-controls')).toHaveAttribute('data-engine', 'done', { timeout: 60_000 });
    const total = Number(await page.getByTestId('scrubber').getAttribute('data-total'));
    expect(total).toBe(350_007);
    // Frames drawn while the button says it is writing: none when the file is written in one task.
    await page.evaluate(() => {
      const seen = { busy: 0 };
      (window as unknown as { savingFrames: typeof seen }).savingFrames = seen;
      const tick = () => {
        if (document.querySelector('[data-testid="save-run"][aria-busy="true"]')) seen.busy++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const downloading = page.waitForEvent('download');
    await page.getByTestId('save-run').click();
    const download = await downloading;
    await expect(page.getByTestId('save-run')).toHaveText('Save run');
    await expect(page.getByTestId('save-run')).toBeEnabled();
    const frames = await page.evaluate(() => (window as unknown as { savingFrames: { busy: number } }).savingFrames.busy);
    expect(frames).toBeGreaterThanOrEqual(3);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(file.trace).toHaveLength(total);
    expect(file.trace.at(-1)).toMatchObject({ kind: 'run.finished', status: 'stopped', result: 50_000 });
  });

  test('a run saved before the lean trace (version 1) still opens and replays', async ({ page }) => {
    await openPlayground(page, 'parallel');
    const text = await readFile(new URL('../fixtures/runs/collect.v1.run.json', import.meta.url), 'utf8');
    await page.getByTestId('load-run-input').setInputFiles({ name: 'collect.v1.run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('replaying-file')).toBeVisible();
    await expect(stepNode(page, 'stepThree')).toBeVisible();
    await page.getByTestId('run-speed').selectOption('10');
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
    await expect(eventNode(page, 'StepTwoEvent')).toHaveAttribute('data-count', '3');
    await expect(eventNode(page, 'StepThreeEvent')).toHaveAttribute('data-count', '3');
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-state', 'done');
  });

  test('a broken file says what is wrong and changes nothing', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    const before = await page.getByTestId('scrubber').getAttribute('data-total');
    const code = await page.getByTestId('editor').locator('.cm-content').textContent();
    await page.getByTestId('load-run-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "flowplay-run", "version": 1, "code": 3') });
    await expect(page.getByTestId('run-file-error')).toContainText('broken.json: The file is not valid JSON');
    await page.getByTestId('load-run-input').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect(page.getByTestId('run-file-error')).toContainText('This is not a Flowplay run file');
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-total', before!);
    expect(await page.getByTestId('editor').locator('.cm-content').textContent()).toBe(code);
    await expect(page.getByTestId('replaying-file')).toHaveCount(0);
  });
});

const SLOW = `import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class Tick extends Event<{ i: number }> {}

class Slow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Tick> {
    return new Tick({ i: 0 });
  }

  @step()
  async tick(ctx: Context, ev: Tick): Promise<Tick | StopEvent> {
    await sleep(0.25);
    console.log("tick", ev.i);
    return ev.i < 12 ? new Tick({ i: ev.i + 1 }) : new StopEvent({ result: ev.i });
  }
}
`;
