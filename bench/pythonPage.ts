/**
 * Python mode's budgets, measured in Chromium against the production build:
 * - a TypeScript-only visit (load, run the default example, stay idle) requests nothing of Python;
 * - the first Python run on a cold page: a fresh browser context opens `/?example=parallel&lang=python`
 *   and presses Run the moment the graph is drawn; from the click until the engine has finished the
 *   run (virtual clock: the run is worked out first, then played); Python starts from the snapshot
 *   the build ships (`pyodide/startup-<key>.snapshot.gz`). Goal: 2 s.
 * - the first run on that page reopened (the same link, in the same browser profile): Python starts from the
 *   snapshot the page kept in IndexedDB, else again from the shipped one. Same goal.
 * - later runs of the concurrency chapter's four programs on that page, each pasted in, Run pressed a
 *   moment after the previous run's playback ended; click to engine finished. Goal: 100 ms.
 * - the graph of a pasted 200-line Python file: from the paste until its last step is drawn. Goal: 300 ms.
 *
 *   npm run bench:python-page [-- --no-build]
 *
 * FLOWPLAY_OUT_DIR (default dist-budget), FLOWPLAY_BUDGET_PORT (4319), FLOWPLAY_BUDGET_LOADS (cold
 * loads, 3) and FLOWPLAY_PAUSE_MS (idle time before each later run, 1000). Prints each figure with
 * PASS or MISS and the machine's load average, and writes bench/out/python-page.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { buildApp, serveApp } from '../tests/support/servedApp.ts';
import { pythonWorkflowSource } from './compiler.ts';

const OUT_DIR = process.env.FLOWPLAY_OUT_DIR ?? 'dist-budget';
const PORT = Number(process.env.FLOWPLAY_BUDGET_PORT ?? 4319);
const LOADS = Number(process.env.FLOWPLAY_BUDGET_LOADS ?? 3);
const PAUSE_MS = Number(process.env.FLOWPLAY_PAUSE_MS ?? 1_000);
const GOALS = { firstRunMs: 2_000, laterRunMs: 100, pastedGraphMs: 300 };
const PROGRAMS = ['parallel', 'collect', 'collect-different-types', 'map-reduce'] as const;
/** 16 stages of the compiler bench's Python chain: 200 lines, as the docs write them. */
const PASTED_STAGES = 16;

/** What only Python needs: Pyodide's files, the bundle that starts it in a runner, the runtime module. */
const PYTHON_REQUEST = /\/pyodide\/|python-starter|flowplay_runtime/;

const chapter = (name: string) => readFileSync(new URL(`../src/examples/concurrency/${name}.py`, import.meta.url), 'utf8');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const loadAverage = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/**
 * In-page code (text, not functions: tsx's keepNames would wrap named inner functions in a helper the
 * page lacks) that arms a timer for the next click on Run: `window.__run` resolves with the milliseconds
 * until the scrubber counts the run's first records and until the engine has finished the run.
 */
const ARM_RUN_TIMER = `
  window.__run = new Promise((resolve, reject) => {
    const onClick = (event) => {
      if (!event.target?.closest?.('[data-testid="run-button"]')) return;
      document.removeEventListener('click', onClick, true);
      const clicked = performance.now();
      let firstRecords = null;
      let sawRunning = false;
      const poll = () => {
        const now = performance.now();
        const total = Number(document.querySelector('[data-testid="scrubber"]')?.getAttribute('data-total') ?? 0);
        const engine = document.querySelector('[data-testid="engine-controls"]')?.getAttribute('data-engine');
        if (engine === 'running' || engine === 'paused') sawRunning = true;
        if (firstRecords === null && total > 0 && sawRunning) firstRecords = now - clicked;
        if (sawRunning && engine === 'done') {
          const status = document.querySelector('[data-testid="run-status"]')?.textContent;
          resolve({ firstRecordsMs: firstRecords ?? now - clicked, finishedMs: now - clicked, status });
        } else if (now - clicked > 120000) reject(new Error('the run did not finish within 120 s'));
        else setTimeout(poll, 2);
      };
      poll();
    };
    document.addEventListener('click', onClick, true);
  });
  undefined;
`;

