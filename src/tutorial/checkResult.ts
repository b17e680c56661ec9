/** Builders for check results, so every check words success and failure the same way. */
import type { TraceRecord } from '../engine/index.ts';
import type { CheckResult } from './model.ts';
import { describeEnd, runFinished } from './traceFacts.ts';

export function pass(message: string, details?: string[]): CheckResult {
  return details ? { passed: true, message, details } : { passed: true, message };
}

export function fail(message: string, details?: string[]): CheckResult {
  return details ? { passed: false, message, details } : { passed: false, message };
}

/**
 * Most exercises are about a run that stops. When it did not, that is the first thing to say, with
 * the run's own error message, before anything about collecting or counting.
 */
export function unlessStopped(trace: readonly TraceRecord[]): CheckResult | null {
  const end = runFinished(trace);
  if (end === null) return fail('The run has not finished yet: run the code and let it end.');
  if (end.status === 'stopped') return null;
  return fail(describeEnd(trace));
}
