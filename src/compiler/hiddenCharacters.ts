import type { Diagnostic, SourceRange } from './model.ts';

/**
 * Characters that change how code reads without showing themselves: the bidirectional controls
 * (embeddings, overrides, isolates and their ends, marks) and zero-width ones. Code from a link can
 * use them to make a line read differently from how it runs ("Trojan Source").
 */
const NAMES: Record<string, string> = {
  '\u061c': 'ARABIC LETTER MARK',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2061': 'FUNCTION APPLICATION',
  '\u2062': 'INVISIBLE TIMES',
  '\u2063': 'INVISIBLE SEPARATOR',
  '\u2064': 'INVISIBLE PLUS',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

const HIDDEN = new RegExp(`[${Object.keys(NAMES).join('')}]`, 'g');
/** One warning per character up to this many; the rest are counted in one more. */
const MAX_WARNINGS = 20;

/**
 * A warning for each hidden character in `source`, at its place, naming it. Works on the text alone,
 * so every language's front end can add these to its diagnostics.
 */
export function hiddenCharacterDiagnostics(source: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  let more = 0;
  for (const match of source.matchAll(HIDDEN)) {
    const at = match.index;
    // Count lines up to here without rescanning from the start.
    for (let i = source.indexOf('\n', scanned); i !== -1 && i < at; i = source.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = at;
    if (at === 0 && match[0] === '\ufeff') continue; // a byte order mark at the very start is harmless
    if (found.length >= MAX_WARNINGS) {
      more++;
      continue;
    }
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    found.push(warning(range(at, line, at - lineStart + 1), `Line ${line} has a hidden character, U+${code} ${NAMES[match[0]]}: it can make the code read differently from how it runs. Delete it unless you put it there.`));
  }
  if (more > 0) found.push(warning(found[found.length - 1]!.range, `${more.toLocaleString('en-US')} more hidden characters are not listed.`));
  return found;
}

function range(start: number, line: number, column: number): SourceRange {
  return { start, end: start + 1, line, column, endLine: line, endColumn: column + 1 };
}

function warning(at: SourceRange, message: string): Diagnostic {
  return { severity: 'warning', message, range: at, code: 'hidden-character', source: 'flowplay' };
}
