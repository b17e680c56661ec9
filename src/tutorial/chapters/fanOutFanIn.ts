import { fail, pass, unlessStopped } from '../checkResult.ts';
import { inLang } from '../codeNames.ts';
import type { Chapter } from '../model.ts';
import { alt, prose } from '../prose.ts';
import { collectedByStopper, emittedOfType } from '../traceFacts.ts';

export const fanOutFanIn: Chapter = {
  id: 'fan-out-fan-in',
  title: 'Fan-out and fan-in',
  text: prose`${alt(`Map-reduce with \`sendEvent\` and a count works, but the types can say it directly. A step whose
return type is an array, \`Promise<Task[]>\`, may return several events at once: each element is
routed as its own event, and together they form one **batch**. A step whose event parameter is an
array, \`async total(ctx: Context, evs: Done[])\`, is a gathering step: it is called **once per
batch**, after every branch of that batch has finished, with all the \`Done\` events in the order
they completed.

No count to store, no \`null\` to return while waiting: the engine follows each \`Task\` to the
\`Done\` it leads to. A branch that returns \`null\` counts as finished and simply adds nothing, and
\`return []\` calls the gathering step with an empty array.`, `Fan-out is one step starting many branches; fan-in is one step waiting until every branch
has finished. In LlamaIndex's Python both are calls on the context:

- **fan out**: \`split\` calls \`ctx.send_event(Task(chunk=...))\` once per sentence. Its annotation
  \`-> Task\` still names the event, so the graph knows where the tasks go.
- the tasks run side by side in \`count\` (\`@step(num_workers=2)\`);
- **fan in**: \`total\` is called for every \`Done\`, and \`ctx.collect_events(ev, [Done] * chunks)\`
  returns \`None\` until all of them have arrived, then the whole list in the order they came.

How many to wait for is known only once the text is split, so \`split\` stores it with
\`await ctx.store.set("chunks", len(chunks))\` before it sends a single task, and \`total\` reads it
back.`)}

In the example, \`split\` cuts a text into sentences, \`count\` counts the words of each (two at a
time, with a random delay), and \`total\` adds them up. ${alt('The graph marks `split` as fanning out and `total` as gathering; the step node', 'The step node of `total`')}
shows how much of the batch has arrived.${alt('', `

Every branch must answer: a \`count\` that returned \`None\` would send no \`Done\`, and the collect
would wait for it until the run times out. Send a \`Done\` with \`words=0\` instead.`)}

Compare with the previous chapters: with \`ev: Done\` ${alt('instead of `evs: Done[]`', 'and no `collect_events`')}, \`total\` would be
called for every result, and the first call that returns a \`StopEvent\` would end the run with
the other sentences still being counted.${alt('', ` (Flowplay's TypeScript also has typed batches, a step
that returns a list of events and one that takes a list, a form LlamaIndex's Python does not have.)`)}`,
  example: 'tutorial/examples/fan-out-fan-in/word-count.ts',
  exercises: [
    {
      id: 'gather-the-batch',
      title: 'Gather the whole batch',
      task: prose`\`total\` takes one \`Done\` at a time, so the first count to finish ends the run. Make it gather every count of the batch${alt('', ' with `ctx.collect_events`')} and return their sum.`,
      start: 'tutorial/examples/fan-out-fan-in/one-at-a-time.ts',
      solution: 'tutorial/examples/fan-out-fan-in/word-count.ts',
      hint: alt(
        'Declare the parameter as an array, `evs: Done[]`, and add up `ev.words` over it.',
        'In `split`, `await ctx.store.set("chunks", len(chunks))` before sending; in `total`, `ctx.collect_events(ev, [Done] * await ctx.store.get("chunks"))`, return `None` while that is `None`, then add up `d.words`.',
      ),
      check(trace, _graph, lang = 'typescript') {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const tasks = emittedOfType(trace, 'Task').length;
        const got = collectedByStopper(trace, 'Done') ?? { step: 'total', count: 0 };
        if (got.count < tasks) {
          const how = inLang(lang, 'declare its parameter as an array to get them all', `collect them all with ctx.collect_events(ev, [Done] * ${tasks})`);
          return fail(`${got.step} stopped the run when called with ${got.count} of the ${tasks} Done events; ${how}.`);
        }
        return pass(inLang(lang, `${got.step} was called once with all ${tasks} Done events of the batch.`, `${got.step} gathered all ${tasks} Done events of the batch before it stopped the run.`));
      },
    },
  ],
};
