import type { Page } from '@playwright/test';

/**
 * Puts a run file's text in the page as a File, so that choosing it later (CHOOSE_STAGED_FILE) costs
 * what a user's choice costs: no test driver moving megabytes into the page meanwhile.
 */
export async function stageFile(page: Page, text: string, name = 'big.run.json'): Promise<void> {
  await page.evaluate(
    ([t, n]) => {
      (window as unknown as { __stagedFile: File }).__stagedFile = new File([t], n, { type: 'application/json' });
    },
    [text, name] as const,
  );
}

/** Page-side source: hands the staged file to the "Load run…" input as the file picker does. */
export const CHOOSE_STAGED_FILE = `(() => {
  const input = document.querySelector('[data-testid="load-run-input"]');
  const files = new DataTransfer();
  files.items.add(window.__stagedFile);
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
})()`;

/** Chooses the staged file and waits until the page replays all `records` of it. */
export async function chooseStagedRun(page: Page, records: number): Promise<void> {
  await page.evaluate(CHOOSE_STAGED_FILE);
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="scrubber"]')?.getAttribute('data-total') === String(n) && document.querySelector('[data-testid="replaying-file"]') !== null,
    records,
    { timeout: 120_000, polling: 'raf' },
  );
}
