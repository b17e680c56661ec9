/**
 * Screenshots of the playground for the README and docs/screenshots:
 * `node --import tsx scripts/screenshots.ts [--port N] [--out-dir DIR] [--no-build] [--layout-only]`
 * builds the app (into dist-shots), serves it on the port (4455 unless told), drives it as a user
 * would and writes PNGs to docs/screenshots/: the runs at 1280x800, and the page's layout at 1280x800
 * with and without the tutorial, at 900x700 and in dark mode. Look at them before committing.
 */
import { mkdirSync } from 'node:fs';
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

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
  console.log(`${SHOTS}/${name}.png`);
}

async function main(): Promise<void> {
  buildApp(OUT_DIR);
  mkdirSync(SHOTS, { recursive: true });
  const app = await serveApp(OUT_DIR, PORT);
  const browser = app.browser;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    if (!process.argv.includes('--layout-only')) await runShots(page);
    await layoutShots(page);
  } finally {
    await app.close();
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
    await open(page, undefined, '#chapter/branches-and-loops');
    await shoot(page, 'layout-1280x800-tutorial');
    const small = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await open(small, 'branches-and-loops');
    // The whole page: the panes stack and it scrolls down, never sideways.
    await shoot(small, 'layout-900x700', true);
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

await main();
