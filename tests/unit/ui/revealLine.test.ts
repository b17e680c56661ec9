import { describe, expect, test } from 'vitest';
import { lineRange } from '../../../src/ui/inspect/revealLine.ts';

describe('the line an error names, clamped to the source', () => {
  const source = 'one\ntwo\nthree';
  test('a line inside the text selects that line', () => {
    expect(lineRange(source, 2)).toEqual({ start: 4, end: 7 });
  });
  test('a line far past the end selects the last line at once, however large the number', () => {
    expect(lineRange(source, 9_000_000_000_000_000)).toEqual({ start: 8, end: 13 });
    expect(lineRange(source, Number.POSITIVE_INFINITY)).toEqual({ start: 0, end: 3 });
    expect(lineRange(source, -5)).toEqual({ start: 0, end: 3 });
  });
});
