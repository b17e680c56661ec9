/**
 * Screenshots of the playground at 1280x800 for the README: `node --import tsx scripts/screenshots.ts`
 * builds the app (into dist-shots), serves it, drives it as a user would and writes PNGs to
 * docs/screenshots/. Look at them before committing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';

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
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  mkdirSync(SHOTS, { recursive: true });
  const server = await preview({ build: { outDir: OUT_DIR }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

await main();
