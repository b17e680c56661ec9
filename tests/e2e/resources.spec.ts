import { expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';
import { runToEnd } from './inspectHelpers.ts';

const RESOURCES = `import { Event, Resource, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Question extends Event<{ text: string }> {}

class Memory {
  lines: string[] = [];
  put(line: string) { this.lines.push(line); }
}

async function getDb() { return { host: "localhost" }; }
function getMemory(db = Resource(getDb)) {
  console.log("memory opened on " + db.host);
  return new Memory();
}

class Chat extends Workflow {
  @step()
  async start(ev: StartEvent, memory = Resource(getMemory)): Promise<Question> {
    memory.put("start");
    return new Question({ text: "hi" });
  }

  @step()
  async answer(ev: Question, memory = Resource(getMemory)): Promise<StopEvent> {
    memory.put(ev.text);
    return new StopEvent({ result: memory.lines.join(",") });
  }
}
`;

test('resources: drawn feeding their steps, injected in a run, and the inspector names the instance each invocation got', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, RESOURCES);
  const memory = page.locator('.react-flow__node[data-id="resource:getMemory"]');
  await expect(memory).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="resource:getDb"]')).toBeVisible();
  await expect(page.locator('.flow-edge[data-source="resource:getMemory"][data-target="step:answer"]')).toHaveCount(1);
  await expect(page.locator('.flow-edge-label', { hasText: 'memory' })).toHaveCount(2);
  await expect(page.getByTestId('diagnostics')).toContainText('No problems.');

  await runToEnd(page);
  await expect(page.getByTestId('run-result')).toContainText('start,hi');
  await expect(page.getByTestId('console')).toContainText('memory opened on localhost');
  // The factory logs inside the invocation it was made for.
  await page.locator('.console-line[data-step="start"]').filter({ hasText: 'memory opened' }).first().click();
  await expect(page.getByTestId('inspector-step')).toHaveText('start');
  await expect(page.getByTestId('inspector-resources')).toHaveText(/memory ← getMemory #1\s*made for this invocation/);
  // The answer's invocation: its memory is the instance made for start's.
  await page.getByTestId('inspector-emitted').getByRole('button').first().click();
  await page.getByTestId('inspector-receivers').getByRole('button').first().click();
  await expect(page.getByTestId('inspector-step')).toHaveText('answer');
  await expect(page.getByTestId('inspector-resources')).toHaveText(/memory ← getMemory #1\s*shared, made for #1/);
  if (process.env.FLOWPLAY_SHOTS) await page.screenshot({ path: `${process.env.FLOWPLAY_SHOTS}/resources.png` });

  // Clicking the resource shows its factory in the editor.
  await memory.click();
  await expect(page.locator('.cm-activeLine')).toContainText('function getMemory');
});

test('a resource factory that always throws is an error under Problems, on the factory and the step', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, RESOURCES.replace('async function getDb() { return', 'async function getDb() { throw new Error("offline"); return'));
  await expect(page.getByTestId('diagnostics')).toContainText('The resource factory getDb always throws here');
  await expect(page.getByTestId('diagnostics')).toContainText("start cannot run: its resource 'memory' comes from getMemory -> getDb, which always throws.");
  await expect(stepNode(page, 'start').locator('.step-node')).toHaveAttribute('data-invalid', 'true');
});
