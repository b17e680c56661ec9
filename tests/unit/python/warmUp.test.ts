/**
 * The warm-up a Python runner runs before it says hello: it must really run (a failure would be
 * swallowed and only cost speed), walk the paths a user's run takes (a step cancelled when the run
 * ends included), and leave nothing the user's first run can tell apart.
 */
import { describe, expect, it } from 'vitest';
import { setRunDefaults } from '../../../src/engine/index.ts';
import { loadNodePython } from '../../../src/node/loadNodePython.ts';
import { WARM_UP_SOURCE, warmUpRunner } from '../../../src/worker/pythonWarmUp.ts';
import { runPython } from './runPython.ts';

describe('Python warm-up', { timeout: 180_000 }, () => {
  it('runs its workflow to the end: two answers collected, the StopEvent returned, the third query cancelled', async () => {
    const run = await runPython(WARM_UP_SOURCE);
    expect(run.error).toBeUndefined();
    expect(run.lines.some((line) => line.startsWith("2 answers {'result': \"Query(query='Query 0', tries=0)\"}"))).toBe(true);
    const finished = run.trace.find((r) => r.kind === 'run.finished');
    expect(finished && 'status' in finished ? finished.status : null).toBe('stopped');
    const ends = run.trace.filter((r) => r.kind === 'step.finished' && r.step === 'answer');
    expect(ends.map((r) => ('status' in r ? r.status : null))).toEqual(['done', 'done', 'cancelled']);
  });

  it('leaves the run defaults and the console as they were and gives the next run no trace of itself', async () => {
    const runtime = await loadNodePython();
    const before = { clock: 'virtual' as const, seed: 7 };
    setRunDefaults(before);
    const log = console.log;
    expect(await warmUpRunner({ ready: Promise.resolve(runtime) })).toBe(2);
    expect(console.log).toBe(log);
    const after = setRunDefaults({});
    expect(after).toEqual(before);
    const next = await runPython(`${WARM_UP_SOURCE.replace('result = await WarmUp(timeout=60).run()', '')}
class Probe(Workflow):
    @step
    async def look(self, ev: StartEvent) -> StopEvent:
        return StopEvent(result=sorted(n for n in globals() if n in ("result", "answers")))

print(await Probe().run())
`);
    expect(next.error).toBeUndefined();
    expect(next.lines).toContain('[]');
    expect(next.trace.every((r) => r.runId !== 'warm-up')).toBe(true);
    expect(next.trace[0]?.runId).toMatch(/^run-\d+$/);
  });

  it('a run already waiting for the runner skips the rounds not yet begun', async () => {
    const runtime = await loadNodePython();
    expect(await warmUpRunner({ ready: Promise.resolve(runtime) }, () => true)).toBe(0);
    let asked = 0;
    expect(await warmUpRunner({ ready: Promise.resolve(runtime) }, () => asked++ > 0)).toBe(1);
  });

  it('a Python that could not start makes the warm-up end quietly (the run that needs Python says why)', async () => {
    await expect(warmUpRunner({ ready: Promise.reject(new Error('no Python here')) })).resolves.toBe(0);
  });
});
