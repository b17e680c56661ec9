import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { collectedByStopper, emittedOfType, eventField, ofKind } from '../traceFacts.ts';

export const collectOneType: Chapter = {
  id: 'collect-one-type',
  title: 'Collecting events of one type',
  text: prose`What if you want every result, not just the fastest? Put a step after the parallel work and let it
gather. ${code('ctx.collectEvents(ev, [StepThreeEvent, StepThreeEvent, StepThreeEvent])')} keeps each event
it is given in a buffer of the context and returns ${code('null', 'None')} until the buffer holds everything the list
asks for. Then it returns all of them as ${alt('an array', 'a list')} and clears them from the buffer.

So ${code('stepThree')} runs once per \`StepThreeEvent\`. The first two calls get ${code('null', 'None')}, print "Not all
events received yet." and return ${code('null', 'None')}: no event, the run goes on. The third call gets the ${alt('array', 'list')}
and returns the \`StopEvent\`. The step node counts along: 1/3, 2/3, 3/3.

Look at the printed ${alt('array', 'list')}: the results are in the order they **arrived**, not the order the queries
were sent. A query that slept 1 second comes before one that slept 4, whatever its number. Try a few
seeds to see the order change.

The list is just ${alt('an array', 'a list')} of classes. ${code('Array(3).fill(StepThreeEvent)', '[StepThreeEvent] * 3')} says the same thing and scales
to any count; the map-reduce chapter decides that count at run time.`,
  example: 'examples/concurrency/collect.ts',
  exercises: [
    {
      id: 'wait-for-all',
      title: 'Wait for all three results',
      task: prose`This ${code('stepThree')} stops the run with the first result. Make it wait until it has all three.`,
      start: 'tutorial/examples/collect-one-type/stop-early.ts',
      solution: 'examples/concurrency/collect.ts',
      hint: prose`Call ${code('ctx.collectEvents(ev, [StepThreeEvent, StepThreeEvent, StepThreeEvent])')}; return ${code('null', 'None')} while it returns ${code('null', 'None')}.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const { step, count: got } = collectedByStopper(trace, 'StepThreeEvent') ?? { step: 'stepThree', count: 0 };
        if (got >= 3) return pass(`${step} collected all 3 StepThreeEvent before it stopped the run.`);
        return fail(`${step} stopped the run after collecting ${got} of 3 StepThreeEvent.`);
      },
    },
    {
      id: 'arrival-order',
      title: 'Arrival order',
      task: 'Run with different seeds and compare the order of the collected results with the order the queries were sent.',
      start: 'examples/concurrency/collect.ts',
      solution: 'examples/concurrency/collect.ts',
      hint: prose`The results come back in the order each ${code('stepTwo')} finished; its sleep decides that.`,
      exploring: true,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const sent = emittedOfType(trace, 'StepTwoEvent').map((r) => String(eventField(trace, r.event, 'query')));
        const arrived = ofKind(trace, 'collect.progress').map((r) => String(eventField(trace, r.event, 'result')));
        const same = sent.join() === arrived.join();
        return pass(`Sent as ${sent.join(', ')}; collected as ${arrived.join(', ')}${same ? ' (the same order this time: try another seed)' : ''}.`);
      },
    },
  ],
};
