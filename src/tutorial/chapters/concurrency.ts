import { fail, pass, unlessStopped } from '../checkResult.ts';
import { codeName } from '../codeNames.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { eventField, listing, ofKind, peakConcurrency, plural, seconds, started, stoppingInvocation, waitedForWorker } from '../traceFacts.ts';

export const concurrency: Chapter = {
  id: 'concurrency',
  title: 'Running steps at the same time',
  text: prose`So far every step returned one event. ${code('ctx.sendEvent(ev)')} lets a step emit as many as it likes
while it runs: \`start\` below sends three \`StepTwoEvent\`s and returns ${code('null', 'None')}. Its return ${alt('type', 'annotation')}
still names \`StepTwoEvent\`, so the graph knows where the events go.

Each sent event starts its own invocation of ${code('stepTwo')}. How many may run at once is the step's
${code('numWorkers')} (default 4), set with ${code('@step({ numWorkers: 4 })', '@step(num_workers=4)')}. Here all three queries start at
the same moment, each on its own worker, and each sleeps for ${code('randint(1, 5)', 'random.randint(1, 5)')} seconds to stand in
for a slow call. ${alt('`sleep` and `randint` come from `flowplay`', '`asyncio.sleep` and `random` follow the run')}: with the virtual clock and a seed,
the same run happens every time.

Then the first query to finish returns a \`StopEvent\`, and **the first StopEvent ends the run**. The
run's result is that query; the other two invocations are cancelled on the spot (the graph marks
them, the trace records them as \`cancelled\`), and anything still queued is dropped. So the console
shows three "Running slow query" lines but only one result.

Try a few seeds: a different query wins when its random delay is the shortest. With equal delays the
one that started first wins.

Lower ${code('numWorkers')} and the extra events wait in the step's queue until a worker is free; the step
node shows how many are running and how many are queued. The next chapter shows how to wait for all
of the results instead of the first.`,
  example: 'examples/concurrency/parallel.ts',
  exercises: [
    {
      id: 'who-wins',
      title: 'Which query wins?',
      task: 'Run the example with a few different seeds and see which query stops the run, and what happens to the others.',
      start: 'examples/concurrency/parallel.ts',
      solution: 'examples/concurrency/parallel.ts',
      hint: 'Change the seed next to the Run button; the timeline shows each query\'s sleep.',
      exploring: true,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const winner = stoppingInvocation(trace);
        const queryOf = (invocation: number) => {
          const begun = ofKind(trace, 'step.started').find((r) => r.invocation === invocation);
          return begun ? String(eventField(trace, begun.events[0]!, 'query') ?? `invocation ${invocation}`) : `invocation ${invocation}`;
        };
        const cancelled = ofKind(trace, 'step.finished').filter((r) => r.status === 'cancelled').map((r) => queryOf(r.invocation));
        if (winner === null) return fail('The run stopped, but not by a StopEvent that a step returned.');
        const others = cancelled.length > 0 ? ` ${listing(cancelled)} ${cancelled.length === 1 ? 'was' : 'were'} cancelled.` : ' Nothing else was running.';
        return pass(`${queryOf(winner.invocation)} finished first, at ${seconds(winner.t)}, and stopped the run.${others}`);
      },
    },
    {
      id: 'two-at-once',
      title: 'At most two queries at once',
      task: 'Let at most 2 queries run at the same time. The third must wait for a free worker.',
      start: 'examples/concurrency/parallel.ts',
      solution: 'tutorial/examples/concurrency/two-workers.ts',
      hint: prose`The limit is an option of the \`@step(...)\` decorator on ${code('stepTwo')}.`,
      check(trace, _graph, lang = 'typescript') {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const stepTwo = codeName(lang, 'stepTwo');
        const { peak, t } = peakConcurrency(trace, 'stepTwo');
        const queued = waitedForWorker(trace, 'stepTwo');
        const details = [`${stepTwo} started ${plural(started(trace, 'stepTwo').length, 'time')}`, `${queued} waited in the queue`];
        if (peak > 2) return fail(`${peak} ${stepTwo} invocations ran at the same time (at ${seconds(t)}); the limit is 2.`, details);
        if (peak < 2) return fail(`Only one ${stepTwo} ran at a time: the queries ran one after another. Allow 2 at once.`, details);
        return pass(`At most 2 ${stepTwo} invocations overlapped; ${plural(queued, 'query')} waited for a worker.`, details);
      },
    },
  ],
};
