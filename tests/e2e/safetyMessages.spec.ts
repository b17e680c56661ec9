import type { Page } from '@playwright/test';
import { expect, openPlayground, setCode, setSpeed, stepNode, test } from './fixtures.ts';

/**
 * Valid-looking messages from code in the runner: records with the run's own token, run id and
 * increasing seq, forged by patching MessagePort.prototype.postMessage. Each used to hang or crash
 * the page; each is now bounded on arrival, the page stays usable and the code stays in the editor.
 */
const GOOD = `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";

class Good extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: "page still works" });
  }
}
`;

/**
 * A step that, on the run's first trace batch, posts `forge(eventId)` as records of the same run, each
 * in a packet row that keeps it whole (the runner's own batches are transferred, so they are read first).
 */
function forging(forge: string): string {
  return `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";

// forging records of its own run
class Probe extends Workflow {
  @step()
  async probe(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    const send = MessagePort.prototype.postMessage;
    let done = false;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: any[]) {
      const m = args[0];
      const p = m && m.type === "trace" ? m.packet : null;
      const rows = p ? p.times.length : 0;
      // The run's id, from a row that keeps its record whole (the "trigger" line's).
      const whole = rows > 0 ? p.objects.filter((o: any) => o && typeof o.runId === "string").pop() : null;
      const last = whole ? { runId: whole.runId, seq: p.ints[(rows - 1) * 10 + 1], t: p.times[rows - 1] } : null;
      const sent = (send as any).apply(this, args);
      if (!done && last) {
        done = true;
        let seq = last.seq + 1000;
        const forged: any[] = (${forge})(0);
        const packet = (record: any) => ({ ints: new Int32Array(10), times: new Float64Array(1), objects: [record], names: [], runIds: [], shapes: [], list: new Int32Array(0), values: [], needs: [] });
        for (const f of forged) send.call(this, { type: "trace", run: m.run, packet: packet({ v: 2, runId: last.runId, t: last.t, seq: seq++, ...f }) });
      }
      return sent;
    };
    console.log("trigger");
    await new Promise((r) => setTimeout(r, 200));
    MessagePort.prototype.postMessage = send;
    return new StopEvent({ result: "genuine" });
  }
}
`;
}

async function runForged(page: Page, forge: string): Promise<void> {
  await openPlayground(page);
  await setCode(page, forging(forge));
  await expect(stepNode(page, 'probe')).toBeVisible();
  await setSpeed(page, 10);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).not.toHaveText(/idle|running/, { timeout: 30_000 });
}

async function expectUsableAndKept(page: Page): Promise<void> {
  await expect(page.getByTestId('editor')).toContainText('forging records of its own run');
  await setCode(page, GOOD);
  await expect(stepNode(page, 'start')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-result')).toHaveText('page still works', { timeout: 15_000 });
}

const ROWS: { name: string; forge: string; note: RegExp }[] = [
  {
    name: 'a value that holds the same object at every level (10^15 values as a tree)',
    forge: '() => { let v: any = { leaf: 1 }; for (let i = 0; i < 15; i++) v = new Array(10).fill(v); return [{ kind: "state.changed", key: "x", value: v, step: null, invocation: null }]; }',
    note: /not a valid trace record and was ignored .*holds the same object twice/,
  },
  {
    name: 'an invocation id of four billion',
    forge: '() => [{ kind: "event.emitted", event: 999, type: "Forged", payload: {}, via: "send", invocation: null, step: null, target: null, parent: null, to: [] }, { kind: "step.queued", step: "probe", invocation: 4000000000, event: 999, position: 0 }]',
    note: /invocation 4000000000 is far beyond/,
  },
  {
    name: 'a second end of the run',
    forge: '() => [{ kind: "run.finished", status: "stopped", result: "forged end" }, { kind: "run.finished", status: "stopped", result: "second end" }]',
    note: /a run finishes only once/,
  },
  {
    name: 'a console line of 64 million characters',
    forge: '() => [{ kind: "log", level: "log", text: "x".repeat(64_000_000), step: null, invocation: null }]',
    note: /Values cut: 1 text cut at 100,000 characters/,
  },
];

test.describe('forged records that look valid: bounded, the page usable, the code kept', () => {
  for (const row of ROWS) {
    test(row.name, async ({ page }) => {
      const started = Date.now();
      await runForged(page, row.forge);
      await expect(page.getByTestId('console')).toContainText(row.note, { timeout: 15_000 });
      expect(Date.now() - started).toBeLessThan(45_000);
      await expectUsableAndKept(page);
    });
  }
});
