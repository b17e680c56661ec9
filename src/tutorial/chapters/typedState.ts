import { fail, pass, unlessStopped } from '../checkResult.ts';
import { inLang } from '../codeNames.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { declaredDefaults, fieldOf, finalState, finishMoments, type Handling } from '../stateFacts.ts';
import { emittedOfType, listing, peakConcurrency, plural } from '../traceFacts.ts';
import type { TraceRecord } from '../../engine/index.ts';

type Trace = readonly TraceRecord[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const within = (value: unknown, low: number, high: number) => typeof value === 'number' && value >= low && value <= high;

/** The yes and no votes among the votes some invocations took, and who cast them. */
function votesOf(handled: readonly Handling[]): { yes: number; no: number; voters: string[] } {
  const votes = handled.flatMap((h) => h.inputs);
  return {
    yes: votes.filter((v) => fieldOf(v, 'vote') === 'yes').length,
    no: votes.filter((v) => fieldOf(v, 'vote') === 'no').length,
    voters: votes.map((v) => String(fieldOf(v, 'voter'))),
  };
}

/**
 * Where the state did not keep up with the votes: the first moment a vote's step finished with the
 * state counting fewer votes than had been counted, or more than had begun to be. A tally written
 * once at the end (or made up in advance) ends right but fails here; null when the state kept pace.
 */
function tallyLag(trace: Trace): string | null {
  for (const { done, state, begun, finished } of finishMoments(trace, 'VoteEvent')) {
    const low = votesOf(finished);
    const high = votesOf(begun);
    const voters = Array.isArray(state.voters) ? state.voters.map(String) : [];
    const kept =
      within(state.yes, low.yes, high.yes) &&
      within(state.no, low.no, high.no) &&
      low.voters.every((v) => voters.includes(v)) &&
      voters.every((v) => high.voters.includes(v));
    if (!kept) {
      return `When ${done.step} had counted ${plural(low.voters.length, 'vote')} (${listing(low.voters)}: ${low.yes} yes, ${low.no} no), the state said ${JSON.stringify(state.yes ?? null)} yes, ${JSON.stringify(state.no ?? null)} no and voters ${JSON.stringify(voters)}. Keep the tally in the state as each vote is counted: the step that counts a vote adds it.`;
    }
  }
  return null;
}

/**
 * Where the totals did not keep up with the counts: the first moment a count finished with fewer
 * documents or words in the totals than the finished counts had found (or more than had begun).
 * Totals summed once at the end end right but fail here; null when every count added its own.
 */
function totalsLag(trace: Trace, allWords: number): string | null {
  for (const { done, state, begun, finished } of finishMoments(trace, 'DocEvent')) {
    const totals = state.totals;
    const documents = fieldOf(totals, 'documents');
    const words = fieldOf(totals, 'words');
    const counted = finished.flatMap((h) => h.outputs).reduce((sum: number, out) => sum + Number(fieldOf(out, 'words') ?? 0), 0);
    if (!within(documents, finished.length, begun.length) || !within(words, counted, allWords)) {
      const titles = finished.flatMap((h) => h.inputs).map((p) => String(fieldOf(p, 'title')));
      return `When ${done.step} had counted ${plural(finished.length, 'document')} (${listing(titles)}, ${counted} words), the totals said ${JSON.stringify(documents ?? null)} documents and ${JSON.stringify(words ?? null)} words. Each count adds its own document to the totals before it finishes; totalling once at the end is not what the exercise asks.`;
    }
  }
  return null;
}

export const typedState: Chapter = {
  id: 'typed-state',
  title: 'Typed state',
  text: prose`The store of the context can have a type. Declare the state as a ${alt(`class whose fields have defaults,
\`class CountState { totals = { documents: 0, words: 0 }; }\`, and give the steps
\`ctx: Context<CountState>\`. The run then starts with \`new CountState()\` in its store`, `pydantic model whose fields have
defaults, \`class CountState(BaseModel)\` with \`totals: dict = Field(default_factory=...)\`, and give the
steps \`ctx: Context[CountState]\`. The run then starts with \`CountState()\` in its store`)}: every field has a
value before any step runs, and the state panel shows the object under its class name.

