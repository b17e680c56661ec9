import type { ForkChange } from '../engine/replay.ts';
import type { TraceRecord } from '../engine/trace.ts';
import { compareTraces, isPause } from '../inspect/compareTraces.ts';
import type { TraceComparison } from '../inspect/compareTraces.ts';
import { clockOf } from './runList.ts';

/** What a re-run or a fork was checked against, and how it came out. */
export interface ReplayVerdict {
  /** The run it re-ran or forked. */
  of: number;
  /** What the fork changed, in words; null for a re-run. */
  change: string | null;
  /** How many of the original's records the new run had to repeat (all of them for a re-run). */
  prefix: number;
  /** How many of those it did repeat, from the start (pauses aside). */
  same: number;
  /** The pauses among those records (stepping, breakpoints): not compared. */
  pauses: number;
  difference: TraceComparison['difference'];
  /** The records that differ once the two runs are lined up (the first of them listed). */
  differences: TraceComparison['differences'];
  differing: TraceComparison['differing'];
  /** The original ran on the real clock: it was re-run on the virtual one, so it may differ. */
  realClock: boolean;
  /**
   * The page's step mode and breakpoints when the re-run began: not applied to it (a re-run is held
   * only where the recorded run was), and said so.
   */
  setAside: PauseSettings;
}

/** The pauses a person asks of a run: step mode, and breakpoints on these steps. */
export interface PauseSettings {
  stepMode: boolean;
  breakpoints: string[];
}

/**
 * How many records of `trace` a fork repeats before its change: everything written before the change
 * can happen (the event's record, the answer's input, the chosen moment).
 */
export function forkPrefix(trace: readonly TraceRecord[], fork: ForkChange | null): number {
  if (fork === null) return trace.length;
  switch (fork.change) {
    case 'fields': {
      const emitted = trace.find((r) => r.kind === 'event.emitted' && r.event === fork.event);
      return emitted ? emitted.seq - 1 : 0;
    }
    case 'answer': {
      const answers = trace.filter((r) => r.kind === 'input.received' && r.input === 'event');
      // A trace from before inputs were recorded: its answers are its external events.
      const older = answers.length === 0 ? trace.filter((r) => r.kind === 'event.emitted' && r.via === 'external') : answers;
      const answer = older[fork.answer];
      return answer ? answer.seq - 1 : 0;
    }
    case 'state':
    case 'code':
      return Math.min(fork.at, trace.length);
  }
}

/** Compares the new run with the original over the records it had to repeat. */
export function judgeReplay(original: { number: number; trace: readonly TraceRecord[] }, replayed: readonly TraceRecord[], fork: ForkChange | null, change: string | null, setAside: PauseSettings = { stepMode: false, breakpoints: [] }): ReplayVerdict {
  const prefix = forkPrefix(original.trace, fork);
  const { same, difference, differences, differing } = compareTraces(original.trace, replayed, fork === null ? Number.POSITIVE_INFINITY : prefix);
  const pauses = original.trace.slice(0, prefix).filter(isPause).length;
  return { of: original.number, change, prefix, same, pauses, difference, differences, differing, realClock: clockOf(original.trace) === 'real', setAside };
}
