/**
 * The retries chapter's checks judge what the retry policy and the error step did, from the trace:
 * plausible wrong answers fail with a message about that, other right answers pass, for several seeds
 * where the waits are random.
 */
import { describe, expect, test } from 'vitest';
import { exerciseByKey } from '../../../src/tutorial/index.ts';
import { isRecheckRun, recheckFork } from '../../../src/tutorial/recheck.ts';
import { checkedRun, driveSource, editedSource, exerciseVerdict as verdict, readSrc } from './driveSource.ts';

const DIR = 'tutorial/examples/retries-and-error-steps';

const edited = (path: string, ...edits: [string, string][]) => editedSource(`${DIR}/${path}`, ...edits);

describe('back off', () => {
  const key = 'retries-and-error-steps/backoff';

  test('the starting code fails on its fourth attempt, still too early', async () => {
    expect(await verdict(key, readSrc(`${DIR}/fixed-wait.ts`))).toMatchObject({
      passed: false,
      message: 'The run failed with ServiceBusy "Busy (attempt 4, 4.5s in)" from fetchForecast on attempt 4, its last.',
    });
  });

  test('the solution waits 2s, then 4s, and gets through on the third attempt', async () => {
    expect(await verdict(key, readSrc(`${DIR}/backoff.ts`))).toMatchObject({ passed: true, message: 'fetchForecast got through on attempt 3, after waiting 2s and 4s.' });
  });

  test('longer fixed waits get through, but without backing off', async () => {
    const source = edited('fixed-wait.ts', ['waitFixed(1)', 'waitFixed(3)']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: 'The waits were 3s and 3s: wait 2 was not longer than the one before.' });
  });

  test('more attempts one second apart get through, but take more than four', async () => {
    const source = edited('fixed-wait.ts', ['stopAfterAttempt(4)', 'stopAfterAttempt(10)']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: 'fetchForecast took 5 attempts; the exercise allows at most 4.' });
  });

  test('making the service answer at once is not backing off', async () => {
    const source = edited('fixed-wait.ts', ['const BUSY_FOR = 6;', 'const BUSY_FOR = 0;']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^fetchForecast got through after 0 waits \(none\)/) });
  });

  test('other growing waits pass: incrementing, and jittered backoff for every seed', async () => {
    const incrementing = edited('fixed-wait.ts', ['waitFixed(1)', 'waitIncrementing({ start: 1, increment: 2 })'], ['stopAfterAttempt, waitFixed }', 'stopAfterAttempt, waitIncrementing }']);
    expect(await verdict(key, incrementing)).toMatchObject({ passed: true, message: 'fetchForecast got through on attempt 3, after waiting 3s and 5s.' });
    const jitter = edited('fixed-wait.ts', ['waitFixed(1)', 'waitExponentialJitter({ initial: 1, jitter: 1 })'], ['stopAfterAttempt, waitFixed }', 'stopAfterAttempt, waitExponentialJitter }']);
    const messages = new Set<string>();
    for (const seed of [0, 1, 2, 3, 4, 5]) {
      const result = await verdict(key, jitter, seed);
      expect(result, `seed ${seed}`).toMatchObject({ passed: true });
      messages.add(result.message);
    }
    // The jitter is drawn from the seed: different seeds wait differently.
    expect(messages.size).toBeGreaterThan(1);
  });
});

