import { fail, pass, unlessStopped } from '../checkResult.ts';
import { failuresOf, mostAttempts, retryWaits, stopLineage, waitsInWords } from '../failureFacts.ts';
import { codeName } from '../codeNames.ts';
import { forkedFields } from '../recheck.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { emittedOfType, eventField, isStep, plural, runFinished, thrown } from '../traceFacts.ts';
import type { StepFailedRecord } from '../../engine/index.ts';

/** One failed attempt in words, for the details under a verdict. */
function attemptLine(r: StepFailedRecord): string {
  const next = r.willRetry ? `retried after ${r.retryDelay ?? 0}s` : r.caughtBy ? `handed to ${r.caughtBy}` : 'the run failed';
  return `${r.step} attempt ${r.attempt} failed with ${thrown(r.error).name}: ${next}`;
}

export const retriesAndErrorSteps: Chapter = {
  id: 'retries-and-error-steps',
  title: 'Retry policies and error steps',
  text: prose`A retry policy, given as ${alt('`@step({ retryPolicy: retryPolicy({ retry, wait, stop }) })`', '`@step(retry_policy=retry_policy(retry=..., wait=..., stop=...))` with the pieces from `workflows.retry_policy`')}, answers
three questions each time the step ${alt('throws', 'raises')}:

- **Retry this error?** ${code('retryIfExceptionType(ServiceBusy)')} retries that class only; by default every
  ${alt('error', 'exception')} is retried. Conditions combine with ${alt('`.or()` and `.and()`', '`|` and `&`')}.
- **How long to wait?** ${code('waitFixed(2)')} waits two seconds every time; ${code('waitExponential({ multiplier: 1, max: 10 })', 'wait_exponential(multiplier=1, max=10)')}
  waits 2, 4, 8, then 10 seconds. Waits with jitter draw from the run's seed, so a seed
  replays the same waits.
- **When to give up?** ${code('stopAfterAttempt(5)')} allows five attempts in all; ${code('stopAfterDelay(30)')} gives
  up once 30 seconds have passed since the first.

Waits run on the run's clock: on the virtual clock they take no time, and the timeline shows every
attempt with the gap before the next. Inside the step, ${code('ctx.retryInfo()')} tells which retry this is
(${code('retryNumber')}, 0 on the first attempt), the seconds since the first attempt began
(${code('elapsedSeconds')}) and the ${alt('error', 'exception')} before (${code('lastException')}).

When the policy gives up, or the ${alt('error', 'exception')} is not one it retries, the step has failed for good and the
run fails with that ${alt('error', 'exception')}, unless an **error step** takes over. A method marked
${code('@catchError({ forSteps: ["fetchForecast"] })', '@catch_error(for_steps=["fetch_forecast"])')} receives a \`StepFailedEvent\` with ${code('stepName')},
${code('inputEvent')}, \`exception\` and \`attempts\`, and returns events like any step: a fallback result, or
an event that tries another way. Without ${code('forSteps')} it covers every step that no other handler names.
By default a handler recovers once along a chain of events (${code('maxRecoveries')}), so a fallback that
fails again cannot loop forever.

In the example the service is busy for six seconds; the third attempt gets through.`,
  example: 'tutorial/examples/retries-and-error-steps/forecast.ts',
  exercises: [
    {
      id: 'backoff',
      title: 'Back off',
      task: prose`The service is busy for its first 6 seconds, and four attempts one second apart all come too early. Keep at most 4 attempts, and make each wait longer than the one before, so that ${code('fetchForecast')} gets through.`,
      start: 'tutorial/examples/retries-and-error-steps/fixed-wait.ts',
      solution: 'tutorial/examples/retries-and-error-steps/backoff.ts',
      hint: prose`Replace ${code('waitFixed(1)')} with ${code('waitExponential({ multiplier: 1 })', 'wait_exponential(multiplier=1)')}, which waits 2s, then 4s, then 8s.`,
      check(trace, _graph, lang = 'typescript') {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const fetchForecast = codeName(lang, 'fetchForecast');
        const attempts = mostAttempts(trace, 'fetchForecast');
        const waits = retryWaits(trace, 'fetchForecast');
        const details = failuresOf(trace, 'fetchForecast').map(attemptLine);
        if (!stopLineage(trace).some((s) => isStep(s, 'fetchForecast'))) return fail(`The run stopped, but not with a forecast that ${fetchForecast} fetched.`, details);
        if (attempts > 4) return fail(`${fetchForecast} took ${attempts} attempts; the exercise allows at most 4.`, details);
        if (waits.length < 2) {
          return fail(`${fetchForecast} got through after ${plural(waits.length, 'wait')} (${waitsInWords(waits)}): with fewer than two waits there is no backoff to see. Keep the service busy for 6 seconds.`, details);
        }
        const shrinks = waits.findIndex((w, i) => i > 0 && w <= waits[i - 1]!);
        if (shrinks > 0) return fail(`The waits were ${waitsInWords(waits)}: wait ${shrinks + 1} was not longer than the one before.`, details);
        return pass(`${fetchForecast} got through on attempt ${attempts}, after waiting ${waitsInWords(waits)}.`, details);
      },
    },
    {
      id: 'error-step',
      title: 'An error step for translate',
      task: '`translate` fails on every attempt. Keep its retry policy, and add an error step that takes over once the retries are used up and ends the run with the original text, untranslated. A run that passes is checked once more with another text.',
      start: 'tutorial/examples/retries-and-error-steps/translate.ts',
      solution: 'tutorial/examples/retries-and-error-steps/translate-fallback.ts',
      hint: prose`Add a method marked ${code('@catchError({ forSteps: ["translate"] })', '@catch_error(for_steps=["translate"])')} that takes \`ev: StepFailedEvent\`; ${code('ev.inputEvent')} is the StartEvent translate was handling.`,
      recheck: { type: 'StartEvent', fields: { text: 'Boa noite' } },
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const failures = failuresOf(trace, 'translate');
        const details = failures.map(attemptLine);
        const final = failures.find((r) => !r.willRetry);
        if (final?.caughtBy === undefined) {
          return fail('translate never failed for good, so no error step took over: leave it failing and handle the failure in an error step.', details);
        }
        if (final.attempt < 3) return fail(`${final.caughtBy} took over after ${plural(final.attempt, 'attempt')}; keep translate's retry policy of 3 attempts.`, details);
        if (!stopLineage(trace).includes(final.caughtBy)) return fail(`The run stopped, but not with an event that came from ${final.caughtBy}.`, details);
        const start = emittedOfType(trace, 'StartEvent')[0];
        const text = start ? eventField(trace, start.event, 'text') : undefined;
        const result = runFinished(trace)?.result;
        // The second run (the recheck above) gave the StartEvent another text: a result typed into the
        // code shows up here as the first run's text.
        const again = forkedFields(trace, 'StartEvent') !== null;
        if (result !== text) {
          const why = again ? ` This was the check's second run, with other input: take the text from the event translate was handling, not from the code.` : '';
          return fail(`The run ended with ${JSON.stringify(result ?? null)}; the exercise wants the original text, ${JSON.stringify(text ?? null)}.${why}`, details);
        }
        const also = again ? `, also when the same code ran again with the text ${JSON.stringify(text)}` : '';
        return pass(`translate failed ${final.attempt} times; ${final.caughtBy} took over and ended the run with the original text${also}.`, details);
      },
    },
    {
      id: 'retry-what-helps',
      title: 'Retry only what can get better',
      task: 'A busy service answers when asked again; an unknown city never becomes known. Make `lookup` retry `ServiceBusy` only, so that Atlantis goes to the error step at once.',
      start: 'tutorial/examples/retries-and-error-steps/three-cities.ts',
      solution: 'tutorial/examples/retries-and-error-steps/retry-busy-only.ts',
      hint: prose`Give the policy a condition: ${code('retry: retryIfExceptionType(ServiceBusy)', 'retry=retry_if_exception_type(ServiceBusy)')}.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const failures = failuresOf(trace, 'lookup');
        const details = failures.map(attemptLine);
        const retried = (name: string) => failures.filter((r) => r.willRetry && thrown(r.error).name === name).length;
        const unknown = retried('UnknownCity');
        if (unknown > 0) return fail(`lookup retried UnknownCity ${plural(unknown, 'time')}: asking again will not make the city exist.`, details);
        const busy = retried('ServiceBusy');
        if (busy === 0) return fail('lookup never retried ServiceBusy, so the busy lookups got no forecast; a busy service is worth asking again.', details);
        const unknownCaught = failures.some((r) => thrown(r.error).name === 'UnknownCity' && r.caughtBy !== undefined);
        if (!unknownCaught) return fail('No UnknownCity failure reached the error step: keep the lookup of Atlantis in the run.', details);
        return pass(`lookup retried ServiceBusy ${plural(busy, 'time')} and handed UnknownCity to the error step on its first attempt.`, details);
      },
    },
  ],
};
