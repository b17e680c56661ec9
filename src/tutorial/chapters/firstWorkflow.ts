import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { listing, ofKind, stoppingInvocation } from '../traceFacts.ts';

const BUILT_IN = new Set(['StartEvent', 'StopEvent', 'InputRequiredEvent', 'HumanResponseEvent']);

export const firstWorkflow: Chapter = {
  id: 'first-workflow',
  title: 'A first workflow',
  text: prose`A workflow is a class whose methods, marked with ${code('@step()', '@step')}, react to events. A step says what it
accepts with the type of its event parameter and what it may produce with its return ${alt('type', 'annotation')}. Flowplay
reads those annotations to draw the graph on the right: boxes are steps, rounded nodes are event types.

Every run begins with a \`StartEvent\`. It carries whatever you pass to \`w.run(...)\`, so
${code('w.run({ name: "Ada" })', 'w.run(name="Ada")')} gives the step ${code('ev.name', 'ev.get("name")')}. A run ends as soon as a step returns a
\`StopEvent\`; its \`result\` is what \`await w.run(...)\` gives back.

The example has a single step that turns the name into a greeting. Press **Run** and watch the
StartEvent travel into \`hello\` and the StopEvent come out of it.

Between start and stop you can put as many steps as you like. Declare an event class that carries
the data, for example ${code('class GreetingEvent extends Event<{ greeting: string }> {}', 'class GreetingEvent(Event): greeting: str')}, return it from
one step and accept it in the next. The graph grows a node for the new event as soon as the code
${alt('type-checks', 'parses')}.

Two details worth knowing:
- A step's first parameter${alt('', ' after \`self\`')} is the \`Context\` (\`ctx\`); you will use it in later chapters.
- The \`timeout\` option (seconds) bounds the whole run; ${code('verbose: true', 'verbose=True')} prints each step as it runs.`,
  example: 'tutorial/examples/first-workflow/hello.ts',
  exercises: [
    {
      id: 'add-a-step',
      title: 'Add a step in the middle',
      task: 'Split the work in two: the first step returns an event of your own, and a second step turns it into the StopEvent.',
      start: 'tutorial/examples/first-workflow/hello.ts',
      solution: 'tutorial/examples/first-workflow/two-steps.ts',
      hint: prose`Declare ${code('class GreetingEvent extends Event<{ greeting: string }> {}', 'class GreetingEvent(Event): greeting: str')}, make \`hello\` return ${code('Promise<GreetingEvent>', '-> GreetingEvent')}, and add a step ${code('async shout(ctx: Context, ev: GreetingEvent): Promise<StopEvent>', 'async def shout(self, ctx: Context, ev: GreetingEvent) -> StopEvent')}.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const custom = ofKind(trace, 'event.emitted').filter((r) => !BUILT_IN.has(r.type));
        const steps = [...new Set(ofKind(trace, 'step.started').map((r) => r.step))];
        if (custom.length === 0) {
          return fail(`The run went from StartEvent straight to StopEvent in ${listing(steps)}: no event of your own passed between two steps.`);
        }
        if (steps.length < 2) return fail(`Only ${steps[0] ?? 'one step'} ran; the exercise wants a second step.`);
        // The second step must be the one that ends the run, and it must get there from your event.
        const stopper = stoppingInvocation(trace);
        const types = new Map(ofKind(trace, 'event.emitted').map((r) => [r.event, r.type]));
        const fedBy = stopper ? stopper.events.map((e) => types.get(e) ?? '') : [];
        if (!stopper || !fedBy.some((type) => !BUILT_IN.has(type))) {
          return fail(`${stopper?.step ?? 'A step'} returned the StopEvent from ${listing(fedBy) || 'no event'}; the StopEvent must come from the second step, which takes your own event.`);
        }
        return pass(`${fedBy.find((type) => !BUILT_IN.has(type))} carried the work from ${custom[0]!.step ?? 'a step'} to ${stopper.step}, which returned the StopEvent.`);
      },
    },
  ],
};
