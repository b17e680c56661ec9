/**
 * What the browser benchmark and the page profiler do alike: open the served page at the size the
 * bars are set for, put the workload's source in the editor, and record a run file of the workload.
 */
import type { Page } from '@playwright/test';
import { createRunFile, serializeRunFile } from '../src/inspect/index.ts';
import type { ServedApp } from '../tests/support/servedApp.ts';
import { runSource } from '../tests/unit/runSource.ts';
import { browserBenchSource } from './browserWorkload.ts';

/** The `--cpu-slowdown` option's value, read once for both commands: 1 or more, or it throws saying so. */
export function cpuSlowdownOf(text: string | undefined): number {
  const rate = Number(text ?? '1');
  if (!(rate >= 1)) throw new Error(`--cpu-slowdown wants a number of 1 or more, got ${text}`);
  return rate;
}

/** A page of the served app at 1280x800, page errors handed to `onError`; `init` runs before the page's first script. */
export async function openBenchPage(app: ServedApp, onError: (message: string) => void, init?: () => void, cpuSlowdown = 1): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => onError(error.message));
  if (init) await page.addInitScript(init);
  // Chromium's own CPU throttling (DevTools' "CPU slowdown"): the page runs as on a machine that many
  // times slower, from the first script on. The session stays open with the page, and so does the throttle.
  if (cpuSlowdown !== 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await page.goto(`${app.baseUrl}/`);
  return page;
}

/** Replaces the editor's text with `source` and waits for the workload's graph. */
export async function loadSource(page: Page, source: string): Promise<void> {
  await page.getByTestId('editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(source);
  await page.locator('.react-flow__node[data-id="step:gather"]').waitFor({ timeout: 30_000 });
}

/** A run file of the workload with `events` events, recorded in this process. */
export async function benchRunFile(events: number): Promise<{ text: string; records: number }> {
  const source = browserBenchSource(events);
  const run = await runSource(source);
  const text = serializeRunFile(createRunFile({ code: source, input: {}, seed: 0, graph: run.compiled.graph, trace: run.trace }));
  return { text, records: run.trace.length };
}
