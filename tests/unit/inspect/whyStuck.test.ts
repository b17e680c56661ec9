import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { whyStuck } from '../../../src/inspect/whyStuck.ts';
import { exampleSource, runSource } from '../runSource.ts';

const tutorial = (path: string) => readFileSync(new URL(`../../../src/tutorial/examples/${path}`, import.meta.url), 'utf8');

describe('why is it stuck?', { timeout: 30_000 }, () => {
  test('a collect that can never complete: what it waits for, and that nothing can send it', async () => {
    const { trace } = await runSource(tutorial('when-things-go-wrong/never-completes.ts'));
    const end = trace.findIndex((r) => r.kind === 'run.finished');
    // Just before the timeout: every StepThreeEvent sent has been collected.
    const waits = whyStuck(trace, end);
    expect(waits).toEqual([
      expect.objectContaining({ kind: 'collect', step: 'stepThree', what: 'stepThree waits for 1 more StepThreeEvent (3 of 4 collected)', missing: ['StepThreeEvent'], producers: [], verdict: 'nothing can: this will time out at 10s', stuck: true }),
    ]);
    // Earlier, while queries still sleep, stepTwo could still produce them.
    const early = trace.findIndex((r) => r.kind === 'collect.progress') + 1;
    expect(whyStuck(trace, early)[0]).toMatchObject({ stuck: false, producers: [{ step: 'stepTwo', how: 'running, queued or waiting now' }] });
  });

  test('a finished run waits on nothing; a queue held by numWorkers and a question are listed', async () => {
    const done = await runSource(exampleSource('concurrency/map-reduce.ts'));
    expect(whyStuck(done.trace)).toEqual([]);
    const busy = await runSource(exampleSource('concurrency/map-reduce.ts').replace('numWorkers: 4', 'numWorkers: 1'));
    const firstStart = busy.trace.findIndex((r) => r.kind === 'step.started' && r.step === 'stepTwo') + 1;
    expect(whyStuck(busy.trace, firstStart)).toContainEqual(expect.objectContaining({ kind: 'queue', step: 'stepTwo', what: '3 invocations of stepTwo queued: all 1 of its workers (numWorkers: 1) are busy', stuck: false }));
    const asking = await runSource(tutorial('human-in-the-loop/ask-name.ts'), { answers: [] });
    const asked = asking.trace.findIndex((r) => r.kind === 'stream.published') + 1;
    expect(whyStuck(asking.trace, asked)).toEqual([expect.objectContaining({ kind: 'question', what: 'the run waits for an answer to "What is your name?"', verdict: 'an answer from outside (you) can', stuck: false })]);
  });
});

describe('why is it stuck? with events on their way', { timeout: 30_000 }, () => {
  test('a collect whose missing events are already delivered to it is not stuck', async () => {
    const source = tutorial('when-things-go-wrong/never-completes.ts').replace('await sleep(randint(1, 5));', 'await sleep(1);');
    const { trace } = await runSource(source);
    // All three queries finish together: at the first collect the other two are on their way.
    const first = trace.findIndex((r) => r.kind === 'collect.progress') + 1;
    expect(whyStuck(trace, first)[0]).toMatchObject({ what: 'stepThree waits for 3 more StepThreeEvent (1 of 4 collected)', verdict: '2 already delivered to stepThree are on the way', stuck: false });
  });
});
