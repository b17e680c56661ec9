/**
 * The typed-state chapter's checks read the state as the run recorded it: the declared class's
 * defaults at the start, and the totals at the end against what the steps counted.
 */
import { describe, expect, test } from 'vitest';
import { editedSource, exerciseVerdict as verdict, readSrc } from './driveSource.ts';

const DIR = 'tutorial/examples/typed-state';

const edited = (path: string, ...edits: [string, string][]) => editedSource(`${DIR}/${path}`, ...edits);

describe('declare the state', () => {
  const key = 'typed-state/declare-state';
  const untyped = /^The run's state had no declared type/;

  test('the untyped starting code fails, saying the state had no type', async () => {
    expect(await verdict(key, readSrc(`${DIR}/poll.ts`))).toMatchObject({ passed: false, message: expect.stringMatching(untyped) });
  });

  test('setting the defaults in the first step is still an untyped state', async () => {
    const source = edited('poll.ts', ['  async start(ctx: Context, ev: StartEvent): Promise<VoteEvent | null> {\n', '  async start(ctx: Context, ev: StartEvent): Promise<VoteEvent | null> {\n    await ctx.set("yes", 0);\n    await ctx.set("no", 0);\n    await ctx.set("voters", []);\n']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(untyped) });
  });

  test('a class that no step\'s ctx names is not the run\'s state', async () => {
    const source = edited('poll.ts', ['class VoteEvent', 'class PollState {\n  yes = 0;\n  no = 0;\n  voters: string[] = [];\n}\n\nclass VoteEvent']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(untyped) });
  });

  test('a typed tally that counts wrong fails on the totals', async () => {
    const source = edited('poll-state.ts', ['await ctx.store.set(ev.vote, (await ctx.store.get(ev.vote)) + 1);', 'await ctx.store.set("yes", (await ctx.store.get("yes")) + 1);']);
    expect(await verdict(key, source)).toMatchObject({
      passed: false,
      message: 'The state ended with 4 yes and 0 no; the votes cast were 3 yes and 1 no, from Ada, Grace, Alan and Edsger.',
    });
  });

  test('the solution passes, naming the class', async () => {
    expect(await verdict(key, readSrc(`${DIR}/poll-state.ts`))).toMatchObject({ passed: true, message: "The run's state was a PollState from the start, and it ended with 3 yes, 1 no and all 4 voters." });
  });
});

describe('no lost updates', () => {
  const key = 'typed-state/lost-updates';

  test.each([0, 1, 2, 3, 4, 5])('seed %i: read, await, write loses updates, and the check says how many', async (seed) => {
    expect(await verdict(key, readSrc(`${DIR}/lost-updates.ts`), seed)).toMatchObject({ passed: false, message: expect.stringMatching(/^The totals say \d documents and \d+ words, but 5 documents with 47 words were counted: updates were lost\.$/) });
  });

  test('one count at a time loses nothing, but gives up the overlap', async () => {
    const source = edited('lost-updates.ts', ['@step({ numWorkers: 3 })', '@step({ numWorkers: 1 })']);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^Only 1 count ran at a time/) });
  });

  test('collecting the counts and setting the state once is right too', async () => {
    const source = edited(
      'lost-updates.ts',
      ['    const totals = await ctx.store.get("totals");\n    await sleep(randint(1, 3));', '    await sleep(randint(1, 3));'],
      ['    await ctx.store.set("totals", { documents: totals.documents + 1, words: totals.words + words });\n', ''],
      ['    if (ctx.collectEvents(ev, Array(Object.keys(DOCS).length).fill(CountedEvent)) === null) {\n      return null;\n    }\n', '    const all = ctx.collectEvents(ev, Array(Object.keys(DOCS).length).fill(CountedEvent));\n    if (all === null) {\n      return null;\n    }\n    await ctx.store.setState({ totals: { documents: all.length, words: all.reduce((n, c) => n + c.words, 0) } });\n'],
    );
    for (const seed of [0, 1, 2]) {
      expect(await verdict(key, source, seed), `seed ${seed}`).toMatchObject({ passed: true, message: 'All 5 documents and 47 words reached the totals, with up to 3 counts at once.' });
    }
  });
});
