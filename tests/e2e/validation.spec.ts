import { expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';

const DEAD_END = `import { Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Ping extends Event {}
class Pong extends Event {}

class Bouncing extends Workflow {
  @step()
  async entry(ev: StartEvent): Promise<Ping | StopEvent> {
    return new StopEvent({ result: "done" });
  }

  @step({ numWorkers: 0 })
  async ping(ev: Ping): Promise<Pong> {
    return new Pong();
  }

  @step()
  async pong(ev: Pong): Promise<Ping> {
    return new Ping();
  }
}
`;

test.describe('validation on the graph', () => {
  test('an invalid step is outlined on its node, says why on hover, and Problems names its line', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await setCode(page, DEAD_END);
    const ping = stepNode(page, 'ping');
    await expect(ping).toHaveAttribute('data-invalid', 'true');
    await expect(ping.locator('.step-node')).toHaveAttribute('title', /numWorkers must be an integer greater than 0/);
    await expect(stepNode(page, 'entry')).toHaveAttribute('data-invalid', 'false');
    await expect(page.getByTestId('diagnostics')).toContainText('numWorkers must be an integer greater than 0');

    // Fixing the decorator leaves the cycle with no way out: both steps of it are marked dead ends.
    await setCode(page, DEAD_END.replace('{ numWorkers: 0 }', ''));
    for (const name of ['ping', 'pong']) {
      await expect(stepNode(page, name)).toHaveAttribute('data-invalid', 'true');
      await expect(stepNode(page, name).locator('.step-node')).toHaveAttribute('title', /Dead-end steps: ping, pong/);
    }
    await expect(stepNode(page, 'entry')).toHaveAttribute('data-invalid', 'false');
    await page.screenshot({ path: 'test-results/validation-dead-end.png' });
  });
});
