/**
 * The production bundle against its budget, in Chromium:
 * - JavaScript and CSS the page loads before the first graph is on screen (gzip; goal under 400 KB),
 *   split into the page's own entry (script, static imports, CSS) and what else was fetched by then;
 * - the whole build's size;
 * - time to first graph and to the first completed run (median of a few cold loads);
 * - the same sizes and time to first graph for the embed view (embed.html), what a docs page's reader loads;
 * - how long Run takes to show the run's first records, for the first run and for the next ones
 *   (each run has a runner of its own, started while the page is idle; `again` clicks Run the moment
 *   the previous run has finished playing, `later` a second after).
 *
 * Run with `node --import tsx bench/budget.ts` (add `--no-build` to reuse the build folder).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request } from '@playwright/test';
import { encodeShare } from '../src/share/index.ts';
import { buildApp, serveApp } from '../tests/support/servedApp.ts';

const OUT_DIR = process.env.FLOWPLAY_OUT_DIR ?? 'dist-budget';
const PORT = Number(process.env.FLOWPLAY_BUDGET_PORT ?? 4319);
// Cold loads per measurement; more of them steady a comparison on a busy machine.
const LOADS = Number(process.env.FLOWPLAY_BUDGET_LOADS ?? 3);
const GOAL_KB = 400;

interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

function sizeOf(path: string): FileSize {
  const bytes = readFileSync(join(OUT_DIR, path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [relative(OUT_DIR, path)];
  });
}

/** A page's entry: its script, the modules it preloads (its static imports) and its stylesheets. */
function entryFiles(page = 'index.html'): string[] {
  const html = readFileSync(join(OUT_DIR, page), 'utf8');
  // The build's URLs are relative (`./assets/…`): paths here are relative to the build folder.
  const refs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*href)="(?:\.?\/)?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [...new Set(refs)];
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const sum = (files: FileSize[], key: 'raw' | 'gzip') => files.reduce((total, f) => total + f[key], 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Load {
  firstGraphMs: number;
  firstRunMs: number;
  /** From the Run click to the first records on the page: first run, again at once, and a second later. */
  runStartMs?: { first: number; again: number; later: number };
  /** Paths of JS/CSS fetched from the build before the first graph showed. */
  fetchedBeforeGraph: string[];
}

/** The embed view of the default example (its graph ships with the page, as on the playground). */
function embedPath(): string {
  const code = readFileSync('src/examples/concurrency/parallel.ts', 'utf8');
  return `embed.html${encodeShare({ code })}`;
}

async function measureLoads(path = '', run = true): Promise<Load[]> {
  const app = await serveApp(OUT_DIR, PORT);
  const browser = app.browser;
  const loads: Load[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // No step of a measurement may wait forever: a missing element fails the run with a message.
      page.setDefaultTimeout(60_000);
      const fetched: { path: string; request: Request }[] = [];
      // Workers' and frames' requests too: everything the browser fetched, and when it asked for it.
      context.on('request', (request) => {
        const path = new URL(request.url()).pathname.replace(/^\//, '');
        if (/\.(js|css)$/.test(path)) fetched.push({ path, request });
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __firstGraph: number | null };
        w.__firstGraph = null;
        new MutationObserver((_, observer) => {
          if (document.querySelector('.react-flow__node')) {
            w.__firstGraph = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`http://127.0.0.1:${PORT}/${path}`);
      await page.waitForFunction(() => (window as unknown as { __firstGraph: number | null }).__firstGraph !== null, null, { timeout: 30_000 });
      const firstGraphMs = await page.evaluate(() => (window as unknown as { __firstGraph: number }).__firstGraph);
      // Wall-clock time of the first graph, to compare with the requests' own start times.
      const graphAt = await page.evaluate(() => performance.timeOrigin + (window as unknown as { __firstGraph: number }).__firstGraph);
      // The page's own resource timing where it has the file (its clock is the graph's); the
      // browser's network timing, whose clock can be tens of milliseconds off the page's, for
      // what only a frame or a worker fetched.
      const fetchedBeforeGraph = async () => {
        // Timings are known once the requests have ended: a file still loading has none yet.
        await page.waitForLoadState('networkidle').catch(() => undefined);
        const inPage = new Map(
          (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname.replace(/^\//, ''), e.startTime] as const))) as [string, number][],
        );
        const before = (f: { path: string; request: Request }) => {
          const start = inPage.get(f.path);
          return start !== undefined ? start <= firstGraphMs : f.request.timing().startTime <= graphAt;
        };
        return [...new Set(fetched.filter(before).map((f) => f.path))];
      };
      if (!run) {
        loads.push({ firstGraphMs, firstRunMs: Number.NaN, fetchedBeforeGraph: await fetchedBeforeGraph() });
        await context.close();
        continue;
      }
      await page.getByTestId('run-speed').selectOption('10');
      const first = await timeRunStart(page);
      console.error(`load ${i + 1}/${LOADS}: Run to first records ${Math.round(first)} ms`);
      await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'stopped', null, { timeout: 60_000 });
      const firstRunMs = await page.evaluate(() => performance.now());
      const again = await timeRunStart(page);
      await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'stopped', null, { timeout: 60_000 });
      await page.waitForTimeout(1_000);
      const later = await timeRunStart(page);
      await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'stopped', null, { timeout: 60_000 });
      loads.push({ firstGraphMs, firstRunMs, runStartMs: { first, again, later }, fetchedBeforeGraph: await fetchedBeforeGraph() });
      await context.close();
    }
  } finally {
    await app.close();
  }
  return loads;
}

/**
 * In-page code that arms a timer for the next click on Run: it resolves with the milliseconds from the
 * click until the scrubber counts the run's first records. Written as text because tsx compiles this
 * file with esbuild's keepNames, which wraps named inner functions in a `__name` helper that does not
 * exist in the page: passed as a function, the click handler threw there and the timing never settled.
 * The listener sits on the document, not the button, since React may replace the button before the click.
 */
const ARM_RUN_START_TIMER = `
  window.__runStart = new Promise((resolve, reject) => {
    const onClick = (event) => {
      if (!event.target?.closest?.('[data-testid="run-button"]')) return;
      document.removeEventListener('click', onClick, true);
      const clicked = performance.now();
      const poll = () => {
        const total = Number(document.querySelector('[data-testid="scrubber"]')?.getAttribute('data-total') ?? 0);
        const running = document.querySelector('[data-testid="run-status"]')?.textContent === 'running';
        if (running && total > 0) resolve(performance.now() - clicked);
        else if (performance.now() - clicked > 30000) reject(new Error('the run showed no records within 30 s'));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    };
    document.addEventListener('click', onClick, true);
  });
  undefined; // evaluate() would await the promise the assignment yields: the click comes after
`;

/** Clicks Run and times, in the page, how long until the scrubber counts the run's first records. */
async function timeRunStart(page: import('@playwright/test').Page): Promise<number> {
  await page.evaluate(ARM_RUN_START_TIMER);
  await page.getByTestId('run-button').click();
  return page.evaluate('window.__runStart') as Promise<number>;
}

async function main(): Promise<void> {
  buildApp(OUT_DIR);
  const entry = entryFiles().map(sizeOf);
  const total = allFiles(OUT_DIR).map(sizeOf);
  const loads = await measureLoads();
  const runStarts = loads.flatMap((l) => (l.runStartMs ? [l.runStartMs] : []));
  const before = [...new Set(loads.flatMap((l) => l.fetchedBeforeGraph))].filter((p) => !entry.some((e) => e.path === p)).map(sizeOf);
  const figures = {
    entry: { files: entry, rawKB: kb(sum(entry, 'raw')), gzipKB: kb(sum(entry, 'gzip')) },
    alsoFetchedBeforeFirstGraph: { files: before, rawKB: kb(sum(before, 'raw')), gzipKB: kb(sum(before, 'gzip')) },
    total: { files: total.length, rawKB: kb(sum(total, 'raw')), gzipKB: kb(sum(total, 'gzip')) },
    firstGraphMs: Math.round(median(loads.map((l) => l.firstGraphMs))),
    firstRunMs: Math.round(median(loads.map((l) => l.firstRunMs))),
    runStartMs: {
      first: Math.round(median(runStarts.map((r) => r.first))),
      again: Math.round(median(runStarts.map((r) => r.again))),
      later: Math.round(median(runStarts.map((r) => r.later))),
    },
    loads: loads.map((l) => ({ firstGraphMs: Math.round(l.firstGraphMs), firstRunMs: Math.round(l.firstRunMs), runStartMs: l.runStartMs })),
  };
  const beforeGraph = figures.entry.gzipKB + figures.alsoFetchedBeforeFirstGraph.gzipKB;
  const rows: [string, string][] = [
    ['entry JS + CSS (gzip)', `${figures.entry.gzipKB} KB (${figures.entry.rawKB} KB raw, ${entry.length} files)`],
    ['other JS fetched before the first graph (gzip)', `${figures.alsoFetchedBeforeFirstGraph.gzipKB} KB: ${before.map((f) => `${f.path} ${kb(f.gzip)} KB`).join(', ') || 'none'}`],
    [`all JS + CSS before the first graph (gzip; goal < ${GOAL_KB} KB)`, `${Math.round(beforeGraph * 10) / 10} KB ${beforeGraph < GOAL_KB ? 'ok' : 'OVER'}`],
    ['whole build', `${figures.total.gzipKB} KB gzip, ${figures.total.rawKB} KB raw, ${figures.total.files} files`],
    ['time to first graph (median)', `${figures.firstGraphMs} ms  (${figures.loads.map((l) => l.firstGraphMs).join(', ')})`],
    ['time to first completed run at 10x (median, from navigation)', `${figures.firstRunMs} ms  (${figures.loads.map((l) => l.firstRunMs).join(', ')})`],
    ['Run to first records: first run / again at once / a second later (median)', `${figures.runStartMs.first} / ${figures.runStartMs.again} / ${figures.runStartMs.later} ms`],
  ];
  // The embed view (embed.html#v1.…), reported beside the page: what a docs page's reader downloads.
  const embedEntry = entryFiles('embed.html').map(sizeOf);
  const embedLoads = await measureLoads(embedPath(), false);
  const embedBefore = [...new Set(embedLoads.flatMap((l) => l.fetchedBeforeGraph))].filter((p) => !embedEntry.some((e) => e.path === p)).map(sizeOf);
  const embed = {
    entry: { files: embedEntry, rawKB: kb(sum(embedEntry, 'raw')), gzipKB: kb(sum(embedEntry, 'gzip')) },
    alsoFetchedBeforeFirstGraph: { files: embedBefore, rawKB: kb(sum(embedBefore, 'raw')), gzipKB: kb(sum(embedBefore, 'gzip')) },
    element: sizeOf('flowplay-embed.js'),
    firstGraphMs: Math.round(median(embedLoads.map((l) => l.firstGraphMs))),
  };
  rows.push(
    ['embed: entry JS + CSS (gzip)', `${embed.entry.gzipKB} KB (${embed.entry.rawKB} KB raw, ${embedEntry.length} files)`],
    ['embed: other JS fetched before its first graph (gzip)', `${embed.alsoFetchedBeforeFirstGraph.gzipKB} KB: ${embedBefore.map((f) => `${f.path} ${kb(f.gzip)} KB`).join(', ') || 'none'}`],
    [`embed: all JS + CSS before its first graph (gzip; goal < ${GOAL_KB} KB)`, `${Math.round((embed.entry.gzipKB + embed.alsoFetchedBeforeFirstGraph.gzipKB) * 10) / 10} KB ${embed.entry.gzipKB + embed.alsoFetchedBeforeFirstGraph.gzipKB < GOAL_KB ? 'ok' : 'OVER'}`],
    ['embed: flowplay-embed.js, the host page\'s script (gzip)', `${kb(embed.element.gzip)} KB (${kb(embed.element.raw)} KB raw)`],
    ['embed: time to first graph (median)', `${embed.firstGraphMs} ms  (${embedLoads.map((l) => Math.round(l.firstGraphMs)).join(', ')})`],
  );
  for (const [name, value] of rows) console.log(`${name.padEnd(64)} ${value}`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/budget.json', `${JSON.stringify({ ...figures, embed, at: new Date().toISOString() }, null, 2)}\n`);
}

await main();
