import { describe, expect, test } from 'vitest';
import { outcomesText, queuedText, queuedTitle } from '../../../src/inspect/index.ts';

describe('the words of a step box', () => {
  test('outcomes in a fixed order, only those that happened', () => {
    expect(outcomesText(undefined)).toBe('');
    expect(outcomesText({ done: 0, cancelled: 0, failed: 0 })).toBe('');
    expect(outcomesText({ done: 3, cancelled: 0, failed: 2 })).toBe('✓3 done ✕2 failed');
    expect(outcomesText({ done: 1, cancelled: 1, failed: 1 })).toBe('✓1 done ⊘1 cancelled ✕1 failed');
  });

  test('a queue count stays short enough for the box, the exact figure in its title', () => {
    expect(queuedText(0)).toBe('');
    expect(queuedText(1)).toBe('1 queued');
    expect(queuedText(4992)).toBe('4,992 queued');
    expect(queuedText(99_999)).toBe('99,999 queued');
    expect(queuedText(123_456)).toBe('123k queued');
    expect(queuedText(12_345_678)).toBe('12,345k queued');
    expect(queuedTitle(1)).toBe('1 invocation waits for a free worker');
    expect(queuedTitle(123_456)).toBe('123,456 invocations wait for a free worker');
  });
});
