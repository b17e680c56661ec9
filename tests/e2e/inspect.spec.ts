import { eventNode, expect, openPlayground, setCode, stepNode, test } from './fixtures.ts';
import { hoverTimelineLane, runToEnd } from './inspectHelpers.ts';

test.describe('timeline', () => {
  test('shows a row per step and a lane per worker; hovering names an invocation and clicking selects it', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    await page.getByTestId('dock-tab-timeline').click();
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toBeVisible();
    await expect(timeline.locator('.timeline-label.first[data-row="start"]')).toHaveText(/start/);
    // Three queries ran at once on three workers of stepTwo.
    await expect(timeline.locator('.timeline-label[data-row="stepTwo"]')).toHaveCount(3);
    // Markers were drawn (events, cancellations, the end).
    expect(Number(await timeline.getAttribute('data-bars'))).toBe(4);
    // In workflow time nothing waited: three workers took the three queries the moment they were sent.
    expect(Number(await timeline.getAttribute('data-waited'))).toBe(0);
    expect(Number(await timeline.getAttribute('data-markers'))).toBeGreaterThan(5);

    const lane = Number(await timeline.locator('.timeline-label[data-row="stepTwo"]').first().getAttribute('data-lane'));
    const hit = await hoverTimelineLane(page, 'stepTwo', lane, /stepTwo #\d+ · attempt 1 · worker \d+ · (done|cancelled|running)/);
    const invocation = /#(\d+)/.exec(hit.text)![1]!;
    await page.mouse.click(hit.x, hit.y);
    await expect(page.getByTestId('timeline-selected')).toHaveText(new RegExp(`invocation #${invocation}`));
    await page.getByTestId('timeline-selected').getByRole('button', { name: 'Inspect' }).click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-selection', `invocation:${invocation}`);
    await expect(page.getByTestId('inspector-step')).toHaveText('stepTwo');

    // A marker of an emitted event selects that event.
    await page.getByTestId('dock-tab-timeline').click();
    const marker = await hoverTimelineLane(page, 'start', 1, /^StepTwoEvent #\d+ \(send\)at \d+\.\d\d s$/);
    const event = /#(\d+)/.exec(marker.text)![1]!;
    await page.mouse.click(marker.x, marker.y);
    await expect(page.getByTestId('timeline-selected')).toHaveText(new RegExp(`event #${event}`));
    await page.getByTestId('timeline-selected').getByRole('button', { name: 'Inspect' }).click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-selection', `event:${event}`);
    await expect(page.getByTestId('inspector-type')).toHaveText('StepTwoEvent');
  });

  test('failures and retries show as markers with their error', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, FLAKY);
    await expect(stepNode(page, 'flaky')).toBeVisible();
    await runToEnd(page, 'failed');
    await page.getByTestId('dock-tab-timeline').click();
    await hoverTimelineLane(page, 'flaky', 1, /attempt 1: Error: kaput \(retrying/);
    await hoverTimelineLane(page, 'flaky', 1, /attempt 2: Error: kaputat \d+\.\d\d s$/);
  });
});

