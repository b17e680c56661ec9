import { describe, expect, test } from 'vitest';
import { MAX_INPUT_DEPTH, parseInput } from './parseInput.ts';

/** `{"a":{"a":...{"a":1}}}`, `depth` objects deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('parseInput', () => {
  test('a JSON object of fields; empty text is no fields', () => {
    expect(parseInput('{"name": "Ada"}')).toEqual({ ok: true, value: { name: 'Ada' } });
    expect(parseInput('  ')).toEqual({ ok: true, value: {} });
    expect(parseInput('[1]')).toMatchObject({ ok: false, message: /must be a JSON object/ });
    expect(parseInput('{')).toMatchObject({ ok: false, message: /not valid JSON/ });
  });

  test(`nesting up to ${MAX_INPUT_DEPTH} levels is taken; deeper (a hostile link's 3,000 or 100,000) is refused with a message`, () => {
    expect(parseInput(nested(MAX_INPUT_DEPTH)).ok).toBe(true);
    for (const depth of [MAX_INPUT_DEPTH + 1, 3_000, 100_000]) {
      expect(parseInput(nested(depth))).toEqual({ ok: false, message: `Input is nested deeper than ${MAX_INPUT_DEPTH} levels.` });
    }
  });
});
