/**
 * The production build served on localhost with Chromium started, for benchmarks and scripts that
 * drive the page outside the Playwright test runner (which has its own webServer).
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

/** Builds the app into `outDir`, unless the command line says `--no-build` (reuse the last build). */
export function buildApp(outDir: string): void {
  if (process.argv.includes('--no-build')) return;
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export interface ServedApp {
  browser: Browser;
  baseUrl: string;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** Serves `outDir` on `port` and starts Chromium; call `close()` in a `finally`. */
export async function serveApp(outDir: string, port: number): Promise<ServedApp> {
  const server = await preview({ build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
