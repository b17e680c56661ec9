import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, openPlayground, test } from './fixtures.ts';
import { runToEnd } from './inspectHelpers.ts';

const run = promisify(execFile);

/** The console as the page shows it, one line per entry: time, step, text. */
async function pageConsole(page: Page): Promise<string[]> {
  return page.locator('.console-line').evaluateAll((lines) =>
    lines.map((line) => [...line.querySelectorAll('span')].map((span) => span.textContent).join(' ')),
  );
}

test.describe('download project', () => {
  for (const [example, seed] of [
    ['map-reduce', 11],
    ['retrieval', 4],
  ] as const) {
    test(`${example}: the unzipped project, run with node, prints what the page's console showed (seed ${seed})`, async ({ page }) => {
      await openPlayground(page, example);
      await page.getByTestId('run-seed').fill(String(seed));
      await runToEnd(page);
      const shown = await pageConsole(page);
      const result = await page.getByTestId('run-result').locator('.result-value').textContent();
      expect(shown.length).toBeGreaterThan(0);

      await page.getByTestId('export-button').click();
      const downloading = page.waitForEvent('download');
      await page.getByTestId('export-project').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.zip$/);

      const dir = mkdtempSync(join(tmpdir(), 'flowplay-download-'));
      try {
        for (const [path, bytes] of Object.entries(unzipSync(readFileSync((await download.path())!)))) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), bytes);
        }
        const folder = join(dir, download.suggestedFilename().replace(/\.zip$/, ''));
        expect(JSON.parse(readFileSync(join(folder, 'flowplay.json'), 'utf8'))).toMatchObject({ seed, clock: 'virtual' });
        // `npm start` is `node run.js`: no install needed.
        expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).scripts.start).toBe('node run.js');
        const { stdout } = await run(process.execPath, ['run.js'], { cwd: folder });
        expect(stdout.trimEnd()).toBe([...shown, `Result: ${result}`].join('\n'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
