/**
 * The warm-up a TypeScript runner runs while the page is idle: it must really run (a failure would be
 * swallowed and only cost speed), and leave nothing the user's run can tell apart, its trace above all
 * (a re-run or a fork of that run must find the same records).
 */
import { describe, expect, test } from 'vitest';
import { setRunDefaults, type TraceRecord } from '../../../src/engine/index.ts';
import { UserRun } from '../../../src/worker/userRun.ts';
import { warmUp } from '../../../src/worker/runnerWarmUp.ts';
import { SCRIPT_WARM_UP_REQUEST } from '../../../src/worker/scriptWarmUp.ts';
import { browserBenchSource } from '../../../bench/browserWorkload.ts';
import { exampleSource, sharedCompiler } from '../runSource.ts';
import { runnerRecords } from '../../support/runnerRecords.ts';

/** The records a run of `js` sends, read back from its packets as the page reads them. */
async function sent(js: string, seed = 3): Promise<TraceRecord[]> {
  const { trace, problem } = await runnerRecords({ ...SCRIPT_WARM_UP_REQUEST, js, workflow: null, seed });
  expect(problem).toBeNull();
  return trace;
}

describe('TypeScript warm-up', () => {
  test('runs its workflow to the end: 3,000 queries sent, answered by four workers, collected, and the StopEvent returned', async () => {
    const trace = await sent(SCRIPT_WARM_UP_REQUEST.js);
    const emitted = trace.filter((r) => r.kind === 'event.emitted');
    expect(emitted.filter((r) => r.type === 'Query')).toHaveLength(3000);
    expect(emitted.filter((r) => r.type === 'Answer')).toHaveLength(3000);
    expect(new Set(trace.flatMap((r) => (r.kind === 'step.started' && r.step === 'answer' ? [r.worker] : []))).size).toBe(4);
    expect(trace.filter((r) => r.kind === 'log').map((r) => (r.kind === 'log' ? r.text : ''))).toEqual(['answering 0', 'answering 1000', 'answering 2000']);
    const finished = trace.find((r) => r.kind === 'run.finished');
    expect(finished?.kind === 'run.finished' && [finished.status, finished.result]).toEqual(['stopped', true]);
  });

  test("leaves the run defaults and the console as they were, and the next run's trace is the one it has without it", async () => {
    const source = exampleSource('concurrency/parallel.ts');
    const js = sharedCompiler().compile(source).js!;
    const cold = await sent(js);
    const before = { clock: 'virtual' as const, seed: 7 };
    setRunDefaults(before);
    const log = console.log;
    expect(await warmUp(SCRIPT_WARM_UP_REQUEST, null, 1)).toBe(1);
    expect(console.log).toBe(log);
    expect(setRunDefaults({})).toEqual(before);
    const warm = await sent(js);
    const runIds = new Set(warm.map((r) => r.runId));
    expect([...runIds]).not.toContain('warm-up');
    // Run ids and times aside (a real clock is not involved: the run is on the virtual one), record for record.
    const same = (trace: TraceRecord[]) => trace.map((r) => ({ ...r, runId: '' }));
    expect(same(warm)).toEqual(same(cold));
  });

  test('a round cancelled as it starts ends at once, and a stop before the first round runs none', async () => {
    // A round that would sleep for a thousand days on the real clock (`sleep` counts seconds): only
    // the cancel ends it within the test's time.
    const forever = `const { StartEvent, StopEvent, Workflow, sleep, step } = flowplay;
class Forever extends Workflow {
  async wait(ctx, ev) {
    await sleep(86400000);
    return new StopEvent({});
  }
}
const desc = Object.getOwnPropertyDescriptor(Forever.prototype, "wait");
Object.defineProperty(Forever.prototype, "wait", step({ accepts: [StartEvent], returns: [StopEvent], gather: false, context: true, fanOut: false })(Forever.prototype, "wait", desc) || desc);
return { workflows: { Forever } };`;
    let round: UserRun | null = null;
    const ending = warmUp({ ...SCRIPT_WARM_UP_REQUEST, js: forever, workflow: null, clock: 'real' }, null, 1, () => false, (run) => (round = run));
    round!.cancel();
    expect(await ending).toBe(1);
    expect(await warmUp(SCRIPT_WARM_UP_REQUEST, null, 1, () => true)).toBe(0);
  });

  test('a big run after the warm-up sends the records it sends without it', async () => {
    const js = sharedCompiler().compile(browserBenchSource(2000)).js!;
    const cold = await sent(js);
    await warmUp(SCRIPT_WARM_UP_REQUEST, null, 1);
    const warm = await sent(js);
    expect(warm.length).toBe(cold.length);
    expect(warm.map((r) => ({ ...r, runId: '' }))).toEqual(cold.map((r) => ({ ...r, runId: '' })));
  });
});
