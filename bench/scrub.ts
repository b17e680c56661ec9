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
import type { Page } from '@playwright/test';
import { buildApp, serveApp } from '../tests/support/servedApp.ts';
import { LARGE_BROWSER_BENCH_EVENTS, browserBenchSource } from './browserWorkload.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const EVENTS = Number(arg('events', String(LARGE_BROWSER_BENCH_EVENTS)));
const PORT = Number(arg('port', '4421'));
const OUT_DIR = arg('out', 'dist-scrub');
const MOVES = 60;

interface Move {
  /** From the start of the frame the move came in to the end of the rendering of the frame that shows it. */
  ms: number;
  /** The input event's own handling (the store update and React's render of it). */
  work: number;
  /** Frames it took: 1 when the move is drawn in the frame it came in. */
  frames: number;
  count: number;
  backward?: boolean;
}

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
    const results: { tab: string; moves: Move[] }[] = [];
    for (const tab of arg('tabs', 'console,timeline,inspector').split(',')) {
      await page.getByTestId(`dock-tab-${tab}`).click();
      results.push({ tab, moves: await scrub(page) });
    }
    const total = Number(await page.getByTestId('scrubber').getAttribute('data-total'));
    report(results, total, errors, loadavg());
  } finally {
    await app.close();
  }
}

/** The moves, each timed until the page shows it (see the top of this file). */
async function scrub(page: Page): Promise<Move[]> {
  const max = Number(await page.getByTestId('scrubber-range').getAttribute('max'));

  // Positions spread over the run in a fixed shuffled order: half of the moves go backwards, which
  // cost the most without checkpoints (the view was folded again from the start).
  const targets = Array.from({ length: MOVES }, (_, i) => Math.round(((i * 37) % MOVES) / MOVES * max) + 1);
  const moves: Move[] = [];
  for (const target of targets) {
    // Passed as source text: tsx would wrap named inner functions in a helper the page does not have.
    const move = (await page.evaluate(`new Promise((resolve) => {
      const range = document.querySelector('[data-testid="scrubber-range"]');
      const scrubber = document.querySelector('[data-testid="scrubber"]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const shown = () => {
        const timeline = document.querySelector('[data-testid="timeline"]');
        return scrubber.getAttribute('data-now') === String(${target}) &&
          (!timeline || timeline.getAttribute('data-cursor') === scrubber.getAttribute('data-count'));
      };
      // Once the frame's rendering is done: a message posted during the frame runs after it.
      const afterFrame = (then) => { const channel = new MessageChannel(); channel.port1.onmessage = then; channel.port2.postMessage(null); };
      requestAnimationFrame((frameStart) => {
        const t0 = performance.now();
        setter.call(range, String(${target}));
        range.dispatchEvent(new Event('input', { bubbles: true }));
        const work = performance.now() - t0;
        let frames = 1;
        const check = () => afterFrame(() => {
          if (shown()) resolve({ ms: performance.now() - frameStart, work, frames, count: Number(scrubber.getAttribute('data-count')) });
          else if (performance.now() - t0 > 5000) resolve({ ms: NaN, work, frames, count: -1 });
          else { frames++; requestAnimationFrame(check); }
        });
        check();
      });
    })`)) as Move;
    moves.push({ ...move, backward: moves.length > 0 && target < (targets[moves.length - 1] ?? 0) });
  }
  return moves;
}

function report(results: { tab: string; moves: Move[] }[], total: number, errors: string[], load: number[]): void {
  console.log(`load average ${load.map((l) => l.toFixed(1)).join(' / ')} (1, 5, 15 min) at the end`);
  for (const { tab, moves } of results) reportTab(tab, moves, total);
  if (errors.length > 0) console.log(`FAIL page errors: ${errors.join('; ')}`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/scrub.json', `${JSON.stringify({ events: EVENTS, total, results, errors, load, at: new Date().toISOString() }, null, 2)}\n`);
  if (errors.length > 0) process.exitCode = 1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function reportTab(tab: string, moves: Move[], total: number): void {
  const stats = (list: Move[]) => {
    const times = list.map((m) => m.ms).filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    return { median: at(0.5), worst: at(1), missed: list.length - times.length };
  };
  const all = stats(moves);
  const forward = stats(moves.filter((m) => !m.backward));
  const backward = stats(moves.filter((m) => m.backward));
  const distinct = new Set(moves.map((m) => m.count)).size;
  const lines = [
    { name: `${tab} tab open: moves of the scrubber over a ${EVENTS.toLocaleString('en')}-event run (${total.toLocaleString('en')} records)`, value: `${moves.length}, ${distinct} distinct cursors`, ok: all.missed === 0 && distinct > MOVES / 2, bar: 'every move shown' },
    { name: 'time to redraw, median (forward / backward)', value: `${all.median.toFixed(1)} ms (${forward.median.toFixed(1)} / ${backward.median.toFixed(1)})`, ok: forward.median <= 16 && backward.median <= 16, bar: '<= 16 ms both ways' },
    { name: 'moves drawn in the frame they came in', value: `${moves.filter((m) => m.frames === 1).length} of ${moves.length}; the input's own handling ${median(moves.map((m) => m.work)).toFixed(1)} ms median`, ok: true, bar: 'reported' },
    { name: 'time to redraw, worst (forward / backward)', value: `${all.worst.toFixed(1)} ms (${forward.worst.toFixed(1)} / ${backward.worst.toFixed(1)})`, ok: all.worst <= 50, bar: '<= 50 ms' },
  ];
  for (const l of lines) console.log(`- **${l.ok ? 'PASS' : 'MISS'}** ${l.name}: ${l.value} (bar ${l.bar})`);
}

await main();
