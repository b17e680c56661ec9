import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { compareTraces } from '../../../src/inspect/compareTraces.ts';
import { runnerRecords } from '../../support/runnerRecords.ts';
import { BATCH_MS, MAX_BATCH, PROMPT_STARTS } from '../../../src/worker/traceBatcher.ts';
import { exampleSource, runSource, sharedCompiler } from '../runSource.ts';

const examples = ['concurrency', 'realistic'].flatMap((dir) =>
  readdirSync(new URL(`../../../src/examples/${dir}`, import.meta.url))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f}`),
);

/** The trace the page's runner sends for `source`, read back from its packets as the page reads them. */
async function runnerTrace(source: string, seed: number): Promise<{ trace: TraceRecord[]; packets: number }> {
  const compiled = sharedCompiler().compile(source);
  const { trace, packets, problem } = await runnerRecords({ js: compiled.js!, workflow: null, input: {}, seed, clock: 'virtual', speed: 1 });
  expect(problem).toBeNull();
  return { trace, packets };
}

/**
 * A trace as two hosts can agree on it: Node's console and the page's print an object's values each
 * their own way (the rest of a log record is the same), and every run has its own id, also where a
 * child run names its parent.
 */
function comparable(trace: TraceRecord[]): TraceRecord[] {
  const runs = new Map<string, string>();
  const named = (runId: string) => runs.get(runId) ?? runs.set(runId, `run ${runs.size + 1}`).get(runId)!;
  return trace.map((record) => {
    const out = { ...record, runId: named(record.runId) } as TraceRecord;
    if (out.kind === 'log') out.text = '';
    if (out.kind === 'run.started' && out.parentRun !== undefined) out.parentRun = named(out.parentRun);
    return out;
  });
}

describe("the page's runner keeps the trace in a store and sends it as packets", () => {
  test.each(examples)('%s: the records the page reads are those a listener is handed, record for record', async (path) => {
    const source = exampleSource(path);
    const listened = await runSource(source, { seed: 7 });
    const { trace } = await runnerTrace(source, 7);
    expect(trace.length).toBeGreaterThan(10);
    const { same, difference } = compareTraces(comparable(listened.trace), comparable(trace));
    expect(difference && JSON.stringify([difference.first, difference.second]), `first difference after ${same} records`).toBeNull();
  });

  test('a fan-out of 3,000 items with a child run, a failure and a line printed after the run: the same records, in many packets', async () => {
    const source = `
import { Context, Event, StartEvent, StopEvent, Workflow, step } from 'flowplay';
class Item extends Event<{ i: number; label: string }> {}
class Done extends Event<{ i: number; nested: { deep: number[] } }> {}
class Child extends Workflow {
  @step()
  async only(_ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: 'child' });
  }
}
class Fan extends Workflow {
  @step()
  async split(ctx: Context, _ev: StartEvent): Promise<Item | null> {
    ctx.store.set('child', await new Child().run());
    for (let i = 0; i < 3000; i++) ctx.sendEvent(new Item({ i, label: 'item ' + i }));
    return null;
  }
  @step({ numWorkers: 8 })
  async work(_ev: Item): Promise<Done> {
    return new Done({ i: _ev.i, nested: { deep: [_ev.i] } });
  }
  @step()
  async gather(ctx: Context, ev: Done): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, Array(3000).fill(Done));
    if (all) throw new Error('gathered ' + all.length);
    return null;
  }
}
try {
  await new Fan({ timeout: null }).run();
} catch (error) {
  console.log('after the run:', String(error));
}
`;
    const listened = await runSource(source, { seed: 3 });
    const started = performance.now();
    const { trace, packets } = await runnerTrace(source, 3);
    const elapsed = performance.now() - started;
    expect(trace.filter((r) => r.kind === 'run.started')).toHaveLength(2);
    expect(trace.at(-1)).toMatchObject({ kind: 'log', text: expect.stringContaining('gathered 3000') });
    expect(packets).toBeGreaterThan(10);
    // Not a packet per step start (6,000 of them): the starts sent at once are rationed per batch time.
    const starts = trace.filter((r) => r.kind === 'step.started').length;
    expect(starts).toBeGreaterThan(6_000);
    expect(packets).toBeLessThanOrEqual(PROMPT_STARTS * (Math.ceil(elapsed / BATCH_MS) + 1) + Math.ceil(trace.length / MAX_BATCH) + 10);
    const { same, difference } = compareTraces(comparable(listened.trace), comparable(trace));
    expect(difference && JSON.stringify([difference.first, difference.second]), `first difference after ${same} records`).toBeNull();
    expect(same).toBeGreaterThan(20_000);
  });
});

