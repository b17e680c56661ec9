import { expect, openPlayground, setCode, setSpeed, stepNode, test } from './fixtures.ts';

const THROWS = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Work extends Event<{ n: number }> {}

class Breaks extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Work> {
    return new Work({ n: 1 });
  }

  @step()
  async explode(ctx: Context, ev: Work): Promise<StopEvent> {
    console.log("about to fail");
    throw new Error("the database is on fire");
  }
}
`;

const SPINS = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Work extends Event<{ n: number }> {}

class Spins extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Work> {
    return new Work({ n: 1 });
  }

  @step()
  async spin(ctx: Context, ev: Work): Promise<StopEvent> {
    let i = 0;
    while (true) { i++; }
    return new StopEvent({ result: i });
  }
}
`;

const FIXED = SPINS.replace('while (true) { i++; }', 'i = 41 + ev.n;');

test.describe('when things go wrong', () => {
  test('a step that throws fails the run, names the step and leaves the page usable', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, THROWS);
    await expect(stepNode(page, 'explode')).toBeVisible();
    await setSpeed(page, 10);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    await expect(page.getByTestId('run-result')).toContainText('the database is on fire');
    // Where it broke: the step, and the line of the throw (line 14 of THROWS).
    await expect(page.getByTestId('run-result')).toContainText('in step explode, line 14');
    await page.getByTestId('run-result').getByRole('button', { name: 'in step explode, line 14' }).click();
    await expect(page.locator('.cm-lineNumbers .cm-activeLineGutter')).toHaveText('14');
    await expect(stepNode(page, 'explode')).toHaveAttribute('data-state', 'failed');
    await expect(page.getByTestId('console')).toContainText('about to fail');
    await expect(page.getByTestId('console').locator('.console-line.level-error')).toContainText('the database is on fire');

    // The next run starts from a clean slate.
    await setCode(page, FIXED);
    await expect(stepNode(page, 'spin')).toBeVisible();
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('run-result')).toHaveText('42');
  });

  test('an infinite loop in a step: Stop still works and the next run starts at once', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, SPINS);
    await setSpeed(page, 10);
    await expect(stepNode(page, 'spin')).toBeVisible();
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('running');
    await expect(stepNode(page, 'spin')).toHaveAttribute('data-state', 'running');
    // The page itself stays responsive while the runner spins.
    await expect(page.getByTestId('stop-button')).toBeEnabled();
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 5_000 });
    // The loop is named, and the run ends where the playback was (the virtual clock).
    await expect(page.getByTestId('run-result')).toContainText("Stopped while step 'spin' was running: the runner was too busy to stop the run");
    await expect(page.getByTestId('run-result')).toContainText('The run ends where the playback was.');
    await expect(stepNode(page, 'spin')).toHaveAttribute('data-running', '0');

    await setCode(page, FIXED);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('run-result')).toHaveText('42');
  });

  test('broken code keeps the last good graph, says why, and will not run', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, THROWS.replace('async explode(ctx: Context, ev: Work)', 'async explode(ctx: Context, ev: Work'));
    await expect(page.locator('.graph-notice')).toContainText('Showing the last good graph');
    // The graph is the parallel example's, untouched.
    await expect(stepNode(page, 'stepTwo')).toBeVisible();
    const problems = page.getByTestId('diagnostics');
    await expect(problems.locator('.problem.error').first()).toBeVisible();

    // Clicking a problem puts the cursor on its line.
    const first = problems.locator('.problem.error').first();
    const line = Number((await first.locator('.problem-where').textContent())!.split(':')[0]);
    await first.click();
    await expect(page.locator('.cm-lineNumbers .cm-activeLineGutter')).toHaveText(String(line));
    await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();

    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    await expect(page.getByTestId('run-result')).toContainText('fix them to run it');
  });

  test('input that is not a JSON object is refused with a clear message', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('run-input').fill('{ "message": ');
    await expect(page.getByTestId('input-error')).toContainText('Input is not valid JSON');
    await page.getByTestId('run-input').fill('[1, 2]');
    await expect(page.getByTestId('input-error')).toContainText('must be a JSON object');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    await page.getByTestId('run-input').fill('{ "message": "hi" }');
    await expect(page.getByTestId('input-error')).toHaveCount(0);
  });
});
