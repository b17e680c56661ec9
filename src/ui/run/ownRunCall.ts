/** Where the code starts its workflow itself: `w.run(…)` outside the workflow classes. */
export interface OwnRunCall {
  /** 1-based line of the call. */
  line: number;
  /** Offsets of the call's arguments in the source (between the parentheses). */
  from: number;
  to: number;
  /** The arguments as written, on one line (empty when it passes none). */
  argument: string;
}

/**
 * Finds the first `.run(` call outside the given ranges (the workflow classes, whose own calls are
 * not the top-level start), skipping comments and strings. A scan of the text rather than the
 * compiler: it answers at once while the analysis of an edit is still on its way.
 */
export function findOwnRunCall(source: string, skip: readonly { start: number; end: number }[]): OwnRunCall | null {
  const code = blankCommentsAndStrings(source);
  const pattern = /\.\s*run\s*\(/g;
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    const at = match.index;
    if (skip.some((range) => at >= range.start && at < range.end)) continue;
    const from = at + match[0].length;
    const to = closingParen(code, from);
    if (to === null) return null;
    return { line: source.slice(0, at).split('\n').length, from, to, argument: source.slice(from, to).replace(/\s+/g, ' ').trim() };
  }
  return null;
}

function closingParen(code: string, from: number): number | null {
  let depth = 1;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (depth === 0) return i;
  }
  return null;
}

/** The source with comments and the insides of strings turned to spaces, offsets unchanged. */
function blankCommentsAndStrings(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    let end = i + 1;
    if (c === '/' && next === '/') end = lineEnd(source, i);
    else if (c === '/' && next === '*') end = Math.min(source.length, (source.indexOf('*/', i + 2) + 1 || source.length - 1) + 1);
    else if (c === '"' || c === "'" || c === '`') end = stringEnd(source, i, c);
    else {
      out += c;
      i++;
      continue;
    }
    const keepQuotes = c === '"' || c === "'" || c === '`';
    out += keepQuotes ? c + source.slice(i + 1, end - 1).replace(/[^\n]/g, ' ') + (end - 1 > i ? source[end - 1] : '') : source.slice(i, end).replace(/[^\n]/g, ' ');
    i = end;
  }
  return out;
}

function lineEnd(source: string, from: number): number {
  const at = source.indexOf('\n', from);
  return at === -1 ? source.length : at;
}

function stringEnd(source: string, from: number, quote: string): number {
  for (let i = from + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i + 1;
    else if (source[i] === '\n' && quote !== '`') return i;
  }
  return source.length;
}
