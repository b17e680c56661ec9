import { Text } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { MAX_PLACEHOLDERS, tooManyToDraw } from '../../../src/ui/editor/markHiddenCharacters.ts';

describe('how many hidden characters the editor draws', () => {
  test('up to the limit they are drawn; past it, not; line breaks and tabs never count', () => {
    const at = `x${'\u200b'.repeat(MAX_PLACEHOLDERS)}`;
    const past = `${at}\u202e`;
    expect(tooManyToDraw(at)).toBe(false);
    expect(tooManyToDraw(past)).toBe(true);
    expect(tooManyToDraw(Text.of(past.split('x')))).toBe(true);
    expect(tooManyToDraw('a\n'.repeat(50_000) + '\t'.repeat(5_000))).toBe(false);
    expect(tooManyToDraw(Text.of(Array.from({ length: 50_000 }, () => 'line')))).toBe(false);
  });
});
