import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.ts';

// Several people may run the suite on one machine at once: each can pick a port and a build folder.
const PORT = Number(process.env.FLOWPLAY_E2E_PORT ?? 4317);
const OUT_DIR = process.env.FLOWPLAY_OUT_DIR ?? 'dist';
const REPORT = process.env.FLOWPLAY_E2E_REPORT ?? 'reports/e2e.json';

/** End-to-end tests against the production build (`vite build` + `vite preview`) in Chromium. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The machines running this are small and shared: one browser at a time.
  workers: 1,
  fullyParallel: false,
  // In CI a failed test runs once more: on a small shared machine a test can lose a race with the
  // machine, not with the page. The report names such a test "flaky" (and `npm test` says how many),
  // so it is seen rather than hidden; a test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: REPORT }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    // The app's service worker would cache the build in every test and answer requests before
    // page.route sees them; the offline tests allow it for themselves.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
