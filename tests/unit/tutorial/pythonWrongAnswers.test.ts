/**
 * The Python exercises do not pass too easily either: a hard-coded result, work cut short or a change
 * the task forbids fails the same trace check the Python solution passes, and says why in Python's
 * names. Each wrong answer is the chapter's own Python file with one edit, run as the exercise runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analysePython } from '../../../src/compiler/python/index.ts';
import { exerciseByKey, pythonPathOf } from '../../../src/tutorial/index.ts';
import { runPython } from '../python/runPython.ts';

const SEEDS = [0, 1, 2, 3];

function exercise(key: string) {
  const found = exerciseByKey(key);
  if (!found) throw new Error(`no exercise ${key}`);
  return found.exercise;
}

/** The Python variant of `path` with each `[from, to]` replaced once; a missing `from` throws. */
function edited(path: string, ...edits: [string | RegExp, string][]): string {
  let source = readFileSync(new URL(`../../../src/${pythonPathOf(path)}`, import.meta.url), 'utf8');
  for (const [from, to] of edits) {
    const next = source.replace(from, to);
    if (next === source) throw new Error(`${String(from)} is not in ${pythonPathOf(path)}`);
    source = next;
  }
  return source;
}

async function verdict(key: string, source: string, seed: number, answers?: readonly string[]) {
  const ex = exercise(key);
  const run = await runPython(source, { seed, input: ex.input, answers: answers ?? ex.answers });
  return ex.check(run.trace, analysePython(source).graph, 'python');
}

describe('Python wrong answers fail', { timeout: 240_000 }, () => {
  test('fan-out: a hard-coded total after the first count fails', async () => {
    const key = 'fan-out-fan-in/gather-the-batch';
    const cheat = edited(exercise(key).start, ['return StopEvent(result=ev.words)', 'return StopEvent(result=17)']);
    for (const seed of SEEDS) {
      expect(await verdict(key, cheat, seed)).toMatchObject({
        passed: false,
        message: 'total stopped the run when called with 1 of the 4 Done events; collect them all with ctx.collect_events(ev, [Done] * 4).',
      });
    }
  });

  test('fan-out: a collect that waits for a fixed three of the four counts fails', async () => {
    const key = 'fan-out-fan-in/gather-the-batch';
    const cheat = edited(exercise(key).solution, ['[Done] * chunks', '[Done] * 3']);
    const result = await verdict(key, cheat, 0);
    expect(result).toMatchObject({ passed: false, message: expect.stringContaining('with 3 of the 4 Done events') });
  });

  test('human in the loop: greeting without asking, or greeting after a no, fails', async () => {
    const key = 'human-in-the-loop/confirm';
    const solution = exercise(key).solution;
    const noQuestion = edited(solution, ['-> InputRequiredEvent:\n        return InputRequiredEvent(prefix="What is your name? ")', '-> StopEvent:\n        return StopEvent(result="Hello, Ada!")']);
    expect(await verdict(key, noQuestion, 0)).toMatchObject({ passed: false, message: 'The run asked 0 questions and stopped; the exercise wants a confirmation question too.' });
    const greetsAnyway = edited(solution, ['if ev.response.strip().lower().startswith("y"):', 'if True:']);
    expect(await verdict(key, greetsAnyway, 0, ['Ada', 'no'])).toMatchObject({ passed: false, message: expect.stringContaining('it should greet only after a yes') });
    expect(await verdict(key, edited(solution), 0, ['Ada', 'no', 'Grace', 'yes'])).toMatchObject({ passed: true, message: expect.stringContaining('greeted Grace') });
  });

  test('when things go wrong: a service that never fails is not a retry', async () => {
    const key = 'when-things-go-wrong/retry';
    const neverFails = edited(exercise(key).start, ['if attempt < 3:', 'if attempt < 1:']);
    expect(await verdict(key, neverFails, 0)).toMatchObject({ passed: false, message: 'The run stopped without retrying anything: this exercise is about a retry policy.' });
    expect(await verdict(key, edited(exercise(key).start), 0)).toMatchObject({
      passed: false,
      message: 'The run failed with ConnectionError "Service unavailable (attempt 1)" from fetch_page on its first attempt, with no retry.',
    });
  });

  test('when things go wrong: stopping at the first result instead of collecting fails', async () => {
    const key = 'when-things-go-wrong/never-completes';
    const first = edited(exercise(key).start, ['results = ctx.collect_events(ev, [StepThreeEvent] * 4)', 'results = [ev]']);
    const result = await verdict(key, first, 0);
    expect(result).toMatchObject({ passed: false, message: 'step_three stopped the run with 1 of the 3 results: collect one StepThreeEvent for each query with collect_events.' });
    const timedOut = await verdict(key, edited(exercise(key).start), 0);
    expect(timedOut.message).toContain('step_three is waiting for 1 more StepThreeEvent (3 of 4 collected)');
  });

  test('when things go wrong: two workers, a raised timeout or work cut short fail', async () => {
    const key = 'when-things-go-wrong/too-slow';
    const start = exercise(key).start;
    for (const seed of SEEDS) {
      const result = await verdict(key, edited(start, ['num_workers=1', 'num_workers=2']), seed);
      expect(result.passed, `seed ${seed}: ${result.message}`).toBe(false);
    }
    expect(await verdict(key, edited(start, ['timeout=6', 'timeout=60']), 0)).toMatchObject({ passed: false, message: 'The run stopped, but its timeout is 60 seconds; keep it at 6.' });
    const quick = await verdict(key, edited(start, ['num_workers=1', 'num_workers=4'], ['random.randint(2, 4)', '1']), 0);
    expect(quick).toMatchObject({ passed: false, message: expect.stringContaining('must still take its 2 to 4 seconds') });
  });

  test('retries: the starting code fails on its last attempt, a service that is never busy and equal waits fail', async () => {
    const key = 'retries-and-error-steps/backoff';
    const start = exercise(key).start;
    expect(await verdict(key, edited(start), 0)).toMatchObject({ passed: false, message: 'The run failed with ServiceBusy "Busy (attempt 4, 4.5s in)" from fetch_forecast on attempt 4, its last.' });
    const neverBusy = await verdict(key, edited(exercise(key).solution, ['BUSY_FOR = 6', 'BUSY_FOR = 0']), 0);
    expect(neverBusy).toMatchObject({ passed: false, message: expect.stringContaining('fetch_forecast got through after 0 waits') });
    const longFixed = await verdict(key, edited(start, ['wait_fixed(1)', 'wait_fixed(3)']), 0);
    expect(longFixed).toMatchObject({ passed: false, message: 'The waits were 3s and 3s: wait 2 was not longer than the one before.' });
  });
});
