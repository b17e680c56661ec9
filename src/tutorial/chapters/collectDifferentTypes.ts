import { fail, pass, unlessStopped } from '../checkResult.ts';
import { codeName } from '../codeNames.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { ofKind, runFinished } from '../traceFacts.ts';

const WANTED = ['StepACompleteEvent', 'StepBCompleteEvent', 'StepCCompleteEvent'];

export const collectDifferentTypes: Chapter = {
  id: 'collect-different-types',
  title: 'Collecting different types',
  text: prose`A collecting step does not have to wait for one kind of event. In the example, \`start\` sends three
different events, each handled by its own step (${code('stepA')}, ${code('stepB')}, ${code('stepC')}), and each of those
returns its own completion event. ${code('stepThree')} accepts all three through a union ${alt('parameter', 'annotation')}:
\`ev: StepACompleteEvent | StepBCompleteEvent | StepCCompleteEvent\`.

Inside, ${code('ctx.collectEvents(ev, [StepCCompleteEvent, StepBCompleteEvent, StepACompleteEvent])')} waits
for one of each. The step runs once per arriving event and prints "Received event"; only the last call
gets the ${alt('array', 'list')} back.

The order of that ${alt('array', 'list')} is **the order of the list you passed**, not the order of arrival. Here the
list says C, B, A, so the results print as Query 3, Query 2, Query 1, however the three branches
happened to finish. Within one type (the previous chapter) events keep their arrival order; across
types the list decides. That makes the ${alt('array', 'list')} easy to ${alt('destructure', 'unpack')}:
${code('const [c, b, a] = events', 'c, b, a = events')}.

Events of a type the list does not mention are not collected; they stay in the buffer, and when the
run ends the trace reports them as left over, so a typo in the list is easy to spot.

The graph shows the fan-in on ${code('stepThree')} as one of each type.`,
  example: 'examples/concurrency/collect-different-types.ts',
  exercises: [
    {
      id: 'a-b-c',
      title: 'Results in A, B, C order',
      task: prose`Make ${code('collectEvents')} return the results as A, B, C, and end the run with their \`result\` fields in that order (\`["Query 1", "Query 2", "Query 3"]\`).`,
      start: 'examples/concurrency/collect-different-types.ts',
      solution: 'tutorial/examples/collect-different-types/in-order.ts',
      hint: prose`Reorder the list passed to ${code('collectEvents')}, then ${code('return new StopEvent({ result: events.map((e) => e.result) })', 'return StopEvent(result=[e.result for e in events])')}.`,
      check(trace, _graph, lang = 'typescript') {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const collectEvents = codeName(lang, 'collectEvents');
        const completed = ofKind(trace, 'collect.progress').filter((r) => r.complete).at(-1);
        if (!completed) return fail(`No ${collectEvents} call completed before the run stopped.`);
        const asked = Object.keys(completed.need);
        const result = runFinished(trace)?.result;
        const details = [`${collectEvents} was asked for ${asked.join(', ')}`, `result: ${JSON.stringify(result ?? null)}`];
        if (asked.join() !== WANTED.join()) {
          return fail(`${collectEvents} was asked for ${asked.join(', ')}, so that is the order it returned them in.`, details);
        }
        if (JSON.stringify(result) !== JSON.stringify(['Query 1', 'Query 2', 'Query 3'])) {
          return fail(`The list is in A, B, C order, but the run's result is ${JSON.stringify(result ?? null)}.`, details);
        }
        return pass(`${collectEvents} returned A, B, C because the list asked for them in that order.`, details);
      },
    },
  ],
};
