import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { collectedByStopper, emittedOfType, isStep, listing, ofKind, plural, runFinished, started } from '../traceFacts.ts';
import { stopLineage } from '../failureFacts.ts';
import type { EventEmittedRecord, TraceRecord } from '../../engine/index.ts';

type Trace = readonly TraceRecord[];

/**
 * The saved events a resumed run handed back to their steps: `input` events aimed at one step. A run
 * started afresh has one `input` event instead, its StartEvent, aimed at no step in particular.
 */
function restoredWork(trace: Trace): EventEmittedRecord[] {
  return ofKind(trace, 'event.emitted').filter((r) => r.via === 'input' && r.target !== null);
}

function startedAfresh(trace: Trace): boolean {
  return emittedOfType(trace, 'StartEvent').some((r) => r.via === 'input');
}

function workLines(trace: Trace): string[] {
  return restoredWork(trace).map((r) => `${r.type} handed back to ${r.target}`);
}

export const resumingARun: Chapter = {
  id: 'resuming-a-run',
  title: 'Resuming a run',
  text: prose`A run does not have to happen in one go: its **context**, the state and the work its steps have in
hand, can outlive it.

**Across runs.** ${code('const ctx = new Context(w)', 'ctx = Context(w)')} makes a context before any run. ${code('await w.run({ ctx })', 'await w.run(ctx=ctx)')}
runs with it, and a second ${code('w.run({ ctx })', 'w.run(ctx=ctx)')} starts with the state the first one left. While a run
goes on, \`handler.ctx\` is its context: code that drives the run can read \`handler.ctx.store\`.

**Saving.** ${code('handler.ctx.toDict()')} turns the context into plain JSON: the state and, while the run
is going, every event a step was handling, had queued or held in a ${code('collectEvents')} buffer. Save it
when, say, the run asks a person something and the answer may take days:

${alt(`\`\`\`
for await (const ev of handler.streamEvents()) {
  if (ev instanceof InputRequiredEvent) {
    saved = JSON.stringify(handler.ctx.toDict());
    handler.cancel();
  }
}
\`\`\``, `\`\`\`
async for ev in handler.stream_events():
    if isinstance(ev, InputRequiredEvent):
        saved = json.dumps(handler.ctx.to_dict())
        await handler.cancel_run()
\`\`\``)}

**Resuming.** ${code('w.run({ ctx: Context.fromDict(w, JSON.parse(saved)) })', 'w.run(ctx=Context.from_dict(w, json.loads(saved)))')} continues that run: no new
StartEvent, each saved event goes back to its step, and a step that was running, or waiting in
${code('waitForEvent')}, runs again from its start, so it asks its question again. ${code('fromDict')} checks the
data against the workflow (its name, steps and event classes) and refuses anything else, saying why.

The playground draws the first run a file starts, so the files of this chapter hold a context such a
run saved, as the constant \`SAVED\`, and resume it. Answer the question in the example: the refund
goes through, and the slow lookup does not run again.`,
  example: 'tutorial/examples/resuming-a-run/resume-refund.ts',
  exampleRun: { answers: ['yes'] },
  exercises: [
    {
      id: 'resume',
      title: 'Resume, do not start over',
      task: 'This code starts a new run, so the slow `lookup` runs again. Resume the saved run in `SAVED` instead, and answer its question.',
      start: 'tutorial/examples/resuming-a-run/start-over.ts',
      solution: 'tutorial/examples/resuming-a-run/resume-refund.ts',
      hint: prose`Build the context with ${code('Context.fromDict(w, SAVED)')} and pass it: ${code('await w.run({ ctx })', 'await w.run(ctx=ctx)')}.`,
      answers: ['yes'],
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const lookups = started(trace, 'lookup').length;
        const details = workLines(trace);
        if (startedAfresh(trace) || lookups > 0) {
          return fail(`The run started over from a StartEvent, and lookup ran ${plural(lookups, 'time')}: resume the saved context instead.`, details);
        }
        const review = restoredWork(trace).find((r) => r.target === 'review');
        if (!review) return fail('The run did not start fresh, but review got no saved event back: resume the context saved in SAVED.', details);
        return pass(`The run resumed where it was saved: review got its ${review.type} back, asked again and stopped with ${JSON.stringify(runFinished(trace)?.result ?? null)}; lookup did not run.`, details);
      },
    },
    {
      id: 'resume-the-work',
      title: 'The work in hand, not only the state',
      task: 'The saved run had two summaries in `combine`\'s collect buffer and the third being written. Copying its state into a new context starts over and writes all three again. Resume it so that only the missing summary is written.',
      start: 'tutorial/examples/resuming-a-run/summaries-copy-state.ts',
      solution: 'tutorial/examples/resuming-a-run/summaries-resumed.ts',
      hint: prose`The state is only part of a saved context: ${code('Context.fromDict(w, SAVED)')} brings back the events the steps held as well.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const written = started(trace, 'summarise').length;
        const details = workLines(trace);
        if (startedAfresh(trace)) {
          return fail(`The run started over: plan ran again and summarise ran ${plural(written, 'time')}. Copying the state does not bring back the work in hand.`, details);
        }
        const restored = restoredWork(trace);
        const buffered = restored.filter((r) => r.target === 'combine').length;
        const collected = collectedByStopper(trace, 'SummaryEvent');
        const pending = restored.filter((r) => r.target === 'summarise').length;
        if (written > pending) return fail(`summarise ran ${plural(written, 'time')}, though only ${pending} of the saved summaries was still to be written.`, details);
        if (buffered === 0) return fail('No saved summary went back to combine: the summaries the saved run had collected were lost.', details);
        // The stop must come from a summary summarise wrote in this run: a context that hands combine
        // every summary, the missing one typed in, resumes nothing that was in hand.
        if (!stopLineage(trace).some((s) => isStep(s, 'summarise'))) {
          return fail(
            `combine stopped with summaries handed to it from the context, none of them written by summarise in this run (it wrote ${written}): the saved run still had a document to summarise. Hand its DocEvent back to summarise and let summarise write it.`,
            details,
          );
        }
        const titles = restored.filter((r) => r.target === 'summarise').map((r) => String((r.payload as { title?: unknown } | null)?.title ?? r.type));
        return pass(`The run resumed with ${buffered} summaries back in combine's buffer; summarise wrote only ${listing(titles)}, and ${collected?.step ?? 'combine'} stopped the run with all ${collected?.count ?? buffered + written}.`, details);
      },
    },
  ],
};
