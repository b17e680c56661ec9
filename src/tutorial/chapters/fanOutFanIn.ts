import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { collectedByStopper, emittedOfType } from '../traceFacts.ts';

export const fanOutFanIn: Chapter = {
  id: 'fan-out-fan-in',
  title: 'Typed fan-out and fan-in',
  text: `Map-reduce with \`sendEvent\` and a count works, but the types can say it directly. A step whose
return type is an array, \`Promise<Task[]>\`, may return several events at once: each element is
routed as its own event, and together they form one **batch**. A step whose event parameter is an
array, \`async total(ctx: Context, evs: Done[])\`, is a gathering step: it is called **once per
batch**, after every branch of that batch has finished, with all the \`Done\` events in the order
they completed.

No count to store, no \`null\` to return while waiting: the engine follows each \`Task\` to the
\`Done\` it leads to. A branch that returns \`null\` counts as finished and simply adds nothing, and
\`return []\` calls the gathering step with an empty array.

In the example, \`split\` cuts a text into sentences, \`count\` counts the words of each (two at a
time, with a random delay), and \`total\` adds them up. The graph marks \`split\` as fanning out and
\`total\` as gathering; the step node shows how much of the batch has arrived.

Compare with the previous chapters: with \`ev: Done\` instead of \`evs: Done[]\`, \`total\` would be
called for every result, and the first call that returns a \`StopEvent\` would end the run with
the other sentences still being counted.`,
  example: 'tutorial/examples/fan-out-fan-in/word-count.ts',
  exercises: [
    {
      id: 'gather-the-batch',
      title: 'Gather the whole batch',
      task: '`total` takes one `Done` at a time, so the first count to finish ends the run. Make it gather every count of the batch and return their sum.',
      start: 'tutorial/examples/fan-out-fan-in/one-at-a-time.ts',
      solution: 'tutorial/examples/fan-out-fan-in/word-count.ts',
      hint: 'Declare the parameter as an array, `evs: Done[]`, and add up `ev.words` over it.',
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const tasks = emittedOfType(trace, 'Task').length;
        const got = collectedByStopper(trace, 'Done') ?? { step: 'total', count: 0 };
        if (got.count < tasks) {
          return fail(`${got.step} stopped the run when called with ${got.count} of the ${tasks} Done events; declare its parameter as an array to get them all.`);
        }
        return pass(`${got.step} was called once with all ${tasks} Done events of the batch.`);
      },
    },
  ],
};
