/**
 * The error-step exercise's second run in Python: the passing run is forked as the page forks it
 * (the StartEvent gets another text), and the Python step must see the new text. The solution passes
 * both runs; the original text typed into the error step passes the first and fails the second.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { forkInputs } from '../../../src/engine/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { exerciseByKey } from '../../../src/tutorial/index.ts';
import { recheckFork } from '../../../src/tutorial/recheck.ts';
import { runPython } from '../python/runPython.ts';

const SOLUTION = readFileSync(new URL('../../../src/tutorial/examples/retries-and-error-steps/translate-fallback.py', import.meta.url), 'utf8');
const exercise = exerciseByKey('retries-and-error-steps/error-step')!.exercise;
const firstRun = (trace: readonly TraceRecord[]) => trace.filter((r) => r.runId === trace[0]?.runId);

async function bothRuns(source: string) {
  const first = firstRun((await runPython(source, { seed: 0 })).trace);
  const firstResult = exercise.check(first, undefined, 'python');
  const fork = recheckFork(exercise, first, firstResult);
  if (fork === null) return { firstResult, secondResult: null };
  const second = firstRun((await runPython(source, { seed: 0, replay: forkInputs(first, fork) })).trace);
  return { firstResult, secondResult: exercise.check(second, undefined, 'python') };
}

test('the Python solution passes its first run and the second, with the other text', { timeout: 120_000 }, async () => {
  const { firstResult, secondResult } = await bothRuns(SOLUTION);
  expect(firstResult).toMatchObject({ passed: true });
  expect(secondResult).toMatchObject({ passed: true, message: 'translate failed 3 times; untranslated took over and ended the run with the original text, also when the same code ran again with the text "Boa noite".' });
});

test('the original text typed into the Python error step passes one run and fails the second', { timeout: 120_000 }, async () => {
  const typedIn = SOLUTION.replace('StopEvent(result=ev.input_event.text)', 'StopEvent(result="Bom dia")');
  expect(typedIn).not.toBe(SOLUTION);
  const { firstResult, secondResult } = await bothRuns(typedIn);
  expect(firstResult).toMatchObject({ passed: true });
  expect(secondResult).toMatchObject({ passed: false, message: expect.stringMatching(/^The run ended with "Bom dia"; the exercise wants the original text, "Boa noite"\./) });
});
