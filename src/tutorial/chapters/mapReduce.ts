import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { collectedByStopper, emittedOfType, ofKind } from '../traceFacts.ts';

export const mapReduce: Chapter = {
  id: 'map-reduce',
  title: 'Map-reduce with a count in the context',
  text: `Collecting needs to know how many events to wait for. When that number is only known at run time,
for example one task per document in the input, write it down in the context when you split the work,
and read it back where you gather. That is map-reduce in a workflow:

- **map**: \`start\` sends one \`StepTwoEvent\` per query and stores how many with
  \`await ctx.set("num_events", queries.length)\`;
- the queries run side by side in \`stepTwo\` (up to its \`numWorkers\`);
- **reduce**: \`stepThree\` reads \`await ctx.get<number>("num_events")\` and collects
  \`Array(numEvents).fill(StepThreeEvent)\`, then combines the results.

\`start\` takes its queries from \`ev.queries\` when the run's input has them, so the same code
handles three queries or thirty. Change the list in \`w.run(...)\` and watch the collect counter on
\`stepThree\` follow.

Set the count **before** sending the events, so it exists before any result can reach the reducer:
\`ctx.get\` without a default fails the step when the key is missing.

The next chapter shows a typed alternative where the engine keeps that count for you.`,
  example: 'examples/concurrency/map-reduce.ts',
  exercises: [
    {
      id: 'count-in-context',
      title: 'Wait for as many results as there were queries',
      task: 'The reducer waits for a fixed three results, but `start` sends four queries. Store the number of queries in the context and collect that many.',
      start: 'tutorial/examples/map-reduce/fixed-count.ts',
      solution: 'examples/concurrency/map-reduce.ts',
      hint: 'In `start`: `await ctx.set("num_events", queries.length)`. In `stepThree`: `Array(await ctx.get<number>("num_events")).fill(StepThreeEvent)`.',
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const sent = emittedOfType(trace, 'StepTwoEvent').length;
        const got = collectedByStopper(trace, 'StepThreeEvent') ?? { step: 'stepThree', count: 0 };
        const counts = ofKind(trace, 'state.changed').filter((r) => r.value === sent);
        if (got.count < sent) return fail(`${got.step} stopped the run after ${got.count} of the ${sent} StepThreeEvent the run produced.`);
        if (counts.length === 0) return fail(`${got.step} waited for all ${sent} results, but no context key was set to ${sent}: keep the count with ctx.set.`);
        return pass(`The context key "${counts[0]!.key}" held ${sent}, and ${got.step} reduced all ${sent} results.`);
      },
    },
  ],
};
