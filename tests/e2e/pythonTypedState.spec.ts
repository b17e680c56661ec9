import { expect, openPlayground, setCode, stepNode, switchToPython, test } from './fixtures.ts';

const TYPED = `import asyncio
from pydantic import BaseModel, Field
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

class Tally(BaseModel):
    count: int = Field(default=0)

class Work(Event):
    pass

class Done(Event):
    pass

class Parallel(Workflow):
    @step
    async def init(self, ctx: Context[Tally], ev: StartEvent) -> Work:
        for _ in range(6):
            ctx.send_event(Work())

    @step
    async def worker(self, ctx: Context[Tally], ev: Work) -> Done:
        async with ctx.store.edit_state() as state:
            state.count += 1
            await asyncio.sleep(0.5)
        return Done()

    @step
    async def gather(self, ctx: Context[Tally], ev: Done) -> StopEvent | None:
        if not ctx.collect_events(ev, [Done] * 6):
            return None
        return StopEvent(result=(await ctx.store.get_state()).count)
`;

test('Python typed state: Context[MyState] draws as the context, and edit_state counts every worker', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page);
  await switchToPython(page);
  await setCode(page, TYPED);
  await expect(stepNode(page, 'worker')).toBeVisible();
  await expect(page.getByTestId('diagnostics')).toContainText('No problems.');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 150_000 });
  await expect(page.getByTestId('run-result')).toHaveText('6');
});
