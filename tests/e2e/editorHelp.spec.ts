import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { eventNode, expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';

/** Chapter one's suggested edit, typed into a file that does not import Event. */
const CHAPTER_ONE_EDIT = readFileSync(new URL('../fixtures/editor/host-event.ts.txt', import.meta.url), 'utf8');

const editor = (page: Page) => page.getByTestId('editor');
const options = (page: Page) => page.locator('.cm-tooltip-autocomplete li');

/**
 * Puts the cursor at the end of the first line containing `text`. The editor wraps long lines, and End
 * stops at each wrap point first: pressed until the cursor stays put, it reaches the line's end
 * whatever the font's width.
 */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await editor(page).locator('.cm-line', { hasText: text }).first().click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('End');
}

test.describe('an editor that helps', () => {
  test('extending the host Event says so in plain words, and the fix imports Flowplay\'s', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, CHAPTER_ONE_EDIT);
    const problems = page.getByTestId('diagnostics');
    await expect(problems).toContainText("GreetingEvent extends the Event type every browser has, not Flowplay's Event");
    await problems.getByRole('button', { name: 'Import Event from "flowplay"' }).click();
    await expect(editor(page).locator('.cm-line').first()).toHaveText(
      'import { Context, StartEvent, StopEvent, Workflow, step, Event } from "flowplay";',
    );
    await expect(problems).toContainText('No problems.');
    await expect(eventNode(page, 'GreetingEvent')).toBeVisible();
    await expect(stepNode(page, 'shout')).toBeVisible();
  });

  test('completing a flowplay name adds its import, with its documentation beside the list', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, CHAPTER_ONE_EDIT.replace('import { Context, StartEvent,', 'import { Context, Event, StartEvent,'));
    await cursorAfter(page, 'return new StopEvent({ result: ev.greeting');
    await page.keyboard.press('Enter');
    await page.keyboard.type('const wait = waitFi', { delay: 30 });
    await expect(options(page).first()).toContainText('waitFixed');
    await expect(page.locator('.ts-completion-info')).toContainText('waitFixed');
    // The list ignores Enter for its first 75 ms on screen (so a newline typed as it pops up stays a
    // newline), and while a newer query is out it stays on screen greyed: a person reads the list
    // before choosing, and so does the test. On a fast machine the list opens as the typing ends.
    await page.waitForTimeout(200);
    await expect(page.locator('.cm-tooltip-autocomplete')).not.toHaveClass(/cm-tooltip-autocomplete-disabled/);
    await page.keyboard.press('Enter');
    // The name first (Enter chose it), then the import it brought.
    await expect(editor(page).locator('.cm-line', { hasText: 'const wait = waitFixed' })).toHaveCount(1);
    await expect(editor(page).locator('.cm-line').first()).toContainText('waitFixed');
  });

  test('each name is listed once, and an object literal lists its fields first', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, CHAPTER_ONE_EDIT.replace('import { Context, StartEvent,', 'import { Context, Event, StartEvent,'));
    await cursorAfter(page, 'return new StopEvent({ result: ev.greeting');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sto', { delay: 30 });
    await expect(options(page).first()).toBeVisible();
    const labels = await options(page).allTextContents();
    expect(labels.filter((l) => l.startsWith('StopEvent'))).toHaveLength(1);
    await page.keyboard.press('Escape');
    await page.keyboard.type('p;\nreturn new GreetingEvent({ ', { delay: 20 });
    await page.keyboard.press('Control+Space');
    await expect(options(page).first()).toHaveText(/^greeting/);
  });

  test('signature help shows the parameters of the call being written', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, CHAPTER_ONE_EDIT.replace('import { Context, StartEvent,', 'import { Context, Event, StartEvent,'));
    await cursorAfter(page, 'return new StopEvent({ result: ev.greeting');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ctx.sendEvent(', { delay: 30 });
    const help = page.locator('.ts-signature');
    await expect(help).toContainText('sendEvent(ev: Event, step?: string): void');
    await expect(help.locator('strong')).toHaveText('ev: Event');
    await page.keyboard.type('ev, ', { delay: 30 });
    await expect(help.locator('strong')).toHaveText('step?: string');
    // Closing the call (over the bracket the editor put there) leaves it, and the help goes.
    await page.keyboard.type('"shout")', { delay: 30 });
    await expect(help).toHaveCount(0);
  });

  test('F2 renames an event and a step everywhere, and the graph follows', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, CHAPTER_ONE_EDIT.replace('import { Context, StartEvent,', 'import { Context, Event, StartEvent,'));
    await expect(eventNode(page, 'GreetingEvent')).toBeVisible();
    await editor(page).locator('.cm-line', { hasText: 'class GreetingEvent' }).getByText('GreetingEvent', { exact: true }).click();
    await page.keyboard.press('F2');
    const box = page.getByRole('textbox', { name: 'New name for GreetingEvent' });
    await expect(box).toBeFocused();
    await expect(page.locator('.cm-rename')).toContainText('4 places');
    await box.fill('SalutationEvent');
    await box.press('Enter');
    await expect(eventNode(page, 'SalutationEvent')).toBeVisible();
    await expect(eventNode(page, 'GreetingEvent')).toHaveCount(0);
    await expect(editor(page).locator('.cm-content')).not.toContainText('GreetingEvent');

    await editor(page).locator('.cm-line', { hasText: 'async shout(' }).getByText('shout', { exact: true }).click();
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'New name for shout' }).fill('exclaim');
    await page.keyboard.press('Enter');
    await expect(stepNode(page, 'exclaim')).toBeVisible();
    // One undo puts the whole rename back.
    await page.keyboard.press('ControlOrMeta+z');
    await expect(stepNode(page, 'shout')).toBeVisible();
  });

  test('a validation error names the decorator\'s line in the result and in Problems alike', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, CHAPTER_ONE_EDIT.replace('import { Context, StartEvent,', 'import { Context, Event, StartEvent,').replace('  @step()\n  async shout', '  @step({ numWorkers: 0 })\n  async shout'));
    const problem = page.getByTestId('diagnostics').locator('.problem', { hasText: 'numWorkers must be an integer greater than 0' });
    await expect(problem).toBeVisible();
    const line = (await problem.locator('.problem-where').textContent())!.split(':')[0];
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-result').locator('.result-where')).toHaveText(new RegExp(`line ${line}$`));
    expect(Number(line)).toBe(11);
  });

  test('the last-good-graph notice leaves the Export button free, and new problems keep the typed line in view', async ({ page }) => {
    await openPlayground(page, 'parallel');
    const good = CHAPTER_ONE_EDIT.replace('import { Context, StartEvent,', 'import { Context, Event, StartEvent,');
    await setCode(page, good);
    await expect(eventNode(page, 'GreetingEvent')).toBeVisible();
    await setCode(page, good.replace('class HelloFlow extends Workflow {', 'class HelloFlow extends Workflow { oops('));
    const notice = page.locator('.graph-notice');
    await expect(notice).toContainText('Showing the last good graph');
    const exportButton = page.getByTestId('export-button');
    const [n, e] = [(await notice.boundingBox())!, (await exportButton.boundingBox())!];
    expect(n.x + n.width).toBeLessThanOrEqual(e.x);
    await exportButton.click();
    await expect(page.locator('.export-list')).toBeVisible();
    await page.keyboard.press('Escape');

    // Type at the bottom of a long file until problems appear; the cursor's line stays visible.
    await setCode(page, good + '// a long file\n'.repeat(60));
    await expect(page.getByTestId('diagnostics')).toContainText('No problems.');
    await page.keyboard.press('ControlOrMeta+End');
    for (let i = 0; i < 6; i++) await page.keyboard.type('\nconst broken' + i + ' = ;', { delay: 5 });
    await expect(page.getByTestId('diagnostics').locator('.problem').nth(4)).toBeVisible();
    await page.waitForTimeout(300);
    const cursor = (await page.locator('.cm-cursor-primary').boundingBox())!;
    const scroller = (await page.locator('.editor .cm-scroller').boundingBox())!;
    expect(cursor.y + cursor.height).toBeLessThanOrEqual(scroller.y + scroller.height);
  });
});
