/**
 * The resuming chapter's checks tell a resumed run from a fresh one by its first records: a fresh run
 * begins with its StartEvent, a resumed one hands the saved events back to the steps that held them.
 */
import { describe, expect, test } from 'vitest';
import { editedSource, exerciseVerdict as verdict, readSrc } from './driveSource.ts';

const DIR = 'tutorial/examples/resuming-a-run';

const edited = (path: string, ...edits: [string, string][]) => editedSource(`${DIR}/${path}`, ...edits);

describe('resume, do not start over', () => {
  const key = 'resuming-a-run/resume';

  test('a new run starts over and looks the order up again', async () => {
    expect(await verdict(key, readSrc(`${DIR}/start-over.ts`))).toMatchObject({
      passed: false,
      message: 'The run started over from a StartEvent, and lookup ran 1 time: resume the saved context instead.',
    });
  });

  test('a new context copied from the saved state still starts over', async () => {
    const source = edited('start-over.ts', ['const result = await w.run({ order: "A-17" });', 'const ctx = new Context(w);\nfor (const [key, value] of Object.entries(SAVED.state)) {\n  await ctx.store.set(key, value);\n}\nconst result = await w.run({ ctx, startEvent: new StartEvent({ order: "A-17" }) });']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^The run started over from a StartEvent/) });
  });

  test('the resumed run asks again and stops without a lookup', async () => {
    expect(await verdict(key, readSrc(`${DIR}/resume-refund.ts`))).toMatchObject({
      passed: true,
      message: 'The run resumed where it was saved: review got its ReviewEvent back, asked again and stopped with "40 EUR refunded to Ada (order A-17)"; lookup did not run.',
      details: ['ReviewEvent handed back to review'],
    });
  });
});

describe('the work in hand, not only the state', () => {
  const key = 'resuming-a-run/resume-the-work';

  test('copying the state starts over and writes every summary again', async () => {
    expect(await verdict(key, readSrc(`${DIR}/summaries-copy-state.ts`))).toMatchObject({
      passed: false,
      message: 'The run started over: plan ran again and summarise ran 3 times. Copying the state does not bring back the work in hand.',
    });
  });

  test('a saved context without its collected summaries is not the same run', async () => {
    const source = edited(
      'summaries-resumed.ts',
      ['    { step: "combine", type: "SummaryEvent", fields: { title: "events", summary: "events in 2 lines" } },\n', ''],
      ['    { step: "combine", type: "SummaryEvent", fields: { title: "steps", summary: "steps in 4 lines" } },\n', ''],
      ['    { step: "summarise", type: "DocEvent", fields: { title: "context", words: 900 } },\n', '    { step: "summarise", type: "DocEvent", fields: { title: "context", words: 900 } },\n    { step: "summarise", type: "DocEvent", fields: { title: "events", words: 120 } },\n    { step: "summarise", type: "DocEvent", fields: { title: "steps", words: 340 } },\n'],
    );
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: 'No saved summary went back to combine: the summaries the saved run had collected were lost.' });
  });

  test('a context with the missing summary typed in, handed straight to combine, resumes nothing that was in hand', async () => {
    const typedIn = '    { step: "combine", type: "SummaryEvent", fields: { title: "context", summary: "context in 9 lines" } },\n';
    const summary = '    { step: "summarise", type: "DocEvent", fields: { title: "context", words: 900 } },\n';
    const message = /^combine stopped with summaries handed to it from the context, none of them written by summarise in this run \(it wrote [01]\)/;
    // Without the saved DocEvent: summarise never runs.
    expect(await verdict(key, edited('summaries-resumed.ts', [summary, typedIn]))).toMatchObject({ passed: false, message });
    // With it as well: combine completes on the typed-in summary before summarise has written its own.
    expect(await verdict(key, edited('summaries-resumed.ts', [summary, summary + typedIn]))).toMatchObject({ passed: false, message });
  });

  test('the resumed run writes only the missing summary', async () => {
    expect(await verdict(key, readSrc(`${DIR}/summaries-resumed.ts`))).toMatchObject({
      passed: true,
      message: "The run resumed with 2 summaries back in combine's buffer; summarise wrote only context, and combine stopped the run with all 3.",
    });
  });
});
