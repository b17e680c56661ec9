import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { emittedOfType, eventField, plural, started } from '../traceFacts.ts';

export const branchesAndLoops: Chapter = {
  id: 'branches-and-loops',
  title: 'Branches and loops',
  text: prose`A step's return ${alt('type', 'annotation')} may be a union: ${code('Promise<DraftEvent | QuickAnswerEvent>', '-> DraftEvent | QuickAnswerEvent')}. The graph then
shows two arrows out of the step, and at run time the event you actually return picks the path.
That is all a branch is: an \`if\` that returns one event or another.

A loop is the same idea pointing backwards. In the example, \`review\` returns either a
\`StopEvent\` or a new \`DraftEvent\`, and \`DraftEvent\` is what \`write\` accepts, so returning it
runs \`write\` again. The graph shows the cycle; the timeline shows each round as a new invocation.

Things to notice when you run it:
- \`start\` branches on the run's input: ${code('quick: true', 'quick=True')} skips the drafting entirely.
- Each trip round the loop carries its state in the event (\`round\`), so every step can decide
  from what it received. The next chapter shows another place to keep such values.
- A loop needs a way out. Here the round number stops it; without one the run would go on until its
  \`timeout\`.

Every returned event is delivered to every step that accepts its type, in declaration order. A step
that returns ${code('null', 'None')} simply produces nothing, which ends that path.`,
  example: 'tutorial/examples/branches-and-loops/revise.ts',
  exercises: [
    {
      id: 'three-rounds',
      title: 'Three rounds of drafting',
      task: 'Make the essay go through exactly three drafts before the reviewer stops the run.',
      start: 'tutorial/examples/branches-and-loops/revise.ts',
      solution: 'tutorial/examples/branches-and-loops/three-rounds.ts',
      hint: 'The loop goes back to `write` while `ev.round < ROUNDS`. What should `ROUNDS` be?',
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const rounds = started(trace, 'write').length;
        if (rounds === 3) return pass('write ran 3 times before the reviewer stopped the run.');
        return fail(`write ran ${plural(rounds, 'time')} before the run stopped; the exercise wants 3 rounds.`);
      },
    },
    {
      id: 'quick-path',
      title: 'Take the other branch',
      task: 'Change only the run\'s input so that the run takes the quick path and never drafts.',
      start: 'tutorial/examples/branches-and-loops/revise.ts',
      solution: 'tutorial/examples/branches-and-loops/quick-path.ts',
      hint: prose`\`start\` looks at ${code('ev.quick', 'ev.get("quick")')}. Pass it in ${code('w.run({ ... })', 'w.run(...)')}.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const quick = started(trace, 'quick').length;
        const drafts = started(trace, 'write').length;
        // The task is to change the input, not the condition: the StartEvent itself must ask for it.
        const start = emittedOfType(trace, 'StartEvent')[0];
        if (quick > 0 && start && !eventField(trace, start.event, 'quick')) {
          return fail('quick ran, but the StartEvent has no quick: true; change the run\'s input, not the condition in start.');
        }
        if (quick > 0 && drafts === 0) return pass('start returned a QuickAnswerEvent: quick ran and write never did.');
        if (quick === 0) return fail(`The run went through write ${plural(drafts, 'time')}; quick never ran.`);
        return fail(`quick ran, but so did write (${plural(drafts, 'time')}).`);
      },
    },
  ],
};
