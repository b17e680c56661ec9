/**
 * What a failing check says is product surface: it must name what the run did, in the run's own
 * terms (steps, event types, counts, times). Pinned here for seed 0.
 */
import { describe, expect, test } from 'vitest';
import { exerciseByKey } from '../../../src/tutorial/index.ts';
import { driveSource, readSrc } from './driveSource.ts';

async function checkStart(key: string, source?: string) {
  const { exercise } = exerciseByKey(key)!;
  const run = await driveSource(readSrc(source ?? exercise.start), { seed: 0, answers: exercise.answers });
  return exercise.check(run.trace, run.compiled.graph);
}

describe('failing checks explain what they saw', () => {
  test.each([
    ['collect-one-type/wait-for-all', 'stepThree stopped the run after collecting 1 of 3 StepThreeEvent.'],
    ['concurrency/two-at-once', '3 stepTwo invocations ran at the same time (at 0s); the limit is 2.'],
    ['map-reduce/count-in-context', 'stepThree stopped the run after 3 of the 4 StepThreeEvent the run produced.'],
    ['fan-out-fan-in/gather-the-batch', 'total stopped the run when called with 1 of the 4 Done events; declare its parameter as an array to get them all.'],
    ['branches-and-loops/three-rounds', 'write ran 2 times before the run stopped; the exercise wants 3 rounds.'],
    ['streaming/per-section', 'write published 1 ProgressEvent; the exercise wants exactly one for each of its 3 sections.'],
    ['human-in-the-loop/confirm', 'The run asked 1 question and stopped; the exercise wants a confirmation question too.'],
    ['when-things-go-wrong/retry', 'The run failed with Error "Service unavailable (attempt 1)" from fetchPage on its first attempt, with no retry.'],
  ])('%s', async (key, message) => {
    expect(await checkStart(key)).toMatchObject({ passed: false, message });
  });

  test('a timeout shows the engine\'s own message, with what the collect still waits for', async () => {
    const result = await checkStart('when-things-go-wrong/never-completes');
    expect(result.passed).toBe(false);
    expect(result.message).toContain('stepThree is waiting for 1 more StepThreeEvent (3 of 4 collected)');
  });

  test('taking the quick path by editing the condition instead of the input does not pass', async () => {
    const edited = readSrc('tutorial/examples/branches-and-loops/revise.ts').replace('if (ev.quick) {', 'if (true) {');
    expect(edited).toContain('if (true) {');
    const { exercise } = exerciseByKey('branches-and-loops/quick-path')!;
    const run = await driveSource(edited, { seed: 0 });
    expect(exercise.check(run.trace)).toMatchObject({ passed: false, message: expect.stringContaining('change the run\'s input, not the condition') });
  });

  test('raising the timeout does not count as making the run faster', async () => {
    const slow = readSrc('tutorial/examples/when-things-go-wrong/too-slow.ts').replace('timeout: 6', 'timeout: 60');
    const { exercise } = exerciseByKey('when-things-go-wrong/too-slow')!;
    const run = await driveSource(slow, { seed: 0 });
    expect(exercise.check(run.trace)).toMatchObject({ passed: false, message: 'The run stopped, but its timeout is 60 seconds; keep it at 6.' });
  });

  test('checks judge the run, not the text: a different correct solution passes too', async () => {
    // Waits with Array(3).fill instead of a literal list, and prints nothing.
    const other = readSrc('examples/concurrency/collect.ts').replace('[StepThreeEvent, StepThreeEvent, StepThreeEvent]', 'Array(3).fill(StepThreeEvent)');
    const { exercise } = exerciseByKey('collect-one-type/wait-for-all')!;
    const run = await driveSource(other, { seed: 5 });
    expect(exercise.check(run.trace).passed).toBe(true);
  });

  test('an unfinished run (empty trace) is reported as such, not as a pass', () => {
    const { exercise } = exerciseByKey('concurrency/who-wins')!;
    expect(exercise.check([])).toEqual({ passed: false, message: 'The run has not finished yet: run the code and let it end.' });
  });

  test('exploring: which query won and what was cancelled', async () => {
    const result = await checkStart('concurrency/who-wins');
    expect(result).toMatchObject({ passed: true });
    expect(result.message).toMatch(/^Query \d finished first, at \ds, and stopped the run\. Query \d and Query \d were cancelled\.$/);
  });
});
