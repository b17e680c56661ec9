import { fail, pass, unlessStopped } from '../checkResult.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { emittedOfType, lastState, runFinished } from '../traceFacts.ts';

export const state: Chapter = {
  id: 'state',
  title: 'State with ctx.set and ctx.get',
  text: prose`Events carry data from one step to the next. Some values belong to the whole run instead: a
secret, a counter, the bounds of a search. Keep those in the context:

- \`await ctx.set("low", 1)\` stores a value under a key.
- ${code('await ctx.get<number>("low")', 'await ctx.get("low")')} reads it back, in any step, in any later round of a loop.
- ${code('await ctx.get("attempts", 0)', 'await ctx.get("attempts", default=0)')} gives a default when the key was never set; without a default, a
  missing key fails the step with \`Key 'attempts' not found in Context\`.

State lives as long as one run. Two runs never share it, and every step of a run sees the same
values, so a value set in \`start\` is there for \`check\` on every trip round the loop.

The example is a guessing game. \`start\` picks a secret with ${code('randint(1, 100)', 'random.randint(1, 100)')} and stores it with
the search bounds; \`check\` compares a guess, narrows the bounds and returns the next guess (a loop,
as in the previous chapter). Each \`ctx.set\` appears in the trace as a state change, so the inspector
shows how the bounds close in. The secret depends on the run's seed: change the seed and the game
takes a different number of guesses.

Store plain data (${alt('numbers, strings, arrays, objects', 'numbers, strings, lists, dicts')}). When you change a list, set a new
${alt('array rather than pushing onto the stored one', 'list rather than appending to the stored one')}, so that each change is recorded.`,
  example: 'tutorial/examples/state/guess.ts',
  exercises: [
    {
      id: 'remember-guesses',
      title: 'Remember every guess',
      task: 'Keep a list of every guess under the key `guesses` in the context, and end the run with that list as the result.',
      start: 'tutorial/examples/state/guess.ts',
      solution: 'tutorial/examples/state/remember-guesses.ts',
      hint: prose`In \`check\`, read ${code('await ctx.get<number[]>("guesses", [])', 'await ctx.get("guesses", default=[])')}, add \`ev.guess\`, and \`ctx.set\` the new ${alt('array', 'list')}. Return it in the StopEvent.`,
      check(trace) {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const made = emittedOfType(trace, 'GuessEvent').map((r) => (r.payload as { guess?: unknown }).guess);
        const kept = lastState(trace, 'guesses');
        const details = [`guesses made: ${JSON.stringify(made)}`, `last value of "guesses": ${JSON.stringify(kept ?? null)}`];
        if (kept === undefined) return fail(`The run made ${made.length} guesses but never set the key "guesses".`, details);
        if (JSON.stringify(kept) !== JSON.stringify(made)) return fail('"guesses" in the context does not hold every guess the run made, in order.', details);
        const result = runFinished(trace)?.result;
        if (JSON.stringify(result) !== JSON.stringify(made)) {
          return fail(`The context holds all ${made.length} guesses, but the result is ${JSON.stringify(result ?? null)}.`, details);
        }
        return pass(`The context kept all ${made.length} guesses and the run returned them.`, details);
      },
    },
  ],
};
