import { expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';
import { runToEnd } from './inspectHelpers.ts';

// A step written as a function, an error step added with addStep, and a typed start event.
const CODE = `import { Event, StartEvent, StepFailedEvent, StopEvent, Workflow, catchError, step } from "flowplay";

class Query extends StartEvent {
  declare topic: string;
}
class Fetched extends Event<{ text: string }> {}

class Research extends Workflow {
  @step()
  async fetch(ev: Query): Promise<Fetched> {
    if (ev.topic === "down") throw new Error("the source is down");
    return new Fetched({ text: "notes on " + ev.topic });
  }
}

step({ workflow: Research })(async function summarise(ev: Fetched): Promise<StopEvent> {
  return new StopEvent({ result: "summary of " + ev.text });
});

async function fallback(ev: StepFailedEvent): Promise<StopEvent> {
  return new StopEvent({ result: "fell back after " + ev.stepName });
}
Research.addStep(catchError(fallback));
`;

test('function steps are drawn and run like methods; the error step is drawn with an on-failure edge from each step it covers; start fields are checked', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, CODE);
  await expect(stepNode(page, 'summarise')).toBeVisible();
  await expect(stepNode(page, 'fallback')).toBeVisible();
  const onFailure = page.locator('.flow-edge.catches[data-source="step:fetch"][data-target="step:fallback"]');
  await expect(onFailure).toHaveCount(1);
  await expect(onFailure.locator('.flow-edge-label')).toHaveText('on failure');
  await expect(page.locator('.flow-edge.catches[data-source="step:summarise"][data-target="step:fallback"]')).toHaveCount(1);
  await expect(page.locator('.flow-edge.catches')).toHaveCount(2);
  await expect(page.getByTestId('diagnostics')).toContainText('No problems.');
  if (process.env.FLOWPLAY_SHOTS) await page.screenshot({ path: `${process.env.FLOWPLAY_SHOTS}/function-steps.png` });

  await page.getByTestId('run-input').fill('{ "topic": "tides" }');
  await runToEnd(page);
  await expect(page.getByTestId('run-result')).toContainText('summary of notes on tides');
  await expect(stepNode(page, 'summarise')).toHaveAttribute('data-state', 'done');

  await page.getByTestId('run-input').fill('{ "topic": "down" }');
  await runToEnd(page);
  await expect(page.getByTestId('run-result')).toContainText('fell back after fetch');

  await page.getByTestId('run-input').fill('{ "subject": "tides" }');
  await page.getByTestId('run-button').click();
  await expect(page.getByText(/Failed creating a start event of type 'Query'/).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/topic: missing \(string\)/).first()).toBeVisible();
});
