import type { ConsoleLine } from './runFold.ts';

/** A console line as the page shows it: workflow time, the step that logged it (or `run`), the text. */
export function consoleLineText(line: ConsoleLine): string {
  return `${(line.t / 1000).toFixed(2)}s ${line.step ?? 'run'} ${line.text}`;
}

/** A stopped run's result as the page shows it: text as it is, anything else as indented JSON. */
export function formatResult(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}
