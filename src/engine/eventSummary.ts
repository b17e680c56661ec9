/**
 * One-line summaries of events for verbose output, in the library's shape: `Name(field=value, …)`,
 * a StopEvent's result first, long strings and large lists or objects shortened, at most 200
 * characters. Strings are quoted as the library prints them ('done'), so the lines read the same.
 */
import { StopEvent, typeOf, type Event } from './event.ts';

const MAX_VALUE = 50;
const MAX_SUMMARY = 200;

function quote(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  return q + text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n') + q;
}

function literal(value: unknown, depth: number): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? `${value}n` : String(value);
  if (depth > 1) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, depth + 1)).join(', ')}]`;
  const name = (value as object).constructor?.name;
  if (name && name !== 'Object') return `${name}(…)`;
  return `{${Object.entries(value).map(([k, v]) => `${quote(k)}: ${literal(v, depth + 1)}`).join(', ')}}`;
}

function summarizeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}...` : value);
  if (Array.isArray(value)) return value.length > 3 ? `[${value.length} items]` : literal(value, 0);
  if (value !== null && typeof value === 'object' && (value as object).constructor === Object) {
    const n = Object.keys(value).length;
    if (n > 3) return `{${n} keys}`;
  }
  return literal(value, 0);
}

/** `maxLength` caps the whole summary, `...` included (the library's `max_length`, 200 by default). */
export function summarizeEvent(ev: Event, maxLength = MAX_SUMMARY): string {
  try {
    const parts: string[] = [];
    const fields = ev as unknown as Record<string, unknown>;
    const isStop = ev instanceof StopEvent;
    if (isStop && fields.result !== undefined && fields.result !== null) parts.push(`result=${summarizeValue(fields.result)}`);
    for (const key of Object.keys(fields)) {
      if (isStop && key === 'result') continue;
      parts.push(`${key}=${summarizeValue(fields[key])}`);
    }
    const text = `${typeOf(ev)}(${parts.join(', ')})`;
    return text.length > maxLength ? `${text.slice(0, Math.max(0, maxLength - 3))}...` : text;
  } catch {
    return typeOf(ev);
  }
}
