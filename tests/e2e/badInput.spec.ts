import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/share/index.ts';
import { expect, openPlayground, setCode, setSpeed, test } from './fixtures.ts';

/**
 * Bad input, measured: each row is something people paste or do, and what they see. After every row
 * the page must still run a good workflow, and the code they typed must still be saved as a draft.
 * The README's "Bad input" table lists the same rows.
 */
const HEAD = `import { Context, Event, StartEvent, StopEvent, Workflow, step, sleep } from "flowplay";

class Work extends Event<{ n: number }> {}
`;

/** One workflow `F` with a start step whose body is `body`, plus `extra` members. */
function flow(body: string, returns = 'StopEvent', extra = ''): string {
  return `${HEAD}
class F extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<${returns}> {
${body}
  }
${extra}}
`;
}

const WORK_STEP = `
  @step({ numWorkers: 4 })
  async work(ctx: Context, ev: Work): Promise<StopEvent | null> {
    return null;
  }
`;

interface Row {
  name: string;
  code: string;
  /** A graph node to wait for before running (the analysis is in), when the code has one. */
  node?: string;
  /** Press Run (default) or only look at the editor and the graph. */
  run?: boolean;
  status?: 'stopped' | 'failed' | 'timeout' | 'cancelled' | 'idle';
  result?: string | RegExp;
  console?: (string | RegExp)[];
  /** Console lines (by a part of their text) that are the run's notices, not lines of a step. */
  consoleFromRun?: string[];
  problem?: string | RegExp;
  notice?: string | RegExp;
  /** How long the outcome may take to show. */
  within?: number;
}

const ROWS: Row[] = [
  {
    name: 'syntax error',
    code: flow('    return new StopEvent({ result: 1 }'),
    problem: /expected/i,
    notice: /Showing the last good graph|Line/,
    status: 'failed',
    result: 'The code has errors; fix them to run it',
  },
  {
    name: 'type error (listed, still runs)',
    code: flow('    const n: number = "seven";\n    return new StopEvent({ result: n });'),
    node: 'step:start',
    problem: "Type 'string' is not assignable to type 'number'",
    status: 'stopped',
    result: 'seven',
  },
  {
    name: 'no workflow in the file',
    code: `${HEAD}\nconst answer = 42;\n`,
    problem: 'No workflow in this file',
    status: 'failed',
    result: 'There is no workflow to run',
  },
  {
    name: 'two workflows (the first runs)',
    code: `${HEAD}
class A extends Workflow {
  @step()
  async first(ctx: Context, ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "ran A" }); }
}
class B extends Workflow {
  @step()
  async second(ctx: Context, ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "ran B" }); }
}
`,
    node: 'B/step:second',
    status: 'stopped',
    result: 'ran A',
  },
  {
    name: 'a step that throws',
    code: flow('    throw new Error("the database is on fire");'),
    node: 'step:start',
    status: 'failed',
    result: /Error: the database is on fire\s*in step start, line 9/,
  },
  {
    name: 'a step that returns a string',
    code: flow('    return "done" as any;'),
    node: 'step:start',
    status: 'failed',
    result: 'Step function start returned string instead of an Event instance.',
  },
  {
    name: 'sendEvent to a missing step',
    code: flow('    ctx.sendEvent(new Work({ n: 1 }), "nowhere");\n    return null;', 'Work | null', WORK_STEP),
    node: 'step:work',
    problem: "Step nowhere does not exist: sendEvent targets a step by method name, and 'F' has start, work.",
    status: 'failed',
    result: 'Step nowhere does not exist',
  },
  {
    name: 'a collectEvents that never completes',
    code: flow(
      '    ctx.sendEvent(new Work({ n: 1 }));\n    ctx.sendEvent(new Work({ n: 2 }));\n    return null;',
      'Work | null',
      `
  @step()
  async gather(ctx: Context, ev: Work): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, [Work, Work, Work]);
    return all ? new StopEvent({ result: all.length }) : null;
  }
`,
    ),
    node: 'step:gather',
    status: 'timeout',
    result: 'gather is waiting for 1 more Work (2 of 3 collected)',
  },
  {
    name: 'while (true) {} in a step',
    code: flow('    let i = 0;\n    while (true) { i++; }'),
    node: 'step:start',
    status: 'failed',
    result: /Step 'start' did not respond for 2 seconds .*\s*in step start, line 8/,
    within: 8_000,
  },
  {
    name: 'an async loop that never stops',
    code: flow('    let i = 0;\n    while (true) { await sleep(1); i++; }'),
    node: 'step:start',
    status: 'timeout',
    result: 'Operation timed out after 45 seconds. Currently active steps: start',
  },
  {
    name: 'a million sendEvents',
    code: flow('    for (let i = 0; i < 1_000_000; i++) ctx.sendEvent(new Work({ n: i }));\n    return null;', 'Work | null', WORK_STEP),
    node: 'step:work',
    status: 'failed',
    result: 'The run emitted more than 200000 events, the limit for one run (the last one came from step start)',
    within: 40_000,
  },
  {
    name: 'a huge console.log',
    code: flow('    console.log("x".repeat(5_000_000));\n    for (let i = 0; i < 20_000; i++) console.log("line " + i);\n    return new StopEvent({ result: "logged" });'),
    node: 'step:start',
    status: 'stopped',
    result: 'logged',
    console: ['Console limit reached (5,000 lines', /Console output cut: 15,00\d lines, [\d,]+ characters not shown/],
    consoleFromRun: ['Console limit reached', 'Console output cut'],
  },
  {
    name: 'infinite recursion',
    code: flow('    const down = (n: number): number => down(n + 1) + 1;\n    return new StopEvent({ result: down(0) });'),
    node: 'step:start',
    status: 'failed',
    result: 'RangeError: Maximum call stack size exceeded',
  },
  {
    name: 'a deeply nested payload',
    code: flow('    let deep: any = { end: true };\n    for (let i = 0; i < 100; i++) deep = { deep };\n    return new StopEvent({ result: deep });'),
    node: 'step:start',
    status: 'stopped',
    result: '"[Object]"',
    console: ['Some values in this run were nested deeper than 6 levels'],
  },
  {
    name: 'code that calls postMessage itself',
    code: flow('    (globalThis as any).postMessage({ type: "trace", run: 1, records: [{ kind: "run.finished" }] });\n    return new StopEvent({ result: "still mine" });'),
    node: 'step:start',
    status: 'stopped',
    result: 'still mine',
    console: ['1 message from the runner was not a valid trace record and was ignored'],
  },
  {
    name: 'code that calls close() itself',
    code: flow('    (globalThis as any).close();\n    return new StopEvent({ result: 1 });'),
    node: 'step:start',
    status: 'failed',
    result: 'RunnerClosed: The code called close()',
  },
  {
    name: 'code that reads localStorage',
    code: flow('    return new StopEvent({ result: localStorage.getItem("flowplay.drafts.v1") });'),
    node: 'step:start',
    status: 'failed',
    result: 'ReferenceError: localStorage is not available in workflow code: it runs in a sandboxed worker',
  },
  {
    name: 'code that reads document',
    code: flow('    return new StopEvent({ result: document.cookie });'),
    node: 'step:start',
    status: 'failed',
    result: 'ReferenceError: document is not available in workflow code',
  },
];

