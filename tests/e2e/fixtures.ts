import { test as base, expect } from '@playwright/test';
import type { Locator, Page, Response } from '@playwright/test';

/**
 * Every test fails if the page throws an uncaught error or rejects a promise nobody handles, whatever
 * else it checks: errors are product surface, never a silent console entry.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
      await use(errors);
      expect(errors, 'uncaught errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens the playground (optionally on a built-in example) and waits for its first graph and for the
 * editor. The graph of the default example ships with the page and the editor loads after it, so
 * both are awaited; then two frames, for CodeMirror to have drawn every line of the text.
 */
export async function openPlayground(page: Page, example?: string): Promise<void> {
  await page.goto(example ? `/?example=${example}` : '/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('editor').locator('.cm-content')).toBeVisible({ timeout: 15_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Switches the editor to Python with the language switch, and waits until the editor reads Python. */
export async function switchToPython(page: Page): Promise<void> {
  await page.getByTestId('lang-python').click();
  await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
  await expect(page.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');
}

/** Replaces the editor's whole text, as a paste would. */
export async function setCode(page: Page, code: string): Promise<void> {
  const content = page.getByTestId('editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

export function stepNode(page: Page, step: string): Locator {
  return page.locator(`.react-flow__node[data-id="step:${step}"]`);
}

export function eventNode(page: Page, type: string): Locator {
  return page.locator(`.react-flow__node[data-id="event:${type}"]`);
}

export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId('run-speed').selectOption(String(speed));
}

const FINISHED = ['stopped', 'failed', 'timeout', 'cancelled'];

/**
 * Runs and samples `probe` (evaluated in the page) on every animation frame until the status shows
 * the run finished; returns the samples in order. Frame sampling catches states that last only a
 * moment on screen, which polling from the test would miss.
 */
export async function runAndSample<T>(page: Page, probe: string, timeoutMs = 40_000): Promise<T[]> {
  const sampling = page.evaluate(
    ({ probe, timeoutMs, finished }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const read = new Function(`return (${probe});`) as () => unknown;
        const samples: unknown[] = [];
        const start = performance.now();
        let started = false;
        const frame = () => {
          samples.push(read());
          const status = document.querySelector('[data-testid="run-status"]')?.textContent ?? '';
          if (status === 'running') started = true;
          if (started && finished.includes(status)) return resolve(samples);
          if (performance.now() - start > timeoutMs) return reject(new Error(`run did not finish; last status ${status}`));
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { probe, timeoutMs, finished: FINISHED },
  );
  await page.getByTestId('run-button').click();
  return (await sampling) as T[];
}

/** Distinct consecutive values, to compare the story a run told rather than every frame. */
export function changes<T>(samples: T[]): T[] {
  const out: T[] = [];
  for (const sample of samples) {
    if (out.length === 0 || JSON.stringify(out[out.length - 1]) !== JSON.stringify(sample)) out.push(sample);
  }
  return out;
}

/**
 * A workflow of one step, `probe`, running `body` (indented lines ending in a return); `preamble` stands
 * between the import and the class. The safety specs feed such probes hostile bodies.
 */
export function probeWorkflow(body: string, preamble = ''): string {
  return `import { Context, StartEvent, StopEvent, Workflow, step, InputRequiredEvent, HumanResponseEvent } from "flowplay";
${preamble}
class Probe extends Workflow {
  @step()
  async probe(ctx: Context, ev: StartEvent): Promise<StopEvent> {
${body}
  }
}
`;
}

/** Puts a probe workflow in the editor and runs it at 10x once its graph shows. */
export async function runProbe(page: Page, code: string): Promise<void> {
  await setCode(page, code);
  await expect(stepNode(page, 'probe')).toBeVisible();
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
}

/** A workflow that runs to "page still works": run last in the hostile and bad-input specs to show the page survived. */
export const GOOD_WORKFLOW = `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Good extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: "page still works" });
  }
}
`;

/** The user's own draft, which no link, file or failure may lose. */
export const MY_DRAFT = `// my draft, not to be lost\n${GOOD_WORKFLOW}`;

/** Opens the playground, types the user's draft and waits until it is saved (after a short pause in typing). */
export async function saveMyDraft(page: Page): Promise<void> {
  await openPlayground(page);
  await setCode(page, MY_DRAFT);
  await page.waitForTimeout(1_000);
}

/** Opens a share link as someone following it would: a new navigation from another page, not a hash change. */
export async function openLink(page: Page, hash: string): Promise<Response | null> {
  await page.goto('about:blank');
  return page.goto(`/${hash}`);
}

/** The page still works: the good workflow, put in the editor, draws and runs to its result. */
export async function expectUsable(page: Page): Promise<void> {
  await setCode(page, GOOD_WORKFLOW);
  await expect(page.locator('.react-flow__node[data-id="step:start"]')).toBeVisible({ timeout: 15_000 });
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-result')).toHaveText('page still works', { timeout: 15_000 });
}

/**
 * Opens the fork editor on a run that has ended, picks the event whose option reads `event` (such as
 * `StepTwoEvent #2`) and gives it `fields` (JSON). Call `submit` (the default) to start the fork.
 */
export async function forkEvent(page: Page, event: string, fields: string, options: { before?: (editor: Locator) => Promise<void>; submit?: boolean } = {}): Promise<Locator> {
  await page.getByTestId('fork-open').click();
  const editor = page.getByTestId('fork-editor');
  await editor.getByTestId('fork-what').selectOption('event');
  const option = editor.getByTestId('fork-event').locator('option', { hasText: event });
  await editor.getByTestId('fork-event').selectOption((await option.getAttribute('value'))!);
  await options.before?.(editor);
  await editor.getByTestId('fork-fields').fill(fields);
  if (options.submit !== false) await editor.getByTestId('fork-run').click();
  return editor;
}
