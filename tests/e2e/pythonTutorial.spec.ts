import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openPlayground, setCode, setSpeed, stepNode, test } from './fixtures.ts';

/** Python starts in the runner the first time (seconds, more on a busy machine). */
const PYTHON_RUN_MS = 150_000;

const source = (path: string) => readFileSync(new URL(`../../src/${path}`, import.meta.url), 'utf8');

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText(/stopped|failed|timeout|cancelled/, { timeout: PYTHON_RUN_MS });
}

/** Switches the page to Python and opens a chapter of the tutorial. */
async function openChapterInPython(page: Page, chapter: string): Promise<void> {
  await openPlayground(page);
  await page.getByTestId('lang-python').click();
  await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
  await page.getByTestId('tutorial-button').click();
  await page.getByTestId('chapter-select').selectOption(chapter);
  await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', chapter);
  await expect(page.getByTestId('no-python')).toHaveCount(0);
}

/** Answers the question the run shows above the console. */
async function answer(page: Page, question: RegExp, text: string): Promise<void> {
  await expect(page.getByTestId('human-question')).toHaveText(question, { timeout: PYTHON_RUN_MS });
  await page.getByTestId('human-answer').fill(text);
  await page.getByTestId('human-send').click();
}

test.describe('the tutorial in Python', () => {
  test.setTimeout(300_000);

  test('in Python, an exercise starts from Python, fails, and the pasted Python solution passes the same check', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('lang-python').click();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await page.getByTestId('tutorial-button').click();
    await page.getByTestId('chapter-select').selectOption('concurrency');
    await expect(page.getByTestId('tutorial')).toHaveAttribute('data-chapter', 'concurrency');
    await expect(page.getByTestId('no-python')).toHaveCount(0);

    const exercise = page.locator('[data-exercise="concurrency/two-at-once"]');
    await exercise.getByTestId('start-exercise').click();
    // The starting code is the chapter's Python, and the editor stays in Python.
    await expect(page.getByTestId('editor')).toContainText('@step(num_workers=4)');
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(stepNode(page, 'step_two')).toBeVisible();
    await setSpeed(page, 10);
    await runToEnd(page);
    const result = exercise.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
    await expect(result).toContainText('the limit is 2');

    await exercise.getByTestId('show-solution').click();
    await expect(exercise.getByTestId('solution')).toContainText('@step(num_workers=2)');
    await setCode(page, source('tutorial/examples/concurrency/two-workers.py'));
    await expect(page.getByTestId('editor')).toContainText('@step(num_workers=2)');
    await runToEnd(page);
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
    await expect(result).toContainText('At most 2 step_two invocations overlapped');
    await expect(exercise.locator('.exercise-tick')).toHaveText('✓ passed');
    await page.screenshot({ path: 'screenshots/tutorial-python-passed.png' });
  });

  test('fan-out and fan-in in Python: the chapter reads in Python, the one-at-a-time start fails in Python\'s words, the pasted solution passes', async ({ page }) => {
    await openChapterInPython(page, 'fan-out-fan-in');
    // The text, task and hint are the Python ones: send_event and collect_events, not typed batches.
    await expect(page.getByTestId('tutorial')).toContainText('ctx.collect_events(ev, [Done] * chunks)');
    const exercise = page.locator('[data-exercise="fan-out-fan-in/gather-the-batch"]');
    await expect(exercise).toContainText('with ctx.collect_events');
    await exercise.getByTestId('show-hint').click();
    await expect(exercise.getByTestId('hint')).toContainText('await ctx.store.set("chunks", len(chunks))');

    await exercise.getByTestId('start-exercise').click();
    await expect(page.getByTestId('editor')).toContainText('return StopEvent(result=ev.words)');
    await expect(stepNode(page, 'total')).toBeVisible();
    await setSpeed(page, 10);
    await runToEnd(page);
    const result = exercise.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
    await expect(result).toContainText('total stopped the run when called with 1 of the 4 Done events; collect them all with ctx.collect_events(ev, [Done] * 4).');

    await setCode(page, source('tutorial/examples/fan-out-fan-in/word-count.py'));
    await expect(page.getByTestId('editor')).toContainText('[Done] * chunks');
    await runToEnd(page);
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
    await expect(result).toContainText('total gathered all 4 Done events of the batch');
    await page.screenshot({ path: 'screenshots/tutorial-python-fan-out-passed.png' });
  });

  test('human in the loop in Python: the one-question start fails, the pasted solution answered in the page passes', async ({ page }) => {
    await openChapterInPython(page, 'human-in-the-loop');
    await expect(page.getByTestId('tutorial')).toContainText('handler.ctx.send_event(HumanResponseEvent(response="Ada"))');
    const exercise = page.locator('[data-exercise="human-in-the-loop/confirm"]');
    await exercise.getByTestId('start-exercise').click();
    await expect(page.getByTestId('editor')).toContainText('InputRequiredEvent(prefix="What is your name? ")');
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await page.getByTestId('run-button').click();
    await answer(page, /What is your name/, 'Ada');
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: PYTHON_RUN_MS });
    const result = exercise.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
    await expect(result).toContainText('The run asked 1 question and stopped; the exercise wants a confirmation question too.');

    await setCode(page, source('tutorial/examples/human-in-the-loop/confirm.py'));
    await expect(page.getByTestId('editor')).toContainText('Shall I greet');
    await page.getByTestId('run-button').click();
    await answer(page, /What is your name/, 'Ada');
    await answer(page, /Shall I greet Ada/, 'no');
    await answer(page, /What is your name, then/, 'Grace');
    await answer(page, /Shall I greet Grace/, 'yes');
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: PYTHON_RUN_MS });
    await expect(page.getByTestId('run-result')).toContainText('Hello, Grace!');
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
    await expect(result).toContainText('The run asked 4 questions and greeted Grace after the yes.');
  });

  test('error steps in Python: the translate that always fails fails the check, the pasted @catch_error solution passes', async ({ page }) => {
    await openChapterInPython(page, 'retries-and-error-steps');
    await expect(page.getByTestId('partly-python')).toHaveCount(0);
    // The chapter names the Python API: the decorator's keyword arguments, snake_case fields.
    await expect(page.getByTestId('tutorial')).toContainText('@catch_error(for_steps=["fetch_forecast"])');
    await expect(page.getByTestId('tutorial')).toContainText('retry_if_exception_type(ServiceBusy)');
    const exercise = page.locator('[data-exercise="retries-and-error-steps/error-step"]');
    await expect(exercise.getByTestId('exercise-no-python')).toHaveCount(0);
    await exercise.getByTestId('show-hint').click();
    await expect(exercise.getByTestId('hint')).toContainText('@catch_error(for_steps=["translate"])');

    await exercise.getByTestId('start-exercise').click();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(page.getByTestId('editor')).toContainText('stop_after_attempt(3)');
    await setSpeed(page, 10);
    await runToEnd(page);
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    const result = exercise.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
    await expect(result).toContainText('translate');

    await setCode(page, source('tutorial/examples/retries-and-error-steps/translate-fallback.py'));
    await expect(page.getByTestId('editor')).toContainText('@catch_error(for_steps=["translate"])');
    await expect(stepNode(page, 'untranslated')).toBeVisible();
    await runToEnd(page);
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    // A passing run is checked once more, forked with another text: the Python step must see it too.
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 60_000 });
    await expect(result).toContainText('translate failed 3 times; untranslated took over and ended the run with the original text, also when the same code ran again with the text "Boa noite".');
    await expect(page.getByTestId('run-result')).toContainText('Boa noite');
    await page.screenshot({ path: 'screenshots/tutorial-python-error-step-passed.png' });
  });

  test('resources in Python: two lambdas are two memories, one named factory in both steps is shared', async ({ page }) => {
    await openChapterInPython(page, 'resources');
    await expect(page.getByTestId('tutorial')).toContainText('memory: Annotated[Memory, Resource(get_memory)]');
    const exercise = page.locator('[data-exercise="resources/share-memory"]');
    await exercise.getByTestId('start-exercise').click();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(page.getByTestId('editor')).toContainText('Resource(lambda: Memory())');
    await setSpeed(page, 10);
    await runToEnd(page);
    const result = exercise.getByTestId('exercise-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
    await expect(result).toContainText('two memories, so reply cannot see what listen remembered');

    await setCode(page, source('tutorial/examples/resources/shared-memory.py'));
    await expect(page.locator('.react-flow__node[data-id="resource:get_memory"]')).toBeVisible();
    await runToEnd(page);
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
    await expect(result).toContainText('listen and reply shared get_memory #1: reply read what listen remembered.');
    await page.screenshot({ path: 'screenshots/tutorial-python-resources-passed.png' });
  });
});
