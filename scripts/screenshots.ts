/**
 * Screenshots of the playground for the README and docs/screenshots:
 * `node --import tsx scripts/screenshots.ts [--port N] [--out-dir DIR] [--no-build] [--layout-only]`
 * builds the app (into dist-shots), serves it on the port (4455 unless told), drives it as a user
 * would and writes PNGs to docs/screenshots/: the runs at 1280x800, and the page's layout at 1280x800
 * with and without the tutorial, at 900x700 and in dark mode. Look at them before committing.
 * `--python-only` takes just the Python shots (the concurrency chapter's Python running, light and dark).
 * `--time-travel-only` takes just the time-travel shots (two seeds compared, light and dark; the runs as a tree).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { buildApp, serveApp } from '../tests/support/servedApp.ts';

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const PORT = Number(option('--port') ?? 4455);
const OUT_DIR = option('--out-dir') ?? 'dist-shots';
const SHOTS = 'docs/screenshots';

async function open(page: Page, example?: string, hash = ''): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/${example ? `?example=${example}` : ''}${hash}`);
  await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="graph"][data-layout="ready"]').waitFor({ timeout: 20_000 });
  await page.getByTestId('editor').locator('.cm-content').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(400);
}

/**
 * Waits until every graph's viewport has kept its transform for a quarter of a second (at most 3 s):
 * a run that adds a node (a person, a child run) re-fits the graph with an animation, and a fixed wait
 * could catch it halfway.
 */
