import { readFile } from 'node:fs/promises';
import { expect, openPlayground, setCode, test } from './fixtures.ts';

const node = (id: string) => `.react-flow__node[data-id="${id}"]`;
const edge = (source: string, target: string) => `.flow-edge[data-source="${source}"][data-target="${target}"]`;

test('the person who answers is drawn as external_step between the question and the answer, and says when the run waits', async ({ page }) => {
  await openPlayground(page, 'human-in-the-loop');
  const external = page.locator(node('external_step'));
  await expect(external).toBeVisible();
  await expect(external).toContainText('external_step');
  await expect(page.locator(edge('event:InputRequiredEvent', 'external_step'))).toHaveCount(1);
  await expect(page.locator(edge('external_step', 'event:HumanResponseEvent'))).toHaveCount(1);
  // Laid out with the rest: after the question, before the answer, clear of both.
  const [ask, person, answer] = await Promise.all(['event:InputRequiredEvent', 'external_step', 'event:HumanResponseEvent'].map((id) => page.locator(node(id)).boundingBox()));
  expect(person!.x).toBeGreaterThan(ask!.x + ask!.width);
  expect(answer!.x).toBeGreaterThan(person!.x + person!.width);
  await expect(external).toHaveAttribute('data-waiting', 'false');

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('human-input')).toBeVisible();
  await expect(external).toHaveAttribute('data-waiting', 'true');
  await expect(external).toContainText('waiting for you');
  await page.screenshot({ path: 'screenshots/external-step.png' });
  await page.getByTestId('human-answer').fill('Ada');
  await page.getByTestId('human-answer').press('Enter');
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  await expect(external).toHaveAttribute('data-waiting', 'false');

  await page.getByTestId('export-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const svg = await readFile((await (await downloading).path())!, 'utf8');
  expect(svg).toMatch(/<g data-id="external_step" data-kind="external">/);
  expect(svg).toContain('data-edge="event:InputRequiredEvent-&gt;external_step"');
});

test('a step that starts another workflow is joined to it by calls and returns connectors', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, `import { StartEvent, StopEvent, Workflow, step } from "flowplay";

class Child extends Workflow {
  @step() async work(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: 1 }); }
}

class Parent extends Workflow {
  @step() async delegate(ev: StartEvent): Promise<StopEvent> {
    const r = await new Child().run();
    return new StopEvent({ result: r });
  }
}
`);
  const calls = page.locator(node('Parent/step:delegate>calls:Child'));
  await expect(calls).toBeVisible({ timeout: 15_000 });
  await expect(calls).toHaveText('calls: Child');
  await expect(page.locator(node('Parent/step:delegate>returns:Child'))).toHaveText('returns: Child');
  await expect(page.locator(edge('Parent/step:delegate', 'Parent/step:delegate>calls:Child'))).toHaveCount(1);
  await expect(page.locator(edge('Parent/step:delegate>calls:Child', 'Child/event:StartEvent'))).toHaveCount(1);
  await expect(page.locator(edge('Child/event:StopEvent', 'Parent/step:delegate>returns:Child'))).toHaveCount(1);
  await expect(page.locator(edge('Parent/step:delegate>returns:Child', 'Parent/step:delegate'))).toHaveCount(1);
  await page.screenshot({ path: 'screenshots/child-workflow.png' });
});
