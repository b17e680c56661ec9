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

  test('a hard-coded final tally set once in close ends right but fails: the state never kept pace with the votes', async () => {
    const source = edited(
      'poll-state.ts',
      ['    await ctx.store.set(ev.vote, (await ctx.store.get(ev.vote)) + 1);\n    await ctx.store.set("voters", [...(await ctx.store.get("voters")), ev.voter]);\n', ''],
      ['    const state = await ctx.store.getState();', '    await ctx.store.setState({ yes: 3, no: 1, voters: ["Ada", "Grace", "Alan", "Edsger"] });\n    const state = await ctx.store.getState();'],
    );
    expect(await verdict(key, source)).toMatchObject({
      passed: false,
      message: 'When tally had counted 1 vote (Ada: 1 yes, 0 no), the state said 0 yes, 0 no and voters []. Keep the tally in the state as each vote is counted: the step that counts a vote adds it.',
    });
  });

  test('the final tally written by the first count fails too: the state counted votes not yet cast', async () => {
    const source = edited('poll-state.ts', [
      '    await ctx.store.set(ev.vote, (await ctx.store.get(ev.vote)) + 1);\n    await ctx.store.set("voters", [...(await ctx.store.get("voters")), ev.voter]);\n',
      '    await ctx.store.setState({ yes: 3, no: 1, voters: ["Ada", "Grace", "Alan", "Edsger"] });\n',
    ]);
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^When tally had counted 1 vote \(Ada: 1 yes, 0 no\), the state said 3 yes, 1 no/) });
  });

  test('counting several votes at once with editState passes: the state may run ahead of the finished counts, not of the begun ones', async () => {
    const source = edited(
      'poll-state.ts',
      ['@step({ numWorkers: 1 })', '@step({ numWorkers: 4 })'],
      [
        '    await ctx.store.set(ev.vote, (await ctx.store.get(ev.vote)) + 1);\n    await ctx.store.set("voters", [...(await ctx.store.get("voters")), ev.voter]);\n',
        '    await ctx.store.editState((state) => {\n      state[ev.vote] += 1;\n      state.voters.push(ev.voter);\n    });\n    await sleep(1);\n',
      ],
    );
    expect(await verdict(key, source)).toMatchObject({ passed: true });
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

  /** The totals summed once in `report`, from the collected counts: right at the end, never kept as the counts ran. */
  const totalledAtTheEnd = (how: string) =>
    edited(
      'lost-updates.ts',
      ['    const totals = await ctx.store.get("totals");\n    await sleep(randint(1, 3));', '    await sleep(randint(1, 3));'],
      ['    await ctx.store.set("totals", { documents: totals.documents + 1, words: totals.words + words });\n', ''],
      ['    if (ctx.collectEvents(ev, Array(Object.keys(DOCS).length).fill(CountedEvent)) === null) {\n      return null;\n    }\n', `    const all = ctx.collectEvents(ev, Array(Object.keys(DOCS).length).fill(CountedEvent));\n    if (all === null) {\n      return null;\n    }\n${how}`],
    );

  test.each([
    ['setState', '    await ctx.store.setState({ totals: { documents: all.length, words: all.reduce((n, c) => n + c.words, 0) } });\n'],
    ['editState', '    await ctx.store.editState((state) => {\n      state.totals = { documents: all.length, words: all.reduce((n, c) => n + c.words, 0) };\n    });\n'],
  ])('totalling once at the end with %s ends right but fails: the counts never added to the totals', async (_how, how) => {
    for (const seed of [0, 1, 2]) {
      expect(await verdict(key, totalledAtTheEnd(how), seed), `seed ${seed}`).toMatchObject({
        passed: false,
        message: expect.stringMatching(/^When count had counted 1 document \(\w+, \d+ words\), the totals said 0 documents and 0 words\. Each count adds its own document/),
      });
    }
  });

  test('the solution passes for every seed: each count adds its document inside editState', async () => {
    for (const seed of [0, 1, 2, 3]) {
      expect(await verdict(key, readSrc(`${DIR}/edit-state.ts`), seed), `seed ${seed}`).toMatchObject({ passed: true, message: 'All 5 documents and 47 words reached the totals, with up to 3 counts at once.' });
    }
  });

  test('adding inside editState at the start of the count, before the slow part, passes too', async () => {
    const source = edited(
      'edit-state.ts',
      ['    await sleep(randint(1, 3));\n    const words = ev.text.split(" ").length;\n', '    const words = ev.text.split(" ").length;\n'],
      ['    });\n    return new CountedEvent', '    });\n    await sleep(randint(1, 3));\n    return new CountedEvent'],
    );
    expect(await verdict(key, source)).toMatchObject({ passed: true });
  });
});
