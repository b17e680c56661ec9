import type { TraceRecord } from '../engine/trace.ts';
import { compareRuns } from '../inspect/compareRuns.ts';
import type { RunComparison } from '../inspect/compareRuns.ts';
import type { ListedRun } from './runList.ts';
import type { ComparePair } from './uiStore.ts';

interface Cached {
  first: readonly TraceRecord[];
  second: readonly TraceRecord[];
  lengths: string;
  numbers: string;
  result: RunComparison;
}

let last: Cached | null = null;

/**
 * The comparison of a pair of the page's runs, or null when either is no longer kept. The graph's
 * nodes and the Runs tab ask for it on every render; it is worked out again only when a trace grows
 * or another pair is chosen.
 */
export function comparisonOf(runs: readonly ListedRun[], pair: ComparePair | null): RunComparison | null {
  if (!pair) return null;
  const first = runs.find((r) => r.number === pair.first);
  const second = runs.find((r) => r.number === pair.second);
  if (!first || !second) return null;
  const lengths = `${first.trace.length}/${second.trace.length}`;
  const numbers = `${first.number}/${second.number}`;
  if (last && last.first === first.trace && last.second === second.trace && last.lengths === lengths && last.numbers === numbers) return last.result;
  const result = compareRuns({ number: first.number, trace: first.trace }, { number: second.number, trace: second.trace });
  last = { first: first.trace, second: second.trace, lengths, numbers, result };
  return result;
}
