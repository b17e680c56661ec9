import { readFileSync } from 'node:fs';
import { expect, openPlayground, setCode, test } from './fixtures.ts';

const CODE = readFileSync('tests/fixtures/compiler/child-run.ts', 'utf8');

test('a workflow run inside a step is a child run: opened from the timeline or the inspector, with a way back', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, CODE);
  await expect(page.locator('.react-flow__node[data-id="Parent/step:delegate>calls:Child"]')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  await expect(page.getByTestId('run-result')).toHaveText('21');
  await expect(page.locator('.react-flow__node[data-id="Parent/step:delegate"]')).toHaveAttribute('data-state', 'done');

  // The timeline lists the child run; opening it shows the child's own run in its place.
  await page.getByTestId('dock-tab-timeline').click();
  const open = page.getByTestId('child-runs').getByTestId('child-run-open');
  await expect(open).toHaveCount(1);
  await expect(open).toContainText('Child');
  await expect(open).toContainText('stopped');
  await expect(open).toContainText('from delegate');
  await open.click();
  const shown = page.getByTestId('child-run-shown');
  await expect(shown).toContainText('Child run Child');
  await expect(shown).toContainText('started by delegate #');
  await expect(page.getByTestId('timeline').locator('.timeline-row-name', { hasText: 'work' })).toHaveCount(1);
  await expect(page.getByTestId('timeline').locator('.timeline-row-name', { hasText: 'delegate' })).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id="Child/step:work"]')).toHaveAttribute('data-state', 'done');
  await page.screenshot({ path: 'screenshots/child-run-open.png' });

  // Back to the parent: the invocation that started the child is selected, and links to it again.
  await page.getByTestId('child-run-back').click();
  await expect(shown).toHaveCount(0);
  await expect(page.getByTestId('timeline').locator('.timeline-row-name', { hasText: 'delegate' })).toHaveCount(1);
  await page.getByTestId('dock-tab-inspector').click();
  await expect(page.getByTestId('inspector-step')).toHaveText('delegate');
  const link = page.getByTestId('inspector-child-runs').getByTestId('child-run-open');
  await expect(link).toContainText('Child');
  await page.screenshot({ path: 'screenshots/child-run-inspector.png' });
  await link.click();
  await expect(page.getByTestId('child-run-shown')).toBeVisible();
  await expect(page.getByTestId('run-result')).toHaveText('20');
});
