/**
 * The warm-up a Python runner runs before it says hello: it must really run (a failure would be
 * swallowed and only cost speed), and it must leave nothing the user's first run can tell apart.
 */
import { describe, expect, it } from 'vitest';
import { setRunDefaults } from '../../../src/engine/index.ts';
import { loadNodePython } from '../../../src/node/loadNodePython.ts';
import { WARM_UP_SOURCE, warmUpPython } from '../../../src/worker/pythonWarmUp.ts';
import { runPython } from './runPython.ts';

describe('Python warm-up', { timeout: 180_000 }, () => {
  it('runs its workflow to the end: three answers collected and the StopEvent returned', async () => {
    const run = await runPython(WARM_UP_SOURCE);
    expect(run.error).toBeUndefined();
    expect(run.lines.some((line) => line.startsWith("3 answers {'result': \"Query(query='Query "))).toBe(true);
    const finished = run.trace.find((r) => r.kind === 'run.finished');
    expect(finished && 'status' in finished ? finished.status : null).toBe('stopped');
  });

  it('leaves the run defaults as they were and gives the next run no trace of itself', async () => {
    const runtime = await loadNodePython();
    const before = { clock: 'virtual' as const, seed: 7 };
    setRunDefaults(before);
    await warmUpPython(runtime);
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
  });
});
