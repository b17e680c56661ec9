import { eventNode, expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';
import { hoverTimelineLane, runToEnd } from './inspectHelpers.ts';

/** A 5 s run: `slow` sleeps 5 s of workflow time, `instant` takes none. */
const FIVE_SECONDS = `import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class Slept extends Event<{ n: number }> {}

class Timed extends Workflow {
  @step()
  async slow(ctx: Context, ev: StartEvent): Promise<Slept> {
    await sleep(5);
    return new Slept({ n: 1 });
  }

  @step()
  async instant(ctx: Context, ev: Slept): Promise<StopEvent> {
    return new StopEvent({ result: ev.n });
  }
}

const w = new Timed({ timeout: 60 });
console.log(await w.run({}));
`;

test.describe('the timeline in workflow time', () => {
  test('the axis spans the clock\'s 5.00 s, and tooltips give start, end and duration', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, FIVE_SECONDS);
    await expect(stepNode(page, 'instant')).toBeVisible();
    await runToEnd(page);
    await expect(page.getByTestId('scrubber-readout')).toContainText('5.00s');
    await page.getByTestId('dock-tab-timeline').click();
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toHaveAttribute('data-span', '5000');
    await expect(page.getByTestId('timeline-range')).toHaveText('0.00 s – 5.00 s');
    const slow = await hoverTimelineLane(page, 'slow', 1, /slow #\d+ · attempt 1 · worker 1 · done/);
    expect(slow.text).toContain('start 0.00 s · end 5.00 s · 5.00 s');
    // An instant step is an instant, not an animation's length: its StopEvent marker sits on it.
    const stop = await hoverTimelineLane(page, 'instant', 1, /^StopEvent #\d+/);
    expect(stop.text).toMatch(/at 5\.00 s$/);
    await page.screenshot({ path: 'test-results/timeline-workflow-time.png' });
  });

  test('zooms with the buttons, the keyboard and Ctrl+wheel, pans by dragging, and fits back', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, FIVE_SECONDS);
    await expect(stepNode(page, 'instant')).toBeVisible();
    await runToEnd(page);
    await page.getByTestId('dock-tab-timeline').click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByRole('button', { name: 'Zoom in' }).click();
    await expect(timeline).toHaveAttribute('data-window', '1250-3750');
    // Dragging to the right shows earlier time.
    const canvas = (await page.locator('.timeline-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + 200, canvas.y + 30);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 600, canvas.y + 30, { steps: 6 });
    await page.mouse.up();
    const [from] = (await timeline.getAttribute('data-window'))!.split('-').map(Number);
    expect(from).toBeLessThan(1250);
    // Ctrl+wheel over the start zooms in around it.
    await page.mouse.move(canvas.x + 4, canvas.y + 30);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await expect.poll(async () => {
      const [a, b] = (await timeline.getAttribute('data-window'))!.split('-').map(Number);
      return b! - a!;
    }).toBeLessThan(2500);
    await timeline.getByRole('button', { name: 'Fit' }).click();
    await expect(timeline).toHaveAttribute('data-window', '0-5000');
    await page.locator('.timeline-canvas').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await expect(timeline).toHaveAttribute('data-window', '1750-4250');
    await page.keyboard.press('0');
    await expect(timeline).toHaveAttribute('data-window', '0-5000');
  });

  test('the text view is a table of the same run, copyable as text', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openPlayground(page, 'parallel');
    await setCode(page, FIVE_SECONDS);
    await expect(stepNode(page, 'instant')).toBeVisible();
    await runToEnd(page);
    await page.getByTestId('dock-tab-timeline').click();
    await page.getByTestId('timeline-as-text').click();
    const table = page.getByTestId('timeline-text').getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['Start', 'End', 'Duration', 'Step', 'What']);
    const slow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'slow' }) }).filter({ hasText: 'worker 1' });
    await expect(slow.getByRole('cell')).toHaveText(['0.00 s', '5.00 s', '5.00 s', /#\d+ · worker 1 · done/]);
    await expect(table).toContainText('Slept #');
    const instant = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'instant' }) }).filter({ hasText: 'worker 1' });
    await expect(instant.getByRole('cell')).toHaveText(['5.00 s', '5.00 s', '0 ms', /#\d+ · worker 1 · done/]);
    await page.getByRole('button', { name: 'Copy as text' }).click();
    await expect(page.getByTestId('timeline-text').getByRole('status')).toHaveText('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toBe('Start\tEnd\tDuration\tStep\tWhat');
    expect(copied).toMatch(/0\.00 s\t5\.00 s\t5\.00 s\tslow\t#\d+ · worker 1 · done/);
  });

  test('clicking an event node lists every event of its type; choosing one goes to its moment and opens it', async ({ page }) => {
    await openPlayground(page, 'collect');
    await runToEnd(page);
    await eventNode(page, 'StepThreeEvent').click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toBeVisible();
    await expect(inspector).toHaveAttribute('data-selection', 'eventType:StepThreeEvent');
    await expect(page.getByTestId('event-type-count')).toHaveText('3 of 3 events so far');
    const rows = page.getByTestId('event-type-list').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    // Each row: the event, its moment in workflow time, the invocation that made it, its fields.
    await expect(rows.nth(0).getByRole('cell')).toHaveText([/^#\d+$/, /^\d+\.\d\d s$/, /^stepTwo #\d+$/, /^result=".+"$/]);
    const lastAt = (await rows.nth(2).getByRole('cell').nth(1).textContent())!;

    const second = rows.nth(1).getByRole('button');
    const id = (await second.textContent())!.slice(1);
    await second.click();
    await expect(inspector).toHaveAttribute('data-selection', `event:${id}`);
    await expect(page.getByTestId('inspector-type')).toHaveText('StepThreeEvent');
    // The playback stands where that event was emitted: the node counts two of three.
    await expect(eventNode(page, 'StepThreeEvent')).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-paused', 'true');

    // From the one event, back to all of its type: the third is listed as later than the playback.
    await inspector.getByRole('button', { name: 'all 2 StepThreeEvent events' }).click();
    await expect(page.getByTestId('event-type-count')).toHaveText('2 of 3 events so far');
    await expect(rows.nth(2)).toHaveAttribute('data-later', 'true');
    await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText(`${lastAt} (later)`);
  });
});
