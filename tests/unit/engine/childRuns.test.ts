import { afterEach, describe, expect, test } from 'vitest';
import { Event, StartEvent, StopEvent, Workflow, setAsyncScope, setRunDefaults, sleep, step } from 'flowplay';
import type { TraceRecord } from 'flowplay';
import { installNodeScope } from '../../../src/node/installNodeScope.ts';
import { ofKind } from './recorder.ts';

class Child extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async work(ev: StartEvent) {
    await sleep(1);
    return new StopEvent({ result: `child got ${(ev as StartEvent & { n: number }).n}` });
  }
}

class Go extends Event<{ n: number }> {}

class Parent extends Workflow {
  @step({ accepts: [StartEvent], returns: [Go] })
  async start(_ev: StartEvent) {
    return new Go({ n: 7 });
  }
  @step({ accepts: [Go], returns: [StopEvent] })
  async delegate(ev: Go) {
    await sleep(2); // the child starts after an await, as most real code does
    const result = await new Child().run({ n: ev.n });
    return new StopEvent({ result });
  }
}

/** Every record of every run the host sees, as the playground's runner and the CLI listen. */
async function hosted(run: () => PromiseLike<unknown>): Promise<{ records: TraceRecord[]; result: unknown }> {
  const records: TraceRecord[] = [];
  const previous = setRunDefaults({ clock: 'virtual', seed: 1, onTrace: (r) => records.push(r), stepMode: false });
  try {
    return { records, result: await run() };
  } finally {
    setRunDefaults(previous);
  }
}

/** `workflow (parent run/step/invocation)` for each run.started. */
const runs = (records: TraceRecord[]) =>
  ofKind(records, 'run.started').map((r) => ({ runId: r.runId, workflow: r.workflow, parentRun: r.parentRun, parentStep: r.parentStep, parentInvocation: r.parentInvocation }));

describe('a workflow run started inside a step is traced as a child run', () => {
  afterEach(() => installNodeScope());

  test('its run.started names the run, the step and the invocation that started it; the parent gets its result', async () => {
    const { records, result } = await hosted(async () => await new Parent().run());
    expect(result).toBe('child got 7');
    const [parent, child] = runs(records);
    const delegate = ofKind(records, 'step.started').find((r) => r.runId === parent!.runId && r.step === 'delegate')!;
    expect(parent).toEqual({ runId: parent!.runId, workflow: 'Parent', parentRun: undefined, parentStep: undefined, parentInvocation: undefined });
    expect(child).toEqual({ runId: child!.runId, workflow: 'Child', parentRun: parent!.runId, parentStep: 'delegate', parentInvocation: delegate.invocation });
    expect(child!.runId).not.toBe(parent!.runId);
    // The child's records carry its own run id, numbered from 1, and it finishes before the invocation that awaited it.
    const childRecords = records.filter((r) => r.runId === child!.runId);
    expect(childRecords.map((r) => r.seq)).toEqual(childRecords.map((_, i) => i + 1));
    expect(childRecords.at(-1)).toMatchObject({ kind: 'run.finished', status: 'stopped', result: 'child got 7' });
    const delegateEnd = records.findIndex((r) => r.runId === parent!.runId && r.kind === 'step.finished' && r.step === 'delegate');
    expect(records.indexOf(childRecords.at(-1)!)).toBeLessThan(delegateEnd);
  });

  test('without an async scope (the browser), the invoking invocation is the run\'s only running one', async () => {
    setAsyncScope(null);
    const { records } = await hosted(async () => await new Parent().run());
    const [parent, child] = runs(records);
    expect(child).toMatchObject({ workflow: 'Child', parentRun: parent!.runId, parentStep: 'delegate' });
    expect(child!.parentInvocation).toBe(ofKind(records, 'step.started').find((r) => r.step === 'delegate')!.invocation);
  });

  test('a second run started by code outside any step is not a child, and a child does not inherit step mode', async () => {
    const { records } = await hosted(async () => {
      const first = new Child().run({ n: 1 });
      const second = new Child().run({ n: 2 });
      return Promise.all([first, second]);
    });
    expect(runs(records).map((r) => r.parentRun)).toEqual([undefined, undefined]);

    const stepped: TraceRecord[] = [];
    const previous = setRunDefaults({ clock: 'virtual', seed: 1, onTrace: (r) => stepped.push(r), stepMode: true });
    try {
      const handler = new Parent().run();
      // The host's run pauses before each invocation; let it through, the child runs on its own.
      const timer = setInterval(() => handler.step(), 1);
      await handler.finally(() => clearInterval(timer));
    } finally {
      setRunDefaults(previous);
    }
    const childId = runs(stepped)[1]!.runId;
    expect(stepped.filter((r) => r.runId === childId && r.kind === 'run.paused')).toEqual([]);
  });
});