test.describe('inspector', () => {
  test('an event node of a big run lists the latest 200 of its events at the moment shown, not the run\'s last 200', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, SIX_HUNDRED);
    await expect(eventNode(page, 'Tick')).toBeVisible();
    await runToEnd(page);
    // Back to a moment about halfway through the start step's sends: 350 records from the start.
    await page.getByTestId('replay-start').click();
    const range = page.getByTestId('scrubber-range');
    await range.focus();
    for (let i = 0; i < 350; i++) await range.press('ArrowRight');
    await expect(range).toHaveAttribute('aria-valuetext', /record 350 of/);
    await eventNode(page, 'Tick').click();
    const count = page.getByTestId('event-type-count');
    await expect(count).toHaveText(/^\d+ of 600 events so far$/);
    const shown = Number((await count.textContent())!.split(' ')[0]);
    expect(shown).toBeGreaterThan(200);
    expect(shown).toBeLessThan(600);
    await expect(page.getByTestId('event-type-listed')).toHaveText('The latest 200 at this moment are listed.');
    const rows = page.getByTestId('event-type-list').locator('tbody tr');
    await expect(rows).toHaveCount(200);
    await expect(rows.locator('xpath=self::*[@data-later]')).toHaveCount(0);
    // The last row is the latest Tick at the moment: i counts up from 0, so its field says which.
    await expect(rows.last()).toContainText(`i=${shown - 1}`);
  });

  test('an event from its node: type, fields, who sent it and how, receivers, causal chain', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    await eventNode(page, 'StepTwoEvent').click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toBeVisible();
    // The node lists its three events; the one that carries "Query 3" opens.
    const rows = page.getByTestId('event-type-list').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await rows.filter({ hasText: 'query="Query 3"' }).getByRole('button').click();
    await expect(page.getByTestId('inspector-type')).toHaveText('StepTwoEvent');
    await expect(page.getByTestId('inspector-fields')).toContainText('query: "Query 3"');
    await expect(page.getByTestId('inspector-producer')).toHaveText(/start #\d+\s*sent with ctx\.sendEvent/);
    await expect(page.getByTestId('inspector-receivers')).toHaveText(/stepTwo #\d+/);
    await expect(page.getByTestId('inspector-chain').locator('li')).toHaveCount(2);
    await expect(page.getByTestId('inspector-chain')).toContainText(/StartEvent #\d+/);
    // The title's row holds its type, the moment, the way to all three events and Fork from here, none over another.
    await expect(page.getByTestId('fork-from-item')).toBeVisible();
    const parts = [page.getByTestId('inspector-type'), inspector.locator('.inspector-when'), inspector.locator('.inspector-title .item-eventType'), page.getByTestId('fork-from-item')];
    const boxes = await Promise.all(parts.map(async (part) => (await part.boundingBox())!));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5).toBe(true);
    }
    // Fields fold shut and open again.
    const fold = page.getByTestId('inspector-fields').locator('details').first();
    await fold.locator('summary').click();
    await expect(fold).not.toHaveAttribute('open', '');
    // Following the producer shows the invocation: what it got and what it made.
    await page.getByTestId('inspector-producer').getByRole('button').click();
    await expect(page.getByTestId('inspector-step')).toHaveText('start');
    await expect(page.getByTestId('inspector-inputs')).toHaveText(/^StartEvent #\d+$/);
    await expect(page.getByTestId('inspector-emitted').getByRole('button')).toHaveCount(3);
    await expect(page.getByTestId('inspector-worker')).toHaveText(/\d/);
    await expect(page.getByTestId('inspector-attempt')).toHaveText('1');
  });

  test('an invocation from a console line: its logs, and its error a click away from the line in the editor', async ({ page }) => {
    await openPlayground(page);
    await setCode(page, FLAKY);
    await expect(stepNode(page, 'flaky')).toBeVisible();
    await runToEnd(page, 'failed');
    await page.locator('.console-line[data-step="flaky"]').filter({ hasText: 'trying' }).first().click();
    await expect(page.getByTestId('inspector-step')).toHaveText('flaky');
    await expect(page.getByTestId('inspector-status')).toHaveText('failed');
    await expect(page.getByTestId('inspector-logs')).toContainText('trying');
    // A line keeps its spaces, as the console shows it.
    expect(await page.getByTestId('inspector-logs').evaluate((el) => (el as HTMLElement).innerText)).toContain('trying  as  laid out');
    await expect(page.getByTestId('inspector-attempt')).toContainText('2');
    const error = page.getByTestId('inspector-error');
    await expect(error).toContainText('Error: kaput');
    await error.getByRole('button', { name: /line 9/ }).click();
    await expect(page.locator('.cm-activeLine')).toContainText('throw new Error("kaput")');
  });

  test('a token in flight, clicked on a paused frame, is the event it carries', async ({ page }) => {
    await openPlayground(page, 'parallel');
    await runToEnd(page);
    await page.getByTestId('replay-start').click();
    // Step record by record until a StepTwoEvent token is on its way.
    const token = page.locator('.token.selectable[data-token="StepTwoEvent"]').first();
    for (let i = 0; i < 40 && !(await token.isVisible()); i++) await page.getByTestId('replay-forward').click();
    const id = await token.getAttribute('data-event');
    await token.click({ force: true });
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-selection', `event:${id}`);
    await expect(page.getByTestId('inspector-type')).toHaveText('StepTwoEvent');
  });

  test('the run state (ctx.set values) follows the cursor', async ({ page }) => {
    await openPlayground(page, 'map-reduce');
    await runToEnd(page);
    await page.getByTestId('dock-tab-inspector').click();
    const state = page.getByTestId('inspector-state');
    await expect(state).toHaveAttribute('data-keys', /num_events/);
    await expect(state).toContainText('num_events');
    await page.getByTestId('replay-start').click();
    await expect(state).toHaveAttribute('data-keys', '');
    await expect(state).toContainText('No ctx.set values yet.');
  });

  test('a wide, deep value draws only the levels that are open, and a fold opens one more', async ({ page }) => {
    await openPlayground(page);
    // Six keys a level, six levels: 46,656 leaves if every fold were drawn.
    await setCode(page, `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";
const grow = (d: number): unknown => (d === 0 ? 1 : Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((k) => [k, grow(d - 1)])));
class Deep extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    await ctx.set("deep", grow(6));
    await ctx.set("path.with.many.dots.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a1.b1.c1.d1.e1.f1", 1);
    return new StopEvent({ result: "ok" });
  }
}
const w = new Deep({ timeout: 10 });
console.log(await w.run());
`);
    await runToEnd(page);
    await page.getByTestId('dock-tab-inspector').click();
    const state = page.getByTestId('inspector-state');
    await expect(state).toHaveAttribute('data-keys', /deep/);
    const drawn = () => state.locator('.json-node, .json-leaf').count();
    const before = await drawn();
    expect(before).toBeLessThan(120);
    await state.locator('details.json-node:not([open]) > summary').first().click();
    await expect.poll(drawn).toBeGreaterThan(before);
    expect(await drawn()).toBeLessThan(200);
  });
});

const FLAKY = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Flaky extends Workflow {
  @step({ retry: { maxAttempts: 2, delay: 0.2 } })
  async flaky(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    console.log("trying  as  laid out");
    const attempt = 1;
    if (attempt > 0) {
      throw new Error("kaput");
    }
    return new StopEvent({ result: "never" });
  }
}
`;

/** 600 Tick events sent at once, each answered: more of one type than an event node's list shows. */
const SIX_HUNDRED = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Tick extends Event<{ i: number }> {}
class Done extends Event<{ i: number }> {}

class Many extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Tick | null> {
    for (let i = 0; i < 600; i++) ctx.sendEvent(new Tick({ i }));
    return null;
  }

  @step()
  async work(ctx: Context, ev: Tick): Promise<Done> {
    return new Done({ i: ev.i });
  }

  @step()
  async gather(ctx: Context, ev: Done): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, Array(600).fill(Done));
    return all ? new StopEvent({ result: all.length }) : null;
  }
}
`;