async function graphSettled(page: Page): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    const read = () => [...document.querySelectorAll('.react-flow__viewport')].map((v) => v.style.transform).join('|');
    const start = performance.now();
    let last = read();
    let since = start;
    const tick = (now) => {
      const current = read();
      if (current !== last) { last = current; since = now; }
      if (now - since >= 250 || now - start >= 3000) resolve(undefined);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await graphSettled(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
  console.log(`${SHOTS}/${name}.png`);
}

async function main(): Promise<void> {
  buildApp(OUT_DIR);
  mkdirSync(SHOTS, { recursive: true });
  const app = await serveApp(OUT_DIR, PORT);
  const browser = app.browser;
  try {
    if (process.argv.includes('--python-only')) {
      await pythonShots(browser);
      return;
    }
    if (process.argv.includes('--time-travel-only')) {
      await timeTravelShots(browser);
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    if (!process.argv.includes('--layout-only')) {
      await runShots(page);
      await humanAndChildShots(page);
    }
    await layoutShots(page);
  } finally {
    await app.close();
  }
}

/**
 * The concurrency chapter's Python at 1280x800, light and dark: step_two running three queries at
 * once. Python starts in the runner first (seconds, more on a busy machine), hence the long waits.
 */
async function pythonShots(browser: import('@playwright/test').Browser): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(`http://127.0.0.1:${PORT}/?example=parallel&lang=python`);
    await page.locator('.react-flow__node[data-id="step:step_two"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="graph"][data-layout="ready"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('run-speed').selectOption('1');
    await page.getByTestId('run-button').click();
    await page.locator('[data-id="step:step_two"][data-running="3"]').waitFor({ timeout: 180_000 });
    await page.waitForTimeout(1_200);
    await shoot(page, scheme === 'light' ? 'python-parallel-running' : 'python-parallel-running-dark');
    await page.close();
  }
}

async function runShots(page: Page): Promise<void> {
    await open(page);
    await shoot(page, '01-parallel-idle');

    await page.getByTestId('run-button').click();
    await page.locator('[data-id="step:stepTwo"][data-running="3"]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    await shoot(page, '03-parallel-running');
    await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await shoot(page, '04-parallel-stopped');

    await open(page, 'collect');
    await page.getByTestId('run-button').click();
    await page.locator('[data-id="step:stepThree"][data-collected*="2/3"]').waitFor({ timeout: 30_000 });
    await shoot(page, '05-collect-two-of-three');

    await open(page, 'different-types');
    await page.getByTestId('run-button').click();
    await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await shoot(page, '06-different-types-stopped');

}

async function layoutShots(page: Page): Promise<void> {
    const browser = page.context().browser()!;
    // The layout: a loop routed around the nodes, the tutorial above the editor, stacked on a small
    // screen, and the dark theme.
    await open(page, 'agent-loop');
    await shoot(page, 'layout-1280x800');
    // A chapter beside its own example.
    await open(page, 'branches-and-loops', '#chapter/branches-and-loops');
    await shoot(page, 'layout-1280x800-tutorial');
    await tutorialShots(page);
    const small = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await open(small, 'branches-and-loops');
    // The whole page: the panes stack and it scrolls down, never sideways.
    await shoot(small, 'layout-900x700', true);
    await open(small, 'branches-and-loops', '#chapter/branches-and-loops');
    await shoot(small, 'layout-900x700-tutorial');
    await small.close();
    const dark = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await open(dark, 'map-reduce');
    await dark.getByTestId('run-speed').selectOption('10');
    await dark.getByTestId('run-button').click();
    await dark.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
    await dark.getByTestId('dock-tab-timeline').click();
    await dark.waitForTimeout(600);
    await shoot(dark, 'layout-1280x800-dark');
    await dark.close();
}

/** An exercise passed, the Input box taking over a run() call's values, an event node's list. */
async function tutorialShots(page: Page): Promise<void> {
  await open(page, 'branches-and-loops', '#chapter/branches-and-loops');
  const exercise = page.locator('[data-exercise="branches-and-loops/three-rounds"]');
  await exercise.getByTestId('start-exercise').click();
  await exercise.getByTestId('show-solution').click();
  await exercise.getByRole('button', { name: 'Load the solution into the editor' }).click();
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await exercise.locator('[data-testid="exercise-result"][data-passed="true"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(400);
  await shoot(page, '10-tutorial-exercise-passed');

  await open(page, 'first-workflow');
  await page.getByTestId('move-input').click();
  await page.getByTestId('run-input').fill('{ "name": "Grace" }');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(400);
  await shoot(page, 'input-box-takes-over');

  await open(page, 'collect');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(600);
  await page.locator('.react-flow__node[data-id="event:StepThreeEvent"]').click();
  await page.getByTestId('event-type-list').waitFor();
  await shoot(page, 'inspect-event-type-list');
}

/** Replaces the editor's text as a paste would, and waits for its graph. */
async function paste(page: Page, code: string): Promise<void> {
  await page.getByTestId('editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.waitForTimeout(1500);
  await page.locator('[data-testid="graph"][data-layout="ready"]').waitFor({ timeout: 20_000 });
}



/** The person in the graph, a waitForEvent re-run in the timeline and inspector, and a child run. */
async function humanAndChildShots(page: Page): Promise<void> {
  await open(page, 'human-in-the-loop');
  await page.getByTestId('run-button').click();
  await page.locator('[data-id="external_step"][data-waiting="true"]').waitFor({ timeout: 20_000 });
  await shoot(page, 'external-step-waiting');

  await paste(page, readFileSync('tests/fixtures/compiler/wait-and-rerun.ts', 'utf8'));
  await page.getByTestId('run-button').click();
  await page.getByTestId('human-answer').fill('Ada');
  await page.getByTestId('human-answer').press('Enter');
  await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('dock-tab-timeline').click();
  await page.waitForTimeout(500);
  await shoot(page, 'waitforevent-rerun-timeline');
  await page.getByTestId('dock-tab-console').click();
  await page.locator('.console-line', { hasText: 'before the wait' }).first().click();
  await page.getByTestId('inspector-rerun').waitFor({ timeout: 10_000 });
  await shoot(page, 'waitforevent-rerun-inspector');

  await paste(page, readFileSync('tests/fixtures/compiler/child-run.ts', 'utf8'));
  await page.getByTestId('run-button').click();
  await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('dock-tab-timeline').click();
  await page.getByTestId('child-runs').getByTestId('child-run-open').click();
  await page.getByTestId('child-run-shown').waitFor();
  await page.waitForTimeout(500);
  await shoot(page, 'child-run-open');
  await page.getByTestId('child-run-back').click();
  await page.getByTestId('dock-tab-inspector').click();
  await page.getByTestId('inspector-child-runs').waitFor();
  await shoot(page, 'child-run-inspector');
}

await main();

/**
 * Time travel at 1280x800: two seeds of the parallel example compared (light and dark), with the run
 * details pulled up to show the comparison; then a fork of the second run and the runs as a tree.
 */
async function timeTravelShots(browser: import('@playwright/test').Browser): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await open(page, 'parallel');
    const splitter = page.getByTestId('dock-splitter');
    await splitter.focus();
    for (let i = 0; i < 3; i++) await splitter.press('ArrowUp');
    await page.getByTestId('run-speed').selectOption('10');
    await page.getByTestId('run-seed').fill('1');
    await page.getByTestId('another-seed').click();
    await page.getByTestId('compare').waitFor({ timeout: 30_000 });
    await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(600);
    await shoot(page, scheme === 'light' ? 'compare-seeds' : 'compare-seeds-dark');
    if (scheme === 'light') {
      await page.getByTestId('fork-open').click();
      const editor = page.getByTestId('fork-editor');
      await editor.getByTestId('fork-what').selectOption('event');
      const second = editor.getByTestId('fork-event').locator('option', { hasText: 'StepTwoEvent #2' });
      await editor.getByTestId('fork-event').selectOption((await second.getAttribute('value'))!);
      await editor.getByTestId('fork-fields').fill('{ "query": "Query 9" }');
      await editor.getByTestId('fork-run').click();
      await page.getByTestId('replay-verdict').waitFor({ timeout: 30_000 });
      await page.getByTestId('run-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 30_000 });
      await page.getByText('Close the comparison').click();
      await page.waitForTimeout(600);
      await shoot(page, 'run-history');
    }
    await page.close();
  }
}
