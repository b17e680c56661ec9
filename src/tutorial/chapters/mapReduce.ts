import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { collectedByStopper, emittedOfType, ofKind } from '../traceFacts.ts';

export const mapReduce: Chapter = {
  id: 'map-reduce',
  title: 'Map-reduce with a count in the context',
  text: prose`Collecting needs to know how many events to wait for. When that number is only known at run time,
for example one task per document in the input, write it down in the context when you split the work,
and read it back where you gather. That is map-reduce in a workflow:

- **map**: \`start\` sends one \`StepTwoEvent\` per query and stores how many with
  ${code('await ctx.set("num_events", queries.length)', 'await ctx.set("num_events", len(queries))')};
- the queries run side by side in ${code('stepTwo')} (up to its ${code('numWorkers')});
- **reduce**: ${code('stepThree')} reads ${code('await ctx.get<number>("num_events")', 'await ctx.get("num_events")')} and collects
  ${code('Array(numEvents).fill(StepThreeEvent)', '[StepThreeEvent] * num_events')}, then combines the results.

\`start\` takes its queries from ${code('ev.queries', 'ev.get("queries")')} when the run's input has them, so the same code
handles three queries or thirty. Change the list in \`w.run(...)\` and watch the collect counter on
${code('stepThree')} follow.

Set the count **before** sending the events, so it exists before any result can reach the reducer:
\`ctx.get\` without a default fails the step when the key is missing.

${alt('The next chapter shows a typed alternative where the engine keeps that count for you.', 'The next chapter uses the same pattern to split a text and count its words.')}`,
  example: 'examples/concurrency/map-reduce.ts',
  exercises: [
    {
      id: 'count-in-context',
      title: 'Wait for as many results as there were queries',
      task: 'The reducer waits for a fixed three results, but `start` sends four queries. Store the number of queries in the context and collect that many.',
      start: 'tutorial/examples/map-reduce/fixed-count.ts',
      solution: 'examples/concurrency/map-reduce.ts',
      hint: prose`In \`start\`: ${code('await ctx.set("num_events", queries.length)', 'await ctx.set("num_events", len(queries))')}. In ${code('stepThree')}: ${code('Array(await ctx.get<number>("num_events")).fill(StepThreeEvent)', '[StepThreeEvent] * await ctx.get("num_events")')}.`,
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
