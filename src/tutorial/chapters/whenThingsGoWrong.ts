import { fail, pass } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { codeName } from '../codeNames.ts';
import { collectedByStopper, describeEnd, emittedOfType, isStep, ofKind, plural, runFinished, waitedForWorker } from '../traceFacts.ts';
import type { TraceRecord } from '../../engine/index.ts';

/** Every exercise of this chapter ends in a stopped run; on failure the run's own message says why. */
function stoppedAfterAll(trace: readonly TraceRecord[], extra: (trace: readonly TraceRecord[]) => string | null) {
  const end = runFinished(trace);
  if (end?.status !== 'stopped') return fail(describeEnd(trace));
  const problem = extra(trace);
  return problem === null ? pass(describeEnd(trace)) : fail(problem);
}

export const whenThingsGoWrong: Chapter = {
  id: 'when-things-go-wrong',
  title: 'When things go wrong',
  text: prose`Runs fail in a few distinct ways, and the status next to the Run button says which.

**A step ${alt('throws', 'raises')}.** The run fails with that very ${alt('error', 'exception')} (status \`failed\`), every other running step
is cancelled, and the graph marks the step that ${alt('threw', 'raised')}. ${alt('Awaiting `w.run()` rethrows the error.', '`await w.run()` raises it again.')}

**Retries.** Flaky work, such as a network call, can be retried:
${alt(`\`@step({ retry: { maxAttempts: 3, delay: 1 } })\` runs the step up to three times in all, waiting one
second between attempts (\`backoff: 2\` doubles each wait).`, `\`@step(retry_policy=ConstantDelayRetryPolicy(maximum_attempts=3, delay=1))\` runs the step up to
three times in all, waiting one second between attempts (\`ExponentialBackoffRetryPolicy\` makes each
wait longer). Both come from \`llama_index.core.workflow.retry_policy\`.`)} Only when the last attempt ${alt('throws', 'raises')} does the
run fail. The timeline shows each attempt; state ${alt('set with `ctx.set`', 'kept with `ctx.store.set`')} survives between them, which is
how the example counts its attempts.

**Timeouts.** ${code('new Flow({ timeout: 10 })', 'Flow(timeout=10)')} gives the whole run ten seconds. When they pass, the run
ends with status \`timeout\` and a message naming the steps still active. Make the work faster (more
workers, shorter waits) or allow more time; ${code('timeout: null', 'timeout=None')} removes the limit.

**A collect that never completes.** When a step waits in ${code('collectEvents')} for more events than will
ever come, nothing fails: the run just waits until its timeout. The message says what it was still
waiting for, for example ${code('stepThree is waiting for 1 more StepThreeEvent (3 of 4 collected)')},
which usually points straight at a wrong count.

Run the example to see a failure, then fix each exercise.`,
  example: 'tutorial/examples/when-things-go-wrong/flaky.ts',
  exampleRun: { expectedStatus: 'failed' },
  exercises: [
    {
      id: 'retry',
      title: 'Retry the flaky step',
      task: prose`${code('fetchPage')} fails twice before it succeeds. Give it a retry policy so the run stops with the page title.`,
      start: 'tutorial/examples/when-things-go-wrong/flaky.ts',
      solution: 'tutorial/examples/when-things-go-wrong/flaky-retry.ts',
      hint: alt(
        'Pass `{ retry: { maxAttempts: 3, delay: 1 } }` to the `@step` decorator of `fetchPage`.',
        'Decorate `fetch_page` with `@step(retry_policy=ConstantDelayRetryPolicy(maximum_attempts=3, delay=1))`, imported from `llama_index.core.workflow.retry_policy`.',
      ),
      check: (trace) =>
        stoppedAfterAll(trace, (t) => {
          const retried = ofKind(t, 'step.failed').filter((r) => r.willRetry);
          return retried.length > 0 ? null : 'The run stopped without retrying anything: this exercise is about a retry policy.';
        }),
    },
    {
      id: 'never-completes',
      title: 'A collect that never completes',
      task: 'This run always times out. Read the timeout message and fix the code so the run stops.',
      start: 'tutorial/examples/when-things-go-wrong/never-completes.ts',
      solution: 'tutorial/examples/when-things-go-wrong/never-completes-fixed.ts',
      hint: prose`Count the StepThreeEvents that are sent, and the entries of the list given to ${code('collectEvents')}.`,
      check: (trace, _graph, lang = 'typescript') =>
        stoppedAfterAll(trace, (t) => {
          const leftover = ofKind(t, 'collect.leftover');
          if (leftover.length > 0) return `The run stopped, but ${leftover[0]!.step} left ${plural(leftover[0]!.events.length, 'event')} uncollected.`;
          // Stopping at the first result, with or without a collect, is not the fix: all three must be gathered.
          const queries = emittedOfType(t, 'StepTwoEvent').length;
          const got = collectedByStopper(t, 'StepThreeEvent');
          if (got === null || got.count < queries) {
            return `${got?.step ?? 'A step'} stopped the run with ${got?.count ?? 0} of the ${queries} results: collect one StepThreeEvent for each query with ${codeName(lang, 'collectEvents')}.`;
          }
          return null;
        }),
    },
    {
      id: 'too-slow',
      title: 'Finish within the timeout',
      task: 'Writing four chapters one after another takes longer than the 6-second timeout. Make the run finish in time without changing the timeout.',
      start: 'tutorial/examples/when-things-go-wrong/too-slow.ts',
      solution: 'tutorial/examples/when-things-go-wrong/too-slow-fixed.ts',
      hint: prose`${code('writeChapter')} has ${code('numWorkers: 1', 'num_workers=1')}. What if several chapters were written at once?`,
      check: (trace) =>
        stoppedAfterAll(trace, (t) => {
          const timeout = ofKind(t, 'run.started')[0]?.timeout;
          if (timeout !== 6) return `The run stopped, but its timeout is ${timeout === null ? 'off' : `${timeout ?? '?'} seconds`}; keep it at 6.`;
          // One seed's lucky delays must not pass: the run fits in 6 seconds for every seed only when
          // no chapter waits for another (each takes up to 4), and the chapters still take their time.
          const written = ofKind(t, 'step.finished').filter((r) => isStep(r.step, 'writeChapter') && r.status === 'done');
          const started = new Map(ofKind(t, 'step.started').filter((r) => isStep(r.step, 'writeChapter')).map((r) => [r.invocation, r.t]));
          const quickest = Math.min(...written.map((r) => r.t - (started.get(r.invocation) ?? r.t)));
          if (written.length < 4) return `The run stopped with ${plural(written.length, 'chapter')} written; the book has four.`;
          if (quickest < 2000) return `A chapter was written in ${(quickest / 1000).toFixed(2)} seconds; the work must still take its 2 to 4 seconds. Write the chapters side by side instead.`;
          const waited = waitedForWorker(t, 'writeChapter');
          if (waited > 0) {
            return `The run fitted this time, but ${plural(waited, 'chapter')} waited for a free worker: with other seeds the chapters take up to 4 seconds each and the run times out. Let every chapter start at once.`;
          }
          return null;
        }),
    },
  ],
};