interface RunTiming {
  firstRecordsMs: number;
  finishedMs: number;
  status: string;
}

async function timedRun(page: Page): Promise<RunTiming> {
  await page.evaluate(ARM_RUN_TIMER);
  await page.getByTestId('run-button').click();
  const timing = (await page.evaluate('window.__run')) as RunTiming;
  // Playback (at the fastest speed) must end before the next run: Run is the Stop button meanwhile.
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent !== 'running', null, { timeout: 120_000 });
  return { ...timing, status: (await page.getByTestId('run-status').textContent()) ?? '' };
}

/** Pastes `code` over the editor's text as a clipboard paste does, and notes the moment in the page. */
async function paste(page: Page, code: string): Promise<void> {
  await page.getByTestId('editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    (window as unknown as { __pastedAt: number }).__pastedAt = performance.now();
    document.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}

/** From the paste until the step `step` is drawn in the graph, measured in the page. */
async function pasteUntilDrawn(page: Page, code: string, step: string): Promise<number> {
  await page.evaluate(`
    window.__drawn = new Promise((resolve, reject) => {
      const id = ${JSON.stringify(`step:${step}`)};
      const start = performance.now();
      const poll = () => {
        if (document.querySelector('.react-flow__node[data-id="' + id + '"]')) resolve(performance.now() - window.__pastedAt);
        else if (performance.now() - start > 30000) reject(new Error(id + ' was not drawn within 30 s'));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    undefined;
  `);
  await paste(page, code);
  return page.evaluate('window.__drawn') as Promise<number>;
}

/** Every URL a context requests, its workers' and frames' included; the service worker's are marked. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(`${new URL(request.url()).pathname}${request.serviceWorker() ? ' (service worker)' : ''}`));
  return urls;
}

async function typescriptVisit(baseUrl: string, browser: import('@playwright/test').Browser): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const urls = recordRequests(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseUrl}/`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('run-speed').selectOption('10');
  await timedRun(page);
  // Idle time, when the page prepares the next runner and loads what it loads later.
  await page.waitForTimeout(3_000);
  await context.close();
  return [...new Set(urls.filter((url) => PYTHON_REQUEST.test(url.split(' ')[0]!)))];
}

/** The page's own measures (src/worker/runnerClient.ts): each runner's start, each run's wait for one. */
async function pageMeasures(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('flowplay:'))
      .map((m) => `${m.name.slice('flowplay:'.length)} ${Math.round(m.duration)}`),
  );
}

interface PythonLoad {
  first: RunTiming;
  /** The first run after reloading that page: Python starts from the snapshot the page kept, else the shipped one. */
  reopened?: RunTiming;
  later: Record<string, RunTiming[]>;
  pastedGraphMs: number[];
  /** The page's own measures: how long each runner took to start, how long each run waited for one. */
  measures?: string[];
}

