import { questionsAsked } from '../answerDue.ts';
import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { emittedOfType, eventField, plural, runFinished } from '../traceFacts.ts';

export const humanInTheLoop: Chapter = {
  id: 'human-in-the-loop',
  title: 'Human in the loop',
  text: prose`Some workflows need a person: to approve a step, to fill in what the model could not guess. A step
asks by returning an ${alt('`InputRequiredEvent` with a `prefix`, the question', '`InputRequiredEvent(prefix=...)` whose prefix is the question')}. That event goes out on the
run's stream to whoever started the run, and the run waits.

The answer comes back as a \`HumanResponseEvent\` whose \`response\` is the text the person typed. Any
step that accepts \`HumanResponseEvent\` receives it and the run carries on. In code that drives the
run itself, the caller answers through the handler:

${alt(`\`\`\`
for await (const ev of handler.streamEvents()) {
  if (ev instanceof InputRequiredEvent) handler.sendEvent(new HumanResponseEvent({ response: "Ada" }));
}
\`\`\``, `\`\`\`
handler = w.run()
async for ev in handler.stream_events():
    if isinstance(ev, InputRequiredEvent):
        handler.ctx.send_event(HumanResponseEvent(response="Ada"))
result = await handler
\`\`\``)}

In the playground you are the caller: this example does not call \`w.run()\`, so the playground
starts the run, shows the question, and sends what you type as the \`HumanResponseEvent\`. While the
run waits for you, the virtual clock stands still, so the timeout does not run out while you think.

To ask several questions, return another \`InputRequiredEvent\` from the step that got the answer and
keep what you learned in ${alt('the context', '`ctx.store`')}. Inside one step, ${code(`await ctx.waitForEvent(HumanResponseEvent,
{ waiterEvent: new InputRequiredEvent({ prefix }) })`, `await ctx.wait_for_event(HumanResponseEvent,
waiter_event=InputRequiredEvent(prefix=...))`)} asks and waits in a single line.

That call ends the step, as in LlamaIndex Workflows: the timeline and inspector show it "waiting".
When the answer arrives the step runs again from the top with the same input, and ${code('waitForEvent')}
returns the answer at once. Code before the call runs twice, so keep side effects after it.`,
  example: 'tutorial/examples/human-in-the-loop/ask-name.ts',
  exampleRun: { answers: ['Ada'] },
  exercises: [
    {
      id: 'confirm',
      title: 'Ask for confirmation',
      task: 'After the name, ask a second question, "Shall I greet <name>? (yes/no)", and stop with the greeting only after a yes. On a no, ask for the name again.',
      start: 'tutorial/examples/human-in-the-loop/ask-name.ts',
      solution: 'tutorial/examples/human-in-the-loop/confirm.ts',
      hint: prose`Let the step that receives answers keep the name with ${code('ctx.set("name", ...)', 'await ctx.store.set("name", ...)')} and return a new ${code('InputRequiredEvent', 'InputRequiredEvent(prefix=...)')} when it has no confirmation yet.`,
      answers: ['Ada', 'yes'],
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const questions = questionsAsked(trace);
        const answers = emittedOfType(trace, 'HumanResponseEvent').map((r) => String(eventField(trace, r.event, 'response')));
        const details = questions.map((q, i) => `asked ${JSON.stringify(q)}, answered ${answers[i] === undefined ? '(nothing)' : JSON.stringify(answers[i])}`);
        if (questions.length < 2) return fail(`The run asked ${plural(questions.length, 'question')} and stopped; the exercise wants a confirmation question too.`, details);
        // Questions alternate: a name, then "Shall I greet <that name>?"; a no goes back to the name.
        let name: string | null = null;
        for (const [i, question] of questions.entries()) {
          const answer = answers[i] ?? '';
          if (name === null) {
            name = answer;
            continue;
          }
          if (!question.includes(`Shall I greet ${name}?`)) {
            return fail(`After the name ${JSON.stringify(name)} the run asked ${JSON.stringify(question)}; the exercise wants "Shall I greet ${name}? (yes/no)".`, details);
          }
          if (!/^\s*y/i.test(answer)) name = null;
        }
        const last = answers[questions.length - 1] ?? '';
        if (name === null || !/^\s*y/i.test(last)) {
          return fail(`The run stopped after the answer ${JSON.stringify(last)}; it should greet only after a yes, and ask for the name again after a no.`, details);
        }
        const result = String(runFinished(trace)?.result ?? '');
        if (!result.includes(name)) return fail(`The run stopped after a yes, but its result ${JSON.stringify(result)} does not greet ${name}.`, details);
        return pass(`The run asked ${questions.length} questions and greeted ${name} after the yes.`, details);
      },
    },
  ],
};