const GOOD = flow('    return new StopEvent({ result: "page still works" });');

async function expectUsable(page: Page): Promise<void> {
  await setCode(page, `// good\n${GOOD}`);
  await expect(page.locator('.react-flow__node[data-id="step:start"]')).toBeVisible();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-result')).toHaveText('page still works', { timeout: 15_000 });
}

/** Some stored value holds the text: the draft of what the user typed was saved. */
async function expectDraftHolds(page: Page, marker: string): Promise<void> {
  await expect
    .poll(() => page.evaluate((m) => Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes(m)), marker), { timeout: 5_000 })
    .toBe(true);
}

test.describe('bad input: the page says what is wrong and stays usable', () => {
  for (const row of ROWS) {
    test(row.name, async ({ page }) => {
      const marker = `// case: ${row.name}`;
      await openPlayground(page);
      await setSpeed(page, 10);
      await setCode(page, `${marker}\n${row.code}`);
      if (row.node) await expect(page.locator(`.react-flow__node[data-id="${row.node}"]`)).toBeVisible();
      if (row.problem) await expect(page.getByTestId('diagnostics')).toContainText(row.problem);
      if (row.notice) await expect(page.locator('.graph-notice')).toContainText(row.notice);
      if (row.run !== false) {
        await page.getByTestId('run-button').click();
        const within = { timeout: row.within ?? 15_000 };
        if (row.status) await expect(page.getByTestId('run-status')).toHaveText(row.status, within);
        if (row.result) await expect(page.getByTestId('run-result')).toContainText(row.result, within);
        for (const line of row.console ?? []) await expect(page.getByTestId('console')).toContainText(line);
        for (const text of row.consoleFromRun ?? []) {
          await expect(page.getByTestId('console').locator('.console-line', { hasText: text })).toHaveAttribute('data-step', '');
        }
      }
      await expectDraftHolds(page, marker);
      await expectUsable(page);
    });
  }
});
