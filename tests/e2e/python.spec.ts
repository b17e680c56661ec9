import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { changes, eventNode, expect, openPlayground, runAndSample, setCode, setSpeed, stepNode, switchToPython, test } from './fixtures.ts';

/** The concurrency chapter's programs, cell by cell as the LlamaIndex docs print them. */
const chapter = (name: string) => readFileSync(new URL(`../../src/examples/concurrency/${name}.py`, import.meta.url), 'utf8');

/** Python starts in the runner the first time (seconds, more on a busy machine); later runs start from a snapshot. */
const PYTHON_RUN_MS = 150_000;

const attr = (id: string, name: string) => `document.querySelector('.react-flow__node[data-id="${id}"]')?.getAttribute('${name}')`;

const consoleLines = (page: Page) => page.getByTestId('console').locator('.console-line');

test.describe('Python mode', () => {
  test.setTimeout(300_000);

  test('switch to Python, paste the chapter\'s programs, run them and watch them', async ({ page }) => {
    await openPlayground(page);
    await switchToPython(page);
    // The Python twin of the default example, drawn from its annotations without any Python runtime.
    await expect(stepNode(page, 'step_two')).toBeVisible();

    // Three queries at once; the first StopEvent wins and the others are cancelled.
    await setCode(page, chapter('parallel'));
    await expect(eventNode(page, 'StepTwoEvent')).toBeVisible();
    await setSpeed(page, 4);
    const parallel = await runAndSample<{ running: number; state: string | null }>(
      page,
      `({ running: Number(${attr('step:step_two', 'data-running')}), state: ${attr('step:step_two', 'data-state')} })`,
      PYTHON_RUN_MS,
    );
    expect(Math.max(...parallel.map((s) => s.running)), 'step_two invocations running at once').toBe(3);
    expect(changes(parallel.map((s) => s.state))).toEqual(['idle', 'running', 'cancelled']);
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('run-result')).toHaveText(/^Query [123]$/);
    await expect(eventNode(page, 'StepTwoEvent')).toHaveAttribute('data-count', '3');
    await expect(stepNode(page, 'step_two').locator('.step-outcomes')).toHaveText('✓1 done ⊘2 cancelled');
    await expect(consoleLines(page).filter({ hasText: 'Running slow query' })).toHaveCount(3);
    await expect(consoleLines(page).filter({ hasText: 'Running slow query' }).first().locator('.console-step')).toHaveText('step_two');
    // The timeline draws the same run: a row for each step that ran.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.getByTestId('timeline')).toContainText('step_two');
    await page.getByRole('tab', { name: 'Console' }).click();

    // collect_events returns None until all three results are in.
    await setCode(page, chapter('collect'));
    await expect(stepNode(page, 'step_three')).toBeVisible();
    const collected = await runAndSample<string | null>(page, attr('step:step_three', 'data-collected'), PYTHON_RUN_MS);
    expect(changes(collected.filter((s) => s))).toEqual(['1/3', '2/3', '3/3']);
    await expect(page.getByTestId('run-result')).toHaveText('Done');
    await expect(consoleLines(page).filter({ hasText: 'Not all events received yet.' })).toHaveCount(2);
    await expect(eventNode(page, 'StepThreeEvent')).toHaveAttribute('data-count', '3');

    // Different event types come back in the order of the expected list, whatever order they arrived in.
    await setCode(page, chapter('collect-different-types'));
    await expect(stepNode(page, 'step_a')).toBeVisible();
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-result')).toHaveText('Done');
    await expect(consoleLines(page).filter({ hasText: 'All events received:' })).toHaveText(
      /All events received: +\[StepCCompleteEvent\(result='Query 3'\), StepBCompleteEvent\(result='Query 2'\), StepACompleteEvent\(result='Query 1'\)\]/,
    );

    // Map-reduce: the number of tasks goes through ctx.set("num_events", n) / await ctx.get("num_events").
    await setCode(page, chapter('map-reduce'));
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-status')).toHaveText('stopped');
    await expect(page.getByTestId('run-result')).toHaveText(/^(Query [1-4], ){3}Query [1-4]$/);
    await expect(consoleLines(page).filter({ hasText: 'Reduced 4 results' })).toHaveCount(1);
    await expect(eventNode(page, 'StepThreeEvent')).toHaveAttribute('data-count', '4');
  });

  test('errors name the module or point at the line; a stuck loop is replaced and the next run starts warm', async ({ page }) => {
    await openPlayground(page);
    await switchToPython(page);

    // An import the page cannot serve: said while typing, and by the run with what the playground provides.
    await setCode(page, `import requests\n${chapter('parallel')}`);
    await expect(page.getByTestId('diagnostics')).toContainText('requests');
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    await expect(page.getByTestId('run-result')).toContainText("No module named 'requests' here");
    await expect(page.getByTestId('run-result')).toContainText('llama_index.core.workflow');
    await expect(page.getByTestId('run-result')).not.toContainText('micropip');

    // A step that raises: the traceback points at the user's line, and clicking it moves the cursor there.
    const raising = chapter('parallel').replace('        print("Running slow query ", ev.query)\n', '        print("Running slow query ", ev.query)\n        raise ValueError(f"no answer for {ev.query}")\n');
    const raiseLine = raising.split('\n').findIndex((line) => line.includes('raise ValueError')) + 1;
    await setCode(page, raising);
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    await expect(page.getByTestId('run-result')).toContainText('ValueError: no answer for Query');
    await expect(page.getByTestId('run-result')).toContainText(`File "workflow.py", line ${raiseLine}, in step_two`);
    await page.getByTestId('run-result').locator('.result-where').click();
    await expect(page.locator('.cm-activeLine')).toHaveText('        raise ValueError(f"no answer for {ev.query}")');

    // `while True:` holds the runner's thread: the watchdog replaces the runner and names the step.
    const spinning = chapter('parallel').replace('        print("Running slow query ", ev.query)\n', '        while True:\n            pass\n');
    await setCode(page, spinning);
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    await expect(page.getByTestId('run-result')).toContainText("RunnerUnresponsive: Step 'step_two' did not respond");

    // The replacement was prepared while the page was idle, from the snapshot: no cold start again.
    await setCode(page, chapter('parallel'));
    await page.waitForTimeout(3_000);
    const start = Date.now();
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-result')).toHaveText(/^Query [123]$/);
    expect(Date.now() - start, 'a Python run after the replacement, including playback').toBeLessThan(60_000);
  });

  test('each run starts from a fresh Python: what one run defined or changed, the next cannot see', async ({ page }) => {
    await openPlayground(page);
    await switchToPython(page);
    // The first run leaves everything it can behind: a global, a class of its own, a changed served
    // class and module, a module of its own in sys.modules, a builtin, a patched asyncio.
    await setCode(page, `import asyncio, builtins, sys, types
from workflows import Workflow, step
from workflows.events import Event, StartEvent, StopEvent
import workflows

LEFT_BEHIND = "run 1"

class Leftover(Event):
    note: str = "from run 1"

Event.leftover = "run 1"
workflows.leftover = "run 1"
sys.modules["leftover"] = types.ModuleType("leftover")
builtins.leftover = "run 1"
asyncio.leftover = "run 1"

class First(Workflow):
    @step
    async def mark(self, ev: StartEvent) -> StopEvent:
        return StopEvent(result="left things behind")
`);
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-result')).toHaveText('left things behind');

    await setCode(page, `import asyncio, builtins, sys
from workflows import Workflow, step
from workflows.events import Event, StartEvent, StopEvent
import workflows

class Second(Workflow):
    @step
    async def look(self, ev: StartEvent) -> StopEvent:
        seen = [
            name
            for name, found in [
                ("global", "LEFT_BEHIND" in globals()),
                ("class", "Leftover" in globals() or any(c.__name__ == "Leftover" for c in Event.__subclasses__())),
                ("served class", hasattr(Event, "leftover")),
                ("served module", hasattr(workflows, "leftover")),
                ("sys.modules", "leftover" in sys.modules),
                ("builtins", hasattr(builtins, "leftover")),
                ("asyncio", hasattr(asyncio, "leftover")),
            ]
            if found
        ]
        return StopEvent(result="saw: " + (", ".join(seen) or "nothing"))
`);
    const start = Date.now();
    await runAndSample(page, 'null', PYTHON_RUN_MS);
    await expect(page.getByTestId('run-result')).toHaveText('saw: nothing');
    // The second run's runner was started while the first played back: no cold start on this run.
    expect(Date.now() - start, 'the second run, including playback').toBeLessThan(60_000);
  });

  test('the editor completes what the playground provides, without a Python runtime', async ({ page }) => {
    await openPlayground(page);
    await switchToPython(page);
    await setCode(page, chapter('parallel'));
    await page.getByTestId('editor').locator('.cm-line', { hasText: 'print("Running slow query ", ev.query)' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await page.keyboard.type('ctx.send', { delay: 40 });
    await expect(options.first()).toHaveText('send_event');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    // The event's own field, from the class the parameter is annotated with.
    await page.keyboard.type('ev.qu', { delay: 40 });
    await expect(options.first()).toHaveText('query');
    await page.keyboard.press('Escape');
  });

  test('share links and drafts keep the language', async ({ page, browser }) => {
    await openPlayground(page);
    await switchToPython(page);
    await setCode(page, chapter('collect'));
    await expect(stepNode(page, 'step_three')).toBeVisible();

    await page.getByTestId('share-button').click();
    const url = await page.getByTestId('share-url').inputValue();
    await page.getByRole('button', { name: 'Close' }).click();

    // The draft: a reload shows the Python code, as Python.
    await page.waitForTimeout(1_000);
    await page.reload();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(stepNode(page, 'step_three')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');

    // The link, in a fresh browser context: Python again, with its graph.
    const other = await browser.newContext();
    const opened = await other.newPage();
    await opened.goto(url);
    await expect(opened.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(opened.locator('.react-flow__node[data-id="step:step_three"]')).toBeVisible({ timeout: 15_000 });
    await expect(opened.locator('.cm-content')).toContainText('class ConcurrentFlow(Workflow):', { timeout: 15_000 });
    await other.close();

    // Back to TypeScript: the TypeScript example, and the Python code kept under Drafts.
    await page.getByTestId('lang-typescript').click();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'typescript');
    // TypeScript's own analysis (its worker may still be starting on a busy machine) draws the graph.
    await expect(stepNode(page, 'stepThree')).toBeVisible({ timeout: 30_000 });
  });
});
