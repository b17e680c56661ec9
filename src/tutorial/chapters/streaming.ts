import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { emittedOfType, eventField, ofKind, plural } from '../traceFacts.ts';

export const streaming: Chapter = {
  id: 'streaming',
  title: 'Streaming events to the caller',
  text: prose`A long run should say what it is doing before it finishes. A step can publish an event to whoever
started the run with ${code('ctx.writeEventToStream(new ProgressEvent({ message }))', 'ctx.write_event_to_stream(ProgressEvent(message=...))')}. Such an event is
not routed to any step; it goes to the caller only.

The caller reads the stream from the run's handler. Instead of awaiting \`w.run()\` at once, keep the
handler and loop over ${code('handler.streamEvents()')}:

${alt(`\`\`\`
const handler = w.run({ topic: "workflows" });
for await (const ev of handler.streamEvents()) {
  if (ev instanceof ProgressEvent) console.log("progress:", ev.message);
}
console.log(await handler);
\`\`\``, `\`\`\`
handler = w.run(topic="workflows")
async for ev in handler.stream_events():
    if isinstance(ev, ProgressEvent):
        print("progress:", ev.message)
print(await handler)
\`\`\``)}

The loop ends after the stop event, so the \`await handler\` that follows gives the result at once.
The stream can be read only once per run. If the run fails, the loop ${alt('throws the run\'s error', 'raises the run\'s exception')} after the
events published so far.

Use ${code('instanceof', 'isinstance')} to tell your event types apart: the stream also carries questions for a person
(\`InputRequiredEvent\`, a later chapter) and, last, the \`StopEvent\`.

In the example, \`research\` and \`write\` each publish one progress message. The console prints them
while the virtual clock moves on, and the timeline marks each publication.`,
  example: 'tutorial/examples/streaming/progress.ts',
  exercises: [
    {
      id: 'per-section',
      title: 'Progress for every section',
      task: 'Make `write` publish one ProgressEvent per section it writes (three sections), as it starts each one.',
      start: 'tutorial/examples/streaming/progress.ts',
      solution: 'tutorial/examples/streaming/per-section.ts',
      hint: prose`Move the ${code('ctx.writeEventToStream(...)')} call into the \`for\` loop over \`ev.sections\`.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const published = ofKind(trace, 'event.emitted').filter((r) => r.via === 'stream' && r.step === 'write' && r.type === 'ProgressEvent');
        const details = published.map((r) => `${r.type} ${JSON.stringify(r.payload)}`);
        const outline = emittedOfType(trace, 'OutlineEvent')[0];
        const sections = outline ? eventField(trace, outline.event, 'sections') : undefined;
        const wanted = Array.isArray(sections) ? sections.length : 3;
        if (published.length !== wanted) {
          return fail(`write published ${plural(published.length, 'ProgressEvent')}; the exercise wants exactly one for each of its ${wanted} sections.`, details);
        }
        // "As it starts each one": the sections take time, so one event per section means one per moment.
        const moments = new Set(published.map((r) => r.t));
        if (moments.size < published.length) {
          return fail(`write published its ${wanted} ProgressEvents at ${plural(moments.size, 'moment')}, not as it started each section: publish inside the loop, before the section's work.`, details);
        }
        return pass(`write published one ProgressEvent as it started each of its ${wanted} sections.`, details);
      },
    },
  ],
};