\`ctx.store\` reads and writes it:

- \`await ctx.store.get("totals.documents")\` reads one field by a dotted path and
  \`await ctx.store.set("longest.title", "steps")\` writes one.${alt(` The editor knows the paths and their
  types: a misspelt path, or a string where a number belongs, is an error under Problems.`, '')}
- ${code('getState()')} gives a copy of the whole state, ${code('setState(s)')} replaces it, and \`clear()\` puts the
  defaults back.
- ${code('await ctx.store.editState((state) => { ... })', 'async with ctx.store.edit_state() as state:')} changes the state in one go.

That last one matters as soon as invocations overlap. Every \`await\` lets another invocation run, so
reading a value, awaiting something, and writing it back can overwrite what another invocation wrote
in between: a **lost update**. While an ${code('editState')} runs, nobody else reads or writes the store; the
others wait until the edit ${alt('returns', 'block ends')}.${alt(' The editor warns about the read, await, write pattern.', '')}

In the example three counts run at once, each adds its document to the totals inside one
${code('editState')}, and \`report\` reads single fields by path. Untyped ${alt('`ctx.get` and `ctx.set`', '`ctx.store.get` and `ctx.store.set` on a plain `Context`')} keep
working: without a state class, the state is a plain ${alt('object', 'dict')}.`,
  example: 'tutorial/examples/typed-state/word-totals.ts',
  exercises: [
    {
      id: 'declare-state',
      title: 'Declare the state',
      task: prose`Declare a ${alt('class `PollState` with `yes = 0`, `no = 0` and `voters: string[] = []`', 'model `PollState(BaseModel)` with `yes: int = 0`, `no: int = 0` and `voters: list[str] = Field(default_factory=list)`')}, type the steps' ctx as ${code('Context<PollState>', 'Context[PollState]')}, and keep the tally with \`ctx.store\` as each vote is counted.`,
      start: 'tutorial/examples/typed-state/poll.ts',
      solution: 'tutorial/examples/typed-state/poll-state.ts',
      hint: prose`Put the class above the workflow; then ${code('await ctx.store.set(ev.vote, (await ctx.store.get(ev.vote)) + 1)', 'await ctx.store.set(ev.vote, await ctx.store.get(ev.vote) + 1)')} needs no default.`,
      check(trace, _graph, lang = 'typescript') {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const defaults = declaredDefaults(trace);
        if (defaults === null) {
          return fail(`The run's state had no declared type: it started empty, and each key appeared when a step first set it. Declare a class and type ctx as ${inLang(lang, 'Context<PollState>', 'Context[PollState]')}.`);
        }
        const { __class: name, ...fields } = defaults;
        const details = [`${String(name)} at the start: ${JSON.stringify(fields)}`];
        if (!same(fields.yes, 0) || !same(fields.no, 0) || !same(fields.voters, [])) {
          return fail(`The run started with a ${String(name)}, but without yes: 0, no: 0 and voters: [] among its defaults.`, details);
        }
        const votes = emittedOfType(trace, 'VoteEvent').map((r) => ({ voter: String(fieldOf(r.payload, 'voter')), vote: fieldOf(r.payload, 'vote') }));
        const want = { yes: votes.filter((v) => v.vote === 'yes').length, no: votes.filter((v) => v.vote === 'no').length, voters: votes.map((v) => v.voter).sort() };
        const end = finalState(trace);
        const got = { yes: end.yes, no: end.no, voters: Array.isArray(end.voters) ? [...end.voters].map(String).sort() : end.voters };
        details.push(`at the end: ${JSON.stringify({ yes: end.yes, no: end.no, voters: end.voters })}`);
        if (!same(got, want)) {
          return fail(`The state ended with ${JSON.stringify(end.yes ?? null)} yes and ${JSON.stringify(end.no ?? null)} no; the votes cast were ${want.yes} yes and ${want.no} no, from ${listing(votes.map((v) => v.voter))}.`, details);
        }
        const lag = tallyLag(trace);
        if (lag !== null) return fail(lag, details);
        return pass(`The run's state was a ${String(name)} from the start, and it ended with ${want.yes} yes, ${want.no} no and all ${votes.length} voters.`, details);
      },
    },
    {
      id: 'lost-updates',
      title: 'No lost updates',
      task: 'The totals come out short: three counts read them at once and each writes back its own sum. Keep three counts running at once, and make each count add its document to the totals without losing another\'s.',
      start: 'tutorial/examples/typed-state/lost-updates.ts',
      solution: 'tutorial/examples/typed-state/edit-state.ts',
      hint: prose`Do the slow part first, then add to the totals inside ${code('await ctx.store.editState((state) => { ... })', 'async with ctx.store.edit_state() as state:')}.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const counted = emittedOfType(trace, 'CountedEvent');
        const words = counted.reduce((sum, r) => sum + Number(fieldOf(r.payload, 'words') ?? 0), 0);
        const totals = finalState(trace).totals;
        const documents = fieldOf(totals, 'documents');
        const stored = fieldOf(totals, 'words');
        const { peak } = peakConcurrency(trace, 'count');
        const details = [`${counted.length} documents counted, ${words} words`, `totals at the end: ${JSON.stringify(totals ?? null)}`, `at most ${peak} counts at once`];
        if (peak < 2) return fail(`Only ${peak} count ran at a time. That avoids lost updates by giving up the overlap; keep three counts running at once.`, details);
        if (documents !== counted.length || stored !== words) {
          return fail(`The totals say ${JSON.stringify(documents ?? null)} documents and ${JSON.stringify(stored ?? null)} words, but ${counted.length} documents with ${words} words were counted: updates were lost.`, details);
        }
        const lag = totalsLag(trace, words);
        if (lag !== null) return fail(lag, details);
        return pass(`All ${counted.length} documents and ${words} words reached the totals, with up to ${peak} counts at once.`, details);
      },
    },
  ],
};
