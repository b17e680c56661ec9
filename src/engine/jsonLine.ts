/**
 * A value as one line of JSON for a message or a list, cut with "…" past `max` characters. Values
 * here are the user's (run input, event fields): nothing is trusted to be short, to be JSON at all
 * (a cycle, a BigInt) or to print without throwing, so whatever JSON cannot write is written as
 * `String(value)` would.
 *
 * This module imports nothing: the layers that may use only the engine's types (the inspector) may
 * still call it, so a run's messages and the page's lists write values alike.
 *
 * @example
 * jsonLine({ query: 'Query 1' }, 10) // '{"query":"…'
 */
export function jsonLine(value: unknown, max: number): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
