/**
 * Questions about failures and retries, asked of a trace: how often a step was tried, how long it
 * waited in between, and whether an error step took a failure over. Like `traceFacts`, they read the
 * records the engine wrote and nothing else.
 */
import type { StepFailedRecord, TraceRecord } from '../engine/index.ts';
import { isStep, listing, ofKind, runFinished } from './traceFacts.ts';

type Trace = readonly TraceRecord[];

/** Every failed attempt of `step`, in order. */
export function failuresOf(trace: Trace, step: string): StepFailedRecord[] {
  return ofKind(trace, 'step.failed').filter((r) => isStep(r.step, step));
}

/** The most attempts any one invocation of `step` began (0 when it never ran). */
export function mostAttempts(trace: Trace, step: string): number {
  return ofKind(trace, 'step.started').reduce((most, r) => (isStep(r.step, step) ? Math.max(most, r.attempt) : most), 0);
}

/** The waits (seconds) the retry policy chose after each failed attempt of `step`, in order. */
export function retryWaits(trace: Trace, step: string): number[] {
  return failuresOf(trace, step).flatMap((r) => (r.willRetry && r.retryDelay !== undefined ? [r.retryDelay] : []));
}

/**
 * The steps whose code produced the run's stop event or one of its causes: the stop event's producer,
 * then the producer of the event that producer was handling, and so on back to the start.
 */
export function stopLineage(trace: Trace): string[] {
  const end = runFinished(trace);
  if (end?.status !== 'stopped' || end.event === undefined) return [];
  const byId = new Map(ofKind(trace, 'event.emitted').map((r) => [r.event, r]));
  const steps: string[] = [];
  const seen = new Set<number>();
  for (let id: number | null = end.event; id !== null && !seen.has(id); ) {
    seen.add(id);
    const emitted = byId.get(id);
    if (!emitted) break;
    if (emitted.step !== null) steps.push(emitted.step);
    id = emitted.parent;
  }
  return steps;
}

/** `[2, 4]` as `2s and 4s`. */
export function waitsInWords(waits: readonly number[]): string {
  return waits.length === 0 ? 'none' : listing(waits.map((w) => `${Math.round(w * 100) / 100}s`));
}
