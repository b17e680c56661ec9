import { changes, eventNode, expect, openPlayground, runAndSample, setSpeed, stepNode, test } from './fixtures.ts';

/** In-page expressions read on every frame while a run plays. */
const attr = (id: string, name: string) => `document.querySelector('.react-flow__node[data-id="${id}"]')?.getAttribute('${name}')`;
const tokensOn = (edge: string) =>
  `[...document.querySelectorAll('.react-flow__edge[data-id="${edge}"] .token')].reduce((n, t) => n + Number(t.getAttribute('data-count')), 0)`;

test.describe('the seed examples', () => {
  test('parallel: three tokens leave start, three stepTwo run at once, the first to finish stops the run', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setSpeed(page, 2);
    const samples = await runAndSample<{ tokens: number; running: number; state: string }>(
      page,
      `({ tokens: ${tokensOn('step:start->event:StepTwoEvent')}, running: Number(${attr('step:stepTwo', 'data-running')}), state: ${attr('step:stepTwo', 'data-state')} })`,
    );
    expect(Math.max(...samples.map((s) => s.tokens)), 'tokens in flight from start at once').toBe(3);
    expect(Math.max(...samples.map((s) => s.running)), 'stepTwo invocations running at once').toBe(3);
    expect(changes(samples.map((s) => s.state))).toEqual(['idle', 'running', 'cancelled']);

    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('run-result')).toHaveText(/^Query [123]$/);
    await expect(stepNode(page, 'stepTwo')).toHaveAttribute('data-running', '0');
    await expect(stepNode(page, 'stepTwo').locator('.step-outcomes')).toHaveText('✓1 done ⊘2 cancelled');
    await expect(eventNode(page, 'StepTwoEvent')).toHaveAttribute('data-count', '3');
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '1');
    const lines = page.getByTestId('console').locator('.console-line');
    await expect(lines.filter({ hasText: 'Running slow query' })).toHaveCount(3);
    await expect(lines.filter({ hasText: 'Running slow query' }).first().locator('.console-step')).toHaveText('stepTwo');
  });

  test('collect: stepThree fills 1/3, 2/3, 3/3 and then stops the run', async ({ page }) => {
    await openPlayground(page, 'collect');
    await setSpeed(page, 4);
    const samples = await runAndSample<string | null>(page, attr('step:stepThree', 'data-collected'));
    expect(changes(samples.filter((s) => s))).toEqual(['1/3', '2/3', '3/3']);
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('run-result')).toHaveText('Done');
    await expect(eventNode(page, 'StepThreeEvent')).toHaveAttribute('data-count', '3');
    await expect(page.getByTestId('console')).toContainText('Not all events received yet.');
  });

  test('different types: every branch runs and the join waits for all three', async ({ page }) => {
    await openPlayground(page, 'different-types');
    await setSpeed(page, 4);
    const samples = await runAndSample<{ a: string; b: string; c: string; collected: string | null; stop: string }>(
      page,
      `({ a: ${attr('step:stepA', 'data-state')}, b: ${attr('step:stepB', 'data-state')}, c: ${attr('step:stepC', 'data-state')},
          collected: ${attr('step:stepThree', 'data-collected')}, stop: ${attr('event:StopEvent', 'data-count')} })`,
    );
    // Each branch is seen running, and the StopEvent appears only after all three completed.
    for (const branch of ['a', 'b', 'c'] as const) expect(samples.some((s) => s[branch] === 'running')).toBe(true);
    const firstStop = samples.findIndex((s) => s.stop === '1');
    expect(firstStop).toBeGreaterThan(0);
    expect(samples[firstStop]!.collected).toBe('3/3');
    expect(samples.slice(0, firstStop).some((s) => s.collected === '1/3' || s.collected === '2/3')).toBe(true);

    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('run-result')).toHaveText('Done');
    for (const type of ['StepACompleteEvent', 'StepBCompleteEvent', 'StepCCompleteEvent']) {
      await expect(eventNode(page, type)).toHaveAttribute('data-count', '1');
    }
    for (const step of ['stepA', 'stepB', 'stepC']) await expect(stepNode(page, step)).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('console')).toContainText('Doing something A-ish');
  });

  test('Ctrl+Enter runs, and Stop ends a run that is still playing where the playback is', async ({ page }) => {
    await openPlayground(page, 'collect');
    await page.getByTestId('editor').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByTestId('run-status')).toHaveText('running');
    await page.getByTestId('stop-button').click();
    // The virtual clock worked the run out long ago, but what the user stops is the run they watch.
    await expect(page.getByTestId('run-status')).toHaveText('cancelled');
    await expect(page.getByTestId('run-result')).toContainText('Stopped: The run ends where the playback was.');
    await expect(eventNode(page, 'StopEvent')).toHaveAttribute('data-count', '0');
  });
});
