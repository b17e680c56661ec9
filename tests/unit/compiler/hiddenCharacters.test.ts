import { describe, expect, test } from 'vitest';
import { hiddenCharacterDiagnostics } from '../../../src/compiler/hiddenCharacters.ts';

describe('hidden characters in the code', () => {
  test('each bidirectional control, isolates and their ends included, is a warning at its place', () => {
    const source = 'const a = 1;\nconst isAdmin = false; /*\u202e } \u2066if (isAdmin)\u2069 \u2068 begin admins only */\u202c\n';
    const found = hiddenCharacterDiagnostics(source);
    expect(found.map((d) => d.message.match(/U\+[0-9A-F]{4}/)![0])).toEqual(['U+202E', 'U+2066', 'U+2069', 'U+2068', 'U+202C']);
    expect(found.every((d) => d.severity === 'warning' && d.range.line === 2 && d.code === 'hidden-character')).toBe(true);
    expect(found[3]!.message).toBe('Line 2 has a hidden character, U+2068 FIRST STRONG ISOLATE: it can make the code read differently from how it runs. Delete it unless you put it there.');
    expect(source.slice(found[0]!.range.start, found[0]!.range.end)).toBe('\u202e');
  });

  test('plain code has none, a leading byte order mark is fine, and thousands are summarised', () => {
    expect(hiddenCharacterDiagnostics('\ufeffconst a = "héllo";\n')).toEqual([]);
    const many = hiddenCharacterDiagnostics('\u200b'.repeat(5_000));
    expect(many).toHaveLength(21);
    expect(many[20]!.message).toBe('4,980 more hidden characters are not listed.');
  });
});
