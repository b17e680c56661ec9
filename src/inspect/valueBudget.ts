import type { ErrorInfo, TraceRecord } from '../engine/trace.ts';

export interface ValueBudgetLimits {
  /** Largest value (payload, state value, result) kept, in characters of its JSON. */
  maxValueChars: number;
  /** All values of one run together, in characters of their JSON. */
  maxRunChars: number;
  /** Longest text kept: a log line, an error's message or stack. */
  maxText: number;
}

/**
 * A run that stored a 40 MB value sixty times grew the page to 2.4 GB. About 16 million characters
 * of values per run (32 MB in memory as UTF-16) and 1 million per value leave every example and
 * exercise untouched (their whole traces are a few hundred KB).
 */
export const DEFAULT_VALUE_BUDGET: ValueBudgetLimits = { maxValueChars: 1_000_000, maxRunChars: 16_000_000, maxText: 100_000 };

/**
 * Bounds the bytes a run's records hold, record by record, in order: a value larger than
 * `maxValueChars`, or one that would take the run past `maxRunChars`, is replaced by a short marker
 * that says so, and over-long texts are cut. The runner applies it before sending and the page again
 * on arrival (and to saved runs), with the same limits, so a run that only kept within them is
 * never touched twice. `summary()` is the note the user reads once the run has ended.
 */
export class ValueBudget {
  private spent = 0;
  private values = 0;
  private texts = 0;
  private readonly limits: ValueBudgetLimits;

  constructor(limits: ValueBudgetLimits = DEFAULT_VALUE_BUDGET) {
    this.limits = limits;
  }

  /** The record, or a copy of it with values replaced and texts cut. */
  apply(record: TraceRecord): TraceRecord {
    switch (record.kind) {
      case 'event.emitted': {
        const payload = this.value(record.payload);
        return payload === record.payload ? record : { ...record, payload };
      }
      case 'state.changed': {
        const value = this.value(record.value);
        return value === record.value ? record : { ...record, value };
      }
      case 'run.finished': {
        const result = record.result === undefined ? undefined : this.value(record.result);
        const error = record.error ? this.error(record.error) : undefined;
        if (result === record.result && error === record.error) return record;
        return { ...record, ...(result !== undefined ? { result } : {}), ...(error ? { error } : {}) };
      }
      case 'step.failed': {
        const error = this.error(record.error);
        return error === record.error ? record : { ...record, error };
      }
      case 'log': {
        const text = this.text(record.text);
        return text === record.text ? record : { ...record, text };
      }
      default:
        return record;
    }
  }

  /** One value (an event's payload) held to the budget, as `apply` holds a record's. */
  bound<T>(value: T): T | string {
    return this.value(value);
  }

  /** What was cut in this run, as one sentence, or null when nothing was. */
  summary(): string | null {
    if (this.values === 0 && this.texts === 0) return null;
    const parts: string[] = [];
    const { maxValueChars, maxRunChars, maxText } = this.limits;
    if (this.values > 0) {
      parts.push(
        `${plural(this.values, 'value')} not kept (a value may take ${maxValueChars.toLocaleString('en-US')} characters, and a run ${maxRunChars.toLocaleString('en-US')} in all); they show as "[cut: …]"`,
      );
    }
    if (this.texts > 0) parts.push(`${plural(this.texts, 'text')} cut at ${maxText.toLocaleString('en-US')} characters`);
    return `Values cut: ${parts.join('; ')}. The run itself was not changed.`;
  }

  private value<T>(value: T): T | string {
    const size = jsonSize(value, this.limits.maxValueChars);
    if (size <= this.limits.maxValueChars && this.spent + size <= this.limits.maxRunChars) {
      this.spent += size;
      return value;
    }
    this.values++;
    return size > this.limits.maxValueChars
      ? `[cut: a value of more than ${this.limits.maxValueChars.toLocaleString('en-US')} characters]`
      : '[cut: this run\'s values passed their budget]';
  }

  private text(text: string): string {
    const { maxText } = this.limits;
    if (text.length <= maxText) return text;
    this.texts++;
    return `${text.slice(0, maxText)}… (${(text.length - maxText).toLocaleString('en-US')} more characters cut)`;
  }

  private error(error: ErrorInfo): ErrorInfo {
    const message = this.text(error.message);
    const stack = error.stack === undefined ? undefined : this.text(error.stack);
    if (message === error.message && stack === error.stack) return error;
    return { ...error, message, ...(stack !== undefined ? { stack } : {}) };
  }
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * About the length of the value's JSON, without building it; stops counting once past `limit`
 * (returning a number above it), so a huge value costs no more than a value at the limit.
 */
export function jsonSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 2;
    else if (typeof v === 'number') size += 8;
    else if (typeof v === 'boolean' || v === null || v === undefined) size += 5;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (const item of v) stack.push(item);
    } else if (typeof v === 'object') {
      size += 2;
      for (const [key, item] of Object.entries(v)) {
        size += key.length + 4;
        stack.push(item);
      }
    }
  }
  return size;
}
