/**
 * An exercise's second run (`Exercise.recheck`): which fork of a passing run makes it, whether a
 * trace is that run, and what to tell the reader meanwhile. The page and the tests use the same
 * functions, so both judge the same pair of runs.
 */
import type { ForkChange, JsonValue, TraceRecord } from '../engine/index.ts';
import type { CheckResult, Exercise } from './model.ts';
import { ofKind } from './traceFacts.ts';

type Trace = readonly TraceRecord[];
type Fields = { [key: string]: JsonValue };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isFields(value: JsonValue | undefined): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields a fork gave the events of `type` in this run, or null when no fork changed one. */
export function forkedFields(trace: Trace, type: string): Fields | null {
  const input = ofKind(trace, 'input.received').find((r) => r.input === 'fields' && r.type === type);
  return input && isFields(input.value) ? input.value : null;
}

/** Whether `trace` is the exercise's second run: its event got the recheck's fields from a fork. */
export function isRecheckRun(exercise: Exercise, trace: Trace): boolean {
  const { recheck } = exercise;
  if (!recheck) return false;
  const given = forkedFields(trace, recheck.type);
  return given !== null && Object.entries(recheck.fields).every(([name, value]) => same(given[name], value));
}

/**
 * The fork that makes the second run of `trace`, once its check passed: the first event of the
 * recheck's type keeps its other fields and gets the recheck's. Null when the exercise has no second
 * run, the first did not pass, this is already the second, or the run has no such event.
 */
export function recheckFork(exercise: Exercise, trace: Trace, result: CheckResult): ForkChange | null {
  const { recheck } = exercise;
  if (!recheck || !result.passed || isRecheckRun(exercise, trace)) return null;
  const first = ofKind(trace, 'event.emitted').find((r) => r.type === recheck.type);
  if (!first) return null;
  return { change: 'fields', event: first.event, fields: { ...(isFields(first.payload) ? first.payload : {}), ...recheck.fields } };
}

/** The recheck's fields in words: `text "Boa noite"`. */
export function recheckInWords(exercise: Exercise): string {
  return Object.entries(exercise.recheck?.fields ?? {})
    .map(([name, value]) => `${name} ${JSON.stringify(value)}`)
    .join(', ');
}

/** What the panel says while the second run goes: the first passed, and what the second changes. */
export function recheckPending(exercise: Exercise, first: CheckResult): CheckResult {
  const type = exercise.recheck?.type ?? '';
  return { passed: false, message: `That run passed. Running the same code again with the ${type}'s ${recheckInWords(exercise)}: it has to pass with other input too.`, details: first.details ?? [] };
}
