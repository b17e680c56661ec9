/** A replacement of `[start, end)` of the original text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (in any order) to a text whose offsets match the original's. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue; // overlapping edits lose; callers avoid them
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Replaces a span but keeps its line breaks, so that every later line keeps its number. */
export function replaceKeepingLines(original: string, start: number, end: number, text: string): TextEdit {
  const breaks = original.slice(start, end).split('\n').length - 1;
  return { start, end, text: text + '\n'.repeat(breaks) };
}

/** Blanks a span with spaces (line breaks kept), so that columns stay put too. */
export function blank(original: string, start: number, end: number): TextEdit {
  return { start, end, text: original.slice(start, end).replace(/[^\n\r]/g, ' ') };
}
