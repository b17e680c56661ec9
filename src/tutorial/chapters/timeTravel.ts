import { fail, pass, unlessStopped } from '../checkResult.ts';
import { stopLineage } from '../failureFacts.ts';
import { forkChanges, forkedEvent, numberField } from '../forkFacts.ts';
import type { ForkedEvent } from '../forkFacts.ts';
import type { CheckResult } from '../model.ts';
import type { Chapter } from '../model.ts';
import { code, prose } from '../prose.ts';
import { describeEnd, runFinished } from '../traceFacts.ts';
import type { TraceRecord } from '../../engine/index.ts';

const HOW = 'Run it, then Fork from here… under the scrubber: change the fields of an event, RefundRequest #1.';

/** The run's fork of the RefundRequest, or why the run does not count as one. */
function refundFork(trace: readonly TraceRecord[]): ForkedEvent | CheckResult {
  if (runFinished(trace) === null) return fail('The run has not finished yet: let it end.');
  const forked = forkedEvent(trace, 'RefundRequest');
  if (forked) return forked;
  const other = forkChanges(trace);
  if (other.length > 0) return fail(`This fork changed ${other.join(' and ')}, not the RefundRequest. ${HOW}`);
  return fail(`This run is not a fork: ${describeEnd(trace)} ${HOW}`);
}

function prefixWords(forked: ForkedEvent): string {
  return `the ${forked.change.seq - 1} records before the change were the original run's`;
}

export const timeTravel: Chapter = {
  id: 'time-travel',
  title: 'Debugging with time travel',
  text: `A run on the virtual clock is a function of its code, its seed, its start input and what was
sent into it from outside: your answers, a press of Stop. Flowplay records those inputs in the trace,
so any run can be run again exactly. **Re-run exactly**, under the scrubber, does that and compares
the two runs record by record.

**Fork from here…** replays the run up to the moment the scrubber shows, then changes one thing: the
fields of an event about to be delivered, an answer you gave, or a value in the state. The page checks
the replayed records one by one ("the 4 records before the change are identical"), so what happens
after the change is caused by the change, not by chance. A fork leaves its change in the trace, where
the checks below look for it.

The **Runs** tab lists every run of the page as a tree, forks under the run they came from, with seed,
status, duration and what changed. Pick two to compare: the first record where they part, in words,
one timeline over the other, the events and state that differ, and the graph outlined where the second
run went another way. **Another seed**, beside the seed box, runs the same code with the next seed and
opens that comparison: the quickest way to find code that depends on timing.

**Why is it stuck?** lists what a run waits on at the moment shown, and what could still end each wait.

In the example a refund of 40 is approved by \`decide\`; above 100 it goes to a manager.`,
  example: 'tutorial/examples/time-travel/refund.ts',
  exercises: [
    {
      id: 'fork-the-request',
      title: 'Fork the refund',
      task: 'Without changing the code, fork the run at the RefundRequest and give it an amount over 100, keeping the order. Which step settles the refund now?',
      start: 'tutorial/examples/time-travel/refund.ts',
      solution: 'tutorial/examples/time-travel/refund.ts',
      fork: { type: 'RefundRequest', fields: { order: 'A-17', amount: 250 } },
      hint: 'Run, then Fork from here…, "the fields of an event", RefundRequest #1, and write {"order": "A-17", "amount": 250}.',
      check(trace) {
        const forked = refundFork(trace);
        if (!('change' in forked)) return forked;
        const amount = numberField(forked.fields, 'amount');
        if (amount === undefined) return fail(`The fork gave the RefundRequest ${JSON.stringify(forked.fields)}, without a number for amount.`);
        if (amount <= 100) return fail(`The fork gave the RefundRequest an amount of ${amount}, which decide approves by itself: ${describeEnd(trace)} Try one over 100.`);
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const lineage = stopLineage(trace);
        if (!lineage.includes('manager')) return fail(`The fork sent ${amount}, but the run was settled by ${lineage[0] ?? 'no step'}, not by manager.`);
        return pass(`The fork sent a refund of ${amount}; decide escalated it and manager settled it (${JSON.stringify(runFinished(trace)?.result ?? null)}); ${prefixWords(forked)}.`);
      },
    },
    {
      id: 'reject-negative',
      title: 'A refund of less than nothing',
      task: 'Fork the run with an amount of -30: `decide` approves a negative refund. Change `decide` so that a negative amount ends the run with a result starting with "rejected", Run the new code, and fork that run with a negative amount again to check it.',
      start: 'tutorial/examples/time-travel/refund.ts',
      solution: 'tutorial/examples/time-travel/refund-rejects.ts',
      fork: { type: 'RefundRequest', fields: { order: 'A-17', amount: -30 } },
      hint: prose`In \`decide\`, before the other rules: ${code('if (ev.amount < 0)', 'if ev.amount < 0:')} return a \`StopEvent\` whose \`result\` starts with "rejected". The fork replays your new code: run it first, then fork.`,
      check(trace) {
        const forked = refundFork(trace);
        if (!('change' in forked)) return forked;
        const amount = numberField(forked.fields, 'amount');
        if (amount === undefined || amount >= 0) return fail(`The fork gave the RefundRequest ${JSON.stringify(forked.fields)}: give it a negative amount, such as -30.`);
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const result = runFinished(trace)?.result;
        if (typeof result !== 'string' || !result.startsWith('rejected')) {
          return fail(`The fork sent ${amount} and the run ended with ${JSON.stringify(result ?? null)}: decide still lets a negative refund through.`);
        }
        return pass(`The fork sent ${amount} and the run ended ${JSON.stringify(result)}; ${prefixWords(forked)}.`);
      },
    },
  ],
};
