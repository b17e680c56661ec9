import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Runs at 10x and waits until the run and its playback have finished. */
export async function runToEnd(page: Page, status = 'stopped'): Promise<void> {
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText(status, { timeout: 30_000 });
  const scrubber = page.getByTestId('scrubber');
  // Playback has caught up with the recording.
  await expect.poll(async () => (await scrubber.getAttribute('data-count')) === (await scrubber.getAttribute('data-total'))).toBe(true);
}

export function scrubberCount(page: Page): Promise<number> {
  return page.getByTestId('scrubber').getAttribute('data-count').then(Number);
}

/**
 * Moves the pointer along a lane of the timeline, as a user looking for a bar would, until the
 * tooltip names something matching `pattern`; returns where it was found.
 */
export async function hoverTimelineLane(page: Page, row: string, lane: number, pattern: RegExp): Promise<{ x: number; y: number; text: string }> {
  const label = page.locator(`.timeline-label[data-row="${row}"][data-lane="${lane}"]`);
  const labelBox = (await label.boundingBox())!;
  const canvasBox = (await page.locator('.timeline-canvas').boundingBox())!;
  const y = labelBox.y + labelBox.height / 2;
  for (let x = canvasBox.x + 2; x < canvasBox.x + canvasBox.width; x += 3) {
    await page.mouse.move(x, y);
    const text = await page.evaluate(() => document.querySelector('[data-testid="timeline-tooltip"]')?.textContent ?? '');
    if (pattern.test(text)) return { x, y, text };
  }
  throw new Error(`nothing matching ${pattern} along ${row} lane ${lane}`);
}

/** The text of an event node's counter. */
export function eventCount(node: Locator): Promise<number> {
  return node.getAttribute('data-count').then(Number);
}