describe('an error step for translate', () => {
  const key = 'retries-and-error-steps/error-step';

  test('catching the error inside the step is not an error step', async () => {
    const source = edited(
      'translate.ts',
      ['    await sleep(0.5);\n    throw new Error', '    await sleep(0.5);\n    try {\n      throw new Error'],
      ['"${ev.text}"`);\n', '"${ev.text}"`);\n    } catch {\n      return new TranslatedEvent({ text: ev.text });\n    }\n'],
    );
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^translate never failed for good/) });
  });

  test('an error step without the retries does not pass', async () => {
    const source = edited('translate-fallback.ts', ['@step({ retryPolicy: retryPolicy({ wait: waitFixed(1), stop: stopAfterAttempt(3) }) })', '@step()']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: "untranslated took over after 1 attempt; keep translate's retry policy of 3 attempts." });
  });

  test('an error step that ends with something else than the original text does not pass', async () => {
    const source = edited('translate-fallback.ts', ['return new StopEvent({ result: original.text });', 'return new StopEvent({ result: String(ev.exception) });']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^The run ended with "Error: Translation service unavailable for \\"Bom dia\\""; the exercise wants the original text, "Bom dia"\.$/) });
  });

  test('a handler for every step passes as well', async () => {
    const source = edited('translate-fallback.ts', ['@catchError({ forSteps: ["translate"] })', '@catchError()']);
    expect(await verdict(key, source)).toMatchObject({ passed: true, message: 'translate failed 3 times; untranslated took over and ended the run with the original text, also when the same code ran again with the text "Boa noite".' });
  });

  test('the original text typed into the error step passes one run, and the second run, with another text, catches it', async () => {
    const source = edited('translate-fallback.ts', ['return new StopEvent({ result: original.text });', 'return new StopEvent({ result: "Bom dia" });']);
    const exercise = exerciseByKey(key)!.exercise;
    const first = await driveSource(source, { seed: 0 });
    expect(exercise.check(first.trace)).toMatchObject({ passed: true });
    expect(await verdict(key, source)).toEqual(
      expect.objectContaining({
        passed: false,
        message: 'The run ended with "Bom dia"; the exercise wants the original text, "Boa noite". This was the check\'s second run, with other input: take the text from the event translate was handling, not from the code.',
      }),
    );
  });

  test('the solution passes both runs, and the second one started with the other text', async () => {
    const { run, result } = await checkedRun(exerciseByKey(key)!.exercise, readSrc(`${DIR}/translate-fallback.ts`));
    expect(result).toMatchObject({ passed: true, message: 'translate failed 3 times; untranslated took over and ended the run with the original text, also when the same code ran again with the text "Boa noite".' });
    expect(run.trace.find((r) => r.kind === 'run.finished')).toMatchObject({ result: 'Boa noite' });
  });

  test('a second run is made only of a first run that passed, and never of the second run itself', async () => {
    const exercise = exerciseByKey(key)!.exercise;
    const first = await driveSource(readSrc(`${DIR}/translate-fallback.ts`), { seed: 0 });
    const passed = exercise.check(first.trace);
    const fork = recheckFork(exercise, first.trace, passed);
    expect(fork).toEqual({ change: 'fields', event: 1, fields: { text: 'Boa noite' } });
    expect(recheckFork(exercise, first.trace, { ...passed, passed: false })).toBeNull();
    const { run } = await checkedRun(exercise, readSrc(`${DIR}/translate-fallback.ts`));
    expect(isRecheckRun(exercise, run.trace)).toBe(true);
    expect(recheckFork(exercise, run.trace, passed)).toBeNull();
  });
});

describe('retry only what can get better', () => {
  const key = 'retries-and-error-steps/retry-what-helps';

  test('the starting code retries the unknown city', async () => {
    expect(await verdict(key, readSrc(`${DIR}/three-cities.ts`))).toMatchObject({ passed: false, message: 'lookup retried UnknownCity 3 times: asking again will not make the city exist.' });
  });

  test('retrying nothing leaves the busy lookups without a forecast', async () => {
    const source = edited('three-cities.ts', ['retryPolicy({ wait', 'retryPolicy({ retry: retryNever(), wait'], ['catchError, retryPolicy,', 'catchError, retryNever, retryPolicy,']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^lookup never retried ServiceBusy/) });
  });

  test('excluding UnknownCity passes as well as naming ServiceBusy', async () => {
    const source = edited('three-cities.ts', ['retryPolicy({ wait', 'retryPolicy({ retry: retryIfNotExceptionType(UnknownCity), wait'], ['catchError, retryPolicy,', 'catchError, retryIfNotExceptionType, retryPolicy,']);
    expect(await verdict(key, source)).toMatchObject({ passed: true, message: 'lookup retried ServiceBusy 2 times and handed UnknownCity to the error step on its first attempt.' });
  });
});
