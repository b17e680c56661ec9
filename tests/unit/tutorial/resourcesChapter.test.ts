/**
 * The resources chapter's checks read which instance of which resource each invocation got
 * (`resource.injected`), so sharing by accident, or not sharing, shows whatever the code looks like.
 */
import { describe, expect, test } from 'vitest';
import { editedSource, exerciseVerdict as verdict, readSrc } from './driveSource.ts';

const DIR = 'tutorial/examples/resources';

const edited = (path: string, ...edits: [string, string][]) => editedSource(`${DIR}/${path}`, ...edits);

describe('one memory for both steps', () => {
  const key = 'resources/share-memory';

  test('two inline factories are two memories', async () => {
    expect(await verdict(key, readSrc(`${DIR}/own-memories.ts`))).toMatchObject({
      passed: false,
      message: 'listen got anonymous #1 and reply got anonymous #2: two memories, so reply cannot see what listen remembered.',
    });
  });

  test('one named factory without the cache is still two memories', async () => {
    const source = edited('shared-memory.ts', ['async reply(ctx: Context, ev: QuestionEvent, memory = Resource(getMemory)', 'async reply(ctx: Context, ev: QuestionEvent, memory = Resource(getMemory, { cache: false })']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: 'listen got getMemory #1 and reply got getMemory #2: two memories, so reply cannot see what listen remembered.' });
  });

  test('a module-level memory shares the object but is no resource', async () => {
    const source = edited(
      'shared-memory.ts',
      ['function getMemory(): Memory {\n  return new Memory();\n}\n', 'const memory = new Memory();\n'],
      ['async listen(ctx: Context, ev: StartEvent, memory = Resource(getMemory))', 'async listen(ctx: Context, ev: StartEvent)'],
      ['async reply(ctx: Context, ev: QuestionEvent, memory = Resource(getMemory), model', 'async reply(ctx: Context, ev: QuestionEvent, model'],
    );
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: 'listen and reply got no memory resource: declare the memory as a parameter `memory = Resource(...)` of both steps.' });
  });

  test('the solution shares getMemory #1', async () => {
    expect(await verdict(key, readSrc(`${DIR}/shared-memory.ts`))).toMatchObject({ passed: true, message: 'listen and reply shared getMemory #1: reply read what listen remembered.' });
  });
});

describe('notes of its own', () => {
  const key = 'resources/own-notes';

  test.each([0, 1, 2, 3])('seed %i: the three drafts running at once share the cached notes', async (seed) => {
    expect(await verdict(key, readSrc(`${DIR}/shared-notes.ts`), seed)).toMatchObject({
      passed: false,
      message: "3 drafts shared 1 Notes object (getNotes #1): each draft's notes were mixed with the others'.",
    });
  });

  test('one draft at a time still shares the cached notes', async () => {
    const source = edited('shared-notes.ts', ['@step({ numWorkers: 3 })', '@step({ numWorkers: 1 })']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^3 drafts shared 1 Notes object/) });
  });

  test('notes made in the step\'s body are not a resource', async () => {
    const source = edited('shared-notes.ts', ['async draft(ctx: Context, ev: TopicEvent, notes = Resource(getNotes))', 'async draft(ctx: Context, ev: TopicEvent)'], ['    notes.lines.push(`outline', '    const notes = getNotes();\n    notes.lines.push(`outline']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: 'draft ran 3 times without a notes resource: keep `notes = Resource(...)` as its parameter.' });
  });

  test('the solution gives each draft its own', async () => {
    expect(await verdict(key, readSrc(`${DIR}/own-notes.ts`))).toMatchObject({ passed: true, message: 'Each of the 3 drafts got a Notes of its own (getNotes #1, getNotes #2 and getNotes #3).' });
  });
});
