/**
 * Screenshots of the playground at 1280x800 for the README: `node --import tsx scripts/screenshots.ts`
 * builds the app (into dist-shots), serves it, drives it as a user would and writes PNGs to
 * docs/screenshots/. Look at them before committing.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { buildApp, serveApp } from '../tests/support/servedApp.ts';

const PORT = 4455;
const OUT_DIR = 'dist-shots';
const SHOTS = 'docs/screenshots';

async function open(page: Page, example?: string): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/${example ? `?example=${example}` : ''}`);
  await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
  await page.getByTestId('editor').locator('.cm-content').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(400);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  console.log(`${SHOTS}/${name}.png`);
}

async function main(): Promise<void> {
  buildApp(OUT_DIR);
  mkdirSync(SHOTS, { recursive: true });
  const app = await serveApp(OUT_DIR, PORT);
  const browser = app.browser;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
  } finally {
    await app.close();
  }
}

await main();
