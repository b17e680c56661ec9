import { readObjectLiteral } from './objectLiteral.ts';
import type { OwnRunCall } from './ownRunCall.ts';

/** The name code calls to take the Input box's values (exported by `flowplay`). */
export const START_INPUT = 'startInput';

/** Whether the call already passes on what the host was given: `run(startInput())`, or spreads it. */
export function takesStartInput(call: OwnRunCall): boolean {
  return new RegExp(`\\b${START_INPUT}\\s*\\(\\s*\\)`).test(call.argument);
}

export type InputMove = { ok: true; source: string; inputText: string } | { ok: false; reason: string };

/**
 * Moves the values a `run({...})` call writes into the Input box: the call becomes
 * `run(startInput())` and `startInput` joins the file's import from `flowplay`. Only plain values
 * move; a call that computes its input is left to the code.
 */
export function moveRunInput(source: string, call: OwnRunCall): InputMove {
  const read = readObjectLiteral(source.slice(call.from, call.to));
  if (!read.ok) return read;
  const edits = [{ start: call.from, end: call.to, text: `${START_INPUT}()` }, importEdit(source)].filter((e) => e !== null);
  let next = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) next = next.slice(0, e.start) + e.text + next.slice(e.end);
  return { ok: true, source: next, inputText: JSON.stringify(read.value) };
}

const FLOWPLAY_IMPORT = /^[ \t]*import\s*\{([^}]*)\}\s*from\s*(["'])flowplay\2/m;

/** The edit that imports `startInput` from flowplay, or null when the file already does. */
function importEdit(source: string): { start: number; end: number; text: string } | null {
  const found = FLOWPLAY_IMPORT.exec(source);
  if (found) {
    const names = found[1]!;
    if (new RegExp(`(^|[\\s,])${START_INPUT}\\s*(,|$)`).test(names.trim())) return null;
    const open = found.index + found[0].indexOf('{') + 1;
    const listed = names.replace(/\s+$/, '');
    const end = open + listed.length;
    // After the last name, before a trailing comma's absence or presence: `{ a, b }` -> `{ a, b, startInput }`.
    return listed.trim() === ''
      ? { start: open, end: open + names.length, text: ` ${START_INPUT} ` }
      : { start: end, end, text: listed.endsWith(',') ? ` ${START_INPUT},` : `, ${START_INPUT}` };
  }
  return { start: 0, end: 0, text: `import { ${START_INPUT} } from "flowplay";\n` };
}
