/**
 * Scrubbing a recorded 100,000-event run in Chromium on the production build: how long after a move
 * of the scrubber the page shows the new moment (graph, counters, tokens, and the dock's open tab).
 * Bars: median within 16 ms and worst within 50 ms, forward and backward alike.
 *
 * A move is the range input's `input` event, sent at the start of an animation frame as Chromium
 * delivers a drag's pointer moves. It is timed from the start of that frame to the end of the
 * rendering (style, layout, paint) of the first frame in which the scrubber, the graph's counters and
 * the timeline's cursor all show it: a move drawn in its own frame within 16 ms keeps up with the
 * pointer at 60 fps. Each move also reports how many frames it took.
 *
 * The same moves are made with each dock tab of `--tabs` open in turn (default: the console, the
 * timeline, then the inspector), on one recording of the run.
 *
 * Run with `node --import tsx bench/scrub.ts [--events 10000] [--port 4421] [--out dist-scrub] [--tabs console,timeline,inspector]`
 * (add `--no-build` to reuse the last build).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildApp, serveApp } from '../tests/support/servedApp.ts';
import { LARGE_BROWSER_BENCH_EVENTS, browserBenchSource } from './browserWorkload.ts';
import { openTab, scrubBars, scrubMoves } from './scrubMoves.ts';
import type { Move } from './scrubMoves.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const EVENTS = Number(arg('events', String(LARGE_BROWSER_BENCH_EVENTS)));
const PORT = Number(arg('port', '4421'));
const OUT_DIR = arg('out', 'dist-scrub');

async function main(): Promise<void> {
  buildApp(OUT_DIR);
  const app = await serveApp(OUT_DIR, PORT);
  const browser = app.browser;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('editor').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(browserBenchSource(EVENTS));
    await page.locator('.react-flow__node[data-id="step:gather"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('run-speed').selectOption('10');
    await page.getByTestId('run-button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'stopped', null, { timeout: 600_000 });
    await page.getByTestId('replay-end').click();
    const results: { tab: string; openMs: number; moves: Move[] }[] = [];
    for (const tab of arg('tabs', 'console,timeline,inspector').split(',')) {
      const openMs = await openTab(page, tab);
      results.push({ tab, openMs, moves: await scrubMoves(page) });
    }
    const total = Number(await page.getByTestId('scrubber').getAttribute('data-total'));
    report(results, total, errors, loadavg());
  } finally {
    await app.close();
  }
}

function report(results: { tab: string; openMs: number; moves: Move[] }[], total: number, errors: string[], load: number[]): void {
  console.log(`load average ${load.map((l) => l.toFixed(1)).join(' / ')} (1, 5, 15 min) at the end`);
  for (const { tab, openMs, moves } of results) {
    console.log(`- ${tab} tab: opened over the recorded run in ${openMs.toFixed(0)} ms (reported)`);
    for (const l of scrubBars(tab, moves, EVENTS, total)) console.log(`- **${l.ok ? 'PASS' : 'MISS'}** ${l.name}: ${l.value} (bar ${l.bar})`);
  }
  if (errors.length > 0) console.log(`FAIL page errors: ${errors.join('; ')}`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/scrub.json', `${JSON.stringify({ events: EVENTS, total, results, errors, load, at: new Date().toISOString() }, null, 2)}\n`);
  if (errors.length > 0) process.exitCode = 1;
}

await main();
