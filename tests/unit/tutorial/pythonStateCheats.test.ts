/**
 * The typed-state checks judge a Python run as they judge a TypeScript one: the Python solutions
 * pass, and the Python shortcuts (a final tally set once in close, totals summed once in report) end
 * right but fail, because the state did not keep up as each step finished.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exerciseByKey } from '../../../src/tutorial/index.ts';
import { runPython } from '../python/runPython.ts';

const DIR = 'tutorial/examples/typed-state';
const load = (name: string) => readFileSync(new URL(`../../../src/${DIR}/${name}`, import.meta.url), 'utf8');

/** The file with each `[from, to]` replaced once; throws when a `from` is missing. */
function edited(name: string, ...edits: [string, string][]): string {
  let source = load(name);
  for (const [from, to] of edits) {
    if (!source.includes(from)) throw new Error(`${name} does not contain ${JSON.stringify(from)}`);
    source = source.replace(from, to);
  }
  return source;
}

async function verdict(key: string, source: string, seed = 0) {
  const { exercise } = exerciseByKey(key)!;
  const run = await runPython(source, { seed });
  const trace = run.trace.filter((r) => r.runId === run.trace[0]?.runId);
  return exercise.check(trace, undefined, 'python');
}

describe('declare the state, in Python', () => {
  const key = 'typed-state/declare-state';

  test('the solution passes', { timeout: 120_000 }, async () => {
    expect(await verdict(key, load('poll-state.py'))).toMatchObject({ passed: true });
  });

  test('a hard-coded final tally set once in close fails', { timeout: 120_000 }, async () => {
    const source = edited(
      'poll-state.py',
      ['        await ctx.store.set(ev.vote, await ctx.store.get(ev.vote) + 1)\n        await ctx.store.set("voters", [*await ctx.store.get("voters"), ev.voter])\n', ''],
      ['        state = await ctx.store.get_state()\n', '        await ctx.store.set_state(PollState(yes=3, no=1, voters=["Ada", "Grace", "Alan", "Edsger"]))\n        state = await ctx.store.get_state()\n'],
    );
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^When tally had counted 1 vote \(Ada: 1 yes, 0 no\), the state said 0 yes, 0 no/) });
  });
});

describe('no lost updates, in Python', () => {
  const key = 'typed-state/lost-updates';

  test('the solution passes', { timeout: 120_000 }, async () => {
    expect(await verdict(key, load('edit-state.py'))).toMatchObject({ passed: true });
  });

  test('totals summed once in report fail', { timeout: 120_000 }, async () => {
    const source = edited(
      'edit-state.py',
      ['        async with ctx.store.edit_state() as state:\n            state.totals["documents"] += 1\n            state.totals["words"] += words\n', ''],
      ['        if ctx.collect_events(ev, [CountedEvent] * len(DOCS)) is None:\n            return None\n', '        counted = ctx.collect_events(ev, [CountedEvent] * len(DOCS))\n        if counted is None:\n            return None\n        await ctx.store.set("totals", {"documents": len(counted), "words": sum(c.words for c in counted)})\n'],
    );
    expect(await verdict(key, source)).toMatchObject({ passed: false, message: expect.stringMatching(/^When count had counted 1 document \(\w+, \d+ words\), the totals said 0 documents and 0 words\./) });
  });
});