async function pythonLoad(baseUrl: string, browser: import('@playwright/test').Browser, measureLater: boolean): Promise<PythonLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${baseUrl}/?example=parallel&lang=python`);
  await page.locator('.react-flow__node[data-id="step:step_two"]').waitFor();
  await page.getByTestId('run-speed').selectOption('10');
  const first = await timedRun(page);
  const out: PythonLoad = { first, later: {}, pastedGraphMs: [] };
  if (!measureLater) {
    out.measures = await pageMeasures(page);
    // The page keeps Python's start-up snapshot (IndexedDB): opened again, its first run starts from it.
    await page.waitForTimeout(PAUSE_MS);
    await page.goto(`${baseUrl}/?example=parallel&lang=python`);
    await page.locator('.react-flow__node[data-id="step:step_two"]').waitFor();
    await page.getByTestId('run-speed').selectOption('10');
    out.reopened = await timedRun(page);
    out.measures.push(...(await pageMeasures(page)).map((m) => `reopened ${m}`));
    await context.close();
    return out;
  }
  for (let round = 0; round < 3; round++) {
    for (const name of PROGRAMS) {
      await paste(page, chapter(name));
      await page.waitForTimeout(PAUSE_MS);
      (out.later[name] ??= []).push(await timedRun(page));
    }
  }
  for (let i = 0; i < 5; i++) {
    await pasteUntilDrawn(page, chapter('collect'), 'step_three');
    await page.waitForTimeout(300);
    out.pastedGraphMs.push(await pasteUntilDrawn(page, pythonWorkflowSource(PASTED_STAGES, i), `stage_${PASTED_STAGES - 1}`));
    await page.waitForTimeout(300);
  }
  out.measures = await pageMeasures(page);
  await context.close();
  return out;
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  buildApp(OUT_DIR);
  const loadBefore = loadAverage();
  const app = await serveApp(OUT_DIR, PORT);
  let tsRequests: string[];
  const loads: PythonLoad[] = [];
  try {
    tsRequests = await typescriptVisit(app.baseUrl, app.browser);
    for (let i = 0; i < LOADS; i++) {
      loads.push(await pythonLoad(app.baseUrl, app.browser, i === 0));
      console.error(`cold load ${i + 1}/${LOADS}: first Python run ${Math.round(loads[i]!.first.finishedMs)} ms`);
    }
  } finally {
    await app.close();
  }
  const loadAfter = loadAverage();
  const failed = loads.flatMap((l) => [l.first, ...Object.values(l.later).flat()]).filter((r) => r.status !== 'stopped');
  const firsts = loads.map((l) => l.first.finishedMs);
  const reopened = loads.flatMap((l) => (l.reopened ? [l.reopened.finishedMs] : []));
  const later = Object.fromEntries(Object.entries(loads[0]!.later).map(([name, runs]) => [name, runs.map((r) => r.finishedMs)]));
  const laterAll = Object.values(later).flat();
  const pasted = loads[0]!.pastedGraphMs;
  const lines = pythonWorkflowSource(PASTED_STAGES, 0).split('\n').length;
  const rows: [string, boolean, string][] = [
    ['TypeScript-only visit requests nothing of Python', tsRequests.length === 0, tsRequests.length ? tsRequests.join(', ') : 'no Python file requested'],
    [
      `first Python run on a cold page, Run to engine finished (goal ${GOALS.firstRunMs} ms)`,
      median(firsts) <= GOALS.firstRunMs,
      `median ${Math.round(median(firsts))} ms (${firsts.map(Math.round).join(', ')}); first records ${loads.map((l) => Math.round(l.first.firstRecordsMs)).join(', ')} ms`,
    ],
    [
      `first Python run on a reopened page, Python from a snapshot, kept or shipped (goal ${GOALS.firstRunMs} ms)`,
      reopened.length > 0 && median(reopened) <= GOALS.firstRunMs,
      reopened.length ? `median ${Math.round(median(reopened))} ms (${reopened.map(Math.round).join(', ')}); ${(median(firsts) / median(reopened)).toFixed(1)}x faster than the cold page in the same run` : 'not measured (one load only)',
    ],
    [
      `later runs of the four programs (goal ${GOALS.laterRunMs} ms)`,
      median(laterAll) <= GOALS.laterRunMs,
      `median ${Math.round(median(laterAll))} ms, max ${Math.round(Math.max(...laterAll))} ms; ${Object.entries(later).map(([n, t]) => `${n} ${t.map(Math.round).join('/')}`).join(', ')}`,
    ],
    [
      `graph of a pasted ${lines}-line file (goal ${GOALS.pastedGraphMs} ms)`,
      median(pasted) <= GOALS.pastedGraphMs,
      `median ${Math.round(median(pasted))} ms (${pasted.map(Math.round).join(', ')})`,
    ],
  ];
  for (const [i, load] of loads.entries()) console.log(`load ${i + 1}: ${load.measures?.join(', ')}`);
  for (const [name, ok, figure] of rows) console.log(`${verdict(ok)}  ${name}: ${figure}`);
  if (failed.length) console.log(`MISS  runs that did not stop normally: ${failed.map((r) => r.status).join(', ')}`);
  console.log(`load average before: ${loadBefore}\nload average after:  ${loadAfter}`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/python-page.json', `${JSON.stringify({ rows, loads, tsRequests, loadBefore, loadAfter }, null, 2)}\n`);
  if (failed.length || rows.some(([, ok]) => !ok)) process.exitCode = 1;
}

await main();
