import { describe, expect, it } from 'vitest';
import { toJsonSafe } from '../engine/index.ts';
import { cutAtDepth } from './payloadDepth.ts';

describe('cutAtDepth', () => {
  it('notices a value the engine cut at its depth limit', () => {
    let deep: unknown = { end: true };
    for (let i = 0; i < 10; i++) deep = { deep };
    expect(cutAtDepth(toJsonSafe(deep))).toBe(true);
    expect(cutAtDepth(toJsonSafe({ list: [[[[[[1, 2]]]]]] }))).toBe(true);
  });

  it('leaves shallow values and look-alike strings near the top alone', () => {
    expect(cutAtDepth(toJsonSafe({ a: { b: '[Object]' }, c: [1, 2, 3] }))).toBe(false);
    expect(cutAtDepth('[Object]')).toBe(false);
    expect(cutAtDepth(null)).toBe(false);
  });
});
