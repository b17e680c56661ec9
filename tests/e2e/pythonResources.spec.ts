import { expect, openPlayground, setCode, switchToPython, test } from './fixtures.ts';

const RESOURCES = `from typing import Annotated
from workflows import Workflow, step
from workflows.events import Event, StartEvent, StopEvent
from workflows.resource import Resource

class Question(Event):
    text: str

class Memory:
    def __init__(self):
        self.lines = []

async def get_db():
    return {"host": "localhost"}

def get_memory(db: Annotated[dict, Resource(get_db)]) -> Memory:
    print("memory opened on " + db["host"])
    return Memory()

class Chat(Workflow):
    @step
    async def start(self, ev: StartEvent, memory: Annotated[Memory, Resource(get_memory)]) -> Question:
        memory.lines.append("start")
        return Question(text="hi")

    @step
    async def answer(self, ev: Question, memory: Annotated[Memory, Resource(get_memory)]) -> StopEvent:
        memory.lines.append(ev.text)
        return StopEvent(result=",".join(memory.lines))
`;

test('Python resources: drawn feeding their steps from the annotations, injected in a run, one memory for both steps', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page);
  await switchToPython(page);
  await setCode(page, RESOURCES);
  await expect(page.locator('.react-flow__node[data-id="resource:get_memory"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="resource:get_db"]')).toBeVisible();
  await expect(page.locator('.flow-edge[data-source="resource:get_memory"][data-target="step:answer"]')).toHaveCount(1);
  await expect(page.getByTestId('diagnostics')).toContainText('No problems.');

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 150_000 });
  await expect(page.getByTestId('run-result')).toContainText('start,hi');
  // The factory ran once, inside the invocation it was made for.
  await expect(page.locator('.console-line[data-step="start"]').filter({ hasText: 'memory opened on localhost' })).toHaveCount(1);
  await page.locator('.console-line[data-step="start"]').filter({ hasText: 'memory opened' }).first().click();
  await expect(page.getByTestId('inspector-resources')).toHaveText(/memory ← get_memory #1\s*made for this invocation/);
});
