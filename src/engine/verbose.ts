/**
 * `verbose: true` output in the library's current format (its runtime's verbose module): one line per
 * step start and end, per event added from outside a step's return, per stream publish, per timeout
 * and cancellation, and the result. Worker numbers are printed from 0 as the library prints them
 * (the trace and the page count workers from 1).
 */
import type { Event } from './event.ts';
import { typeOf } from './event.ts';
import { summarizeEvent } from './eventSummary.ts';

function inputName(input: Event | Event[]): string {
  if (!Array.isArray(input)) return typeOf(input);
  return input.length ? `${typeOf(input[0]!)}[]` : 'an empty batch';
}

export const verboseLines = {
  started: (step: string, worker: number, input: Event | Event[]) => `[${step}:${worker - 1}] started from ${inputName(input)}`,
  completed: (step: string, worker: number, outputs: readonly Event[]) => {
    const what = outputs.length === 0 ? 'no result' : outputs.length === 1 ? typeOf(outputs[0]!) : `${outputs.length} events`;
    return `[${step}:${worker - 1}] complete with ${what}`;
  },
  enqueued: (step: string) => `[${step}] enqueued (waiting for capacity)`,
  added: (ev: Event, target: string | null) => `[tick] add: ${summarizeEvent(ev)}${target ? ` -> ${target}` : ''}`,
  published: (ev: Event) => `[tick] publish: ${summarizeEvent(ev)}`,
  timeout: (seconds: number) => `[tick] timeout: ${seconds}s`,
  waiterTimeout: (step: string, waiter: string) => `[tick] waiter timeout: step ${step} waiter ${waiter}`,
  cancelled: () => '[tick] cancelled',
  result: (ev: Event) => `[result] ${summarizeEvent(ev)}`,
} as const;
