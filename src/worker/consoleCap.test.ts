import { describe, expect, it } from 'vitest';
import { ConsoleCap } from './consoleCap.ts';

describe('ConsoleCap', () => {
  it('cuts a long line and says by how much', () => {
    const cap = new ConsoleCap({ lines: 10, chars: 1_000, lineChars: 5 });
    expect(cap.take('abcdefgh')).toEqual({ text: 'abcde… (3 more characters cut)', notice: false });
    expect(cap.summary()).toBe('Console output cut: 3 characters not shown.');
  });

  it('after the line limit shows one notice, then counts what it drops', () => {
    const cap = new ConsoleCap({ lines: 2, chars: 1_000, lineChars: 100 });
    expect(cap.take('a')?.notice).toBe(false);
    expect(cap.take('b')?.notice).toBe(false);
    expect(cap.take('c')).toEqual({ text: expect.stringContaining('Console limit reached (2 lines'), notice: true });
    expect(cap.take('dd')).toBeNull();
    expect(cap.summary()).toBe('Console output cut: 2 lines, 3 characters not shown.');
  });

  it('also stops at the character limit', () => {
    const cap = new ConsoleCap({ lines: 100, chars: 10, lineChars: 100 });
    expect(cap.take('0123456789')?.notice).toBe(false);
    expect(cap.take('x')?.notice).toBe(true);
  });

  it('says nothing when nothing was cut', () => {
    expect(new ConsoleCap().summary()).toBeNull();
  });
});
