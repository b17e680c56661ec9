import { describe, expect, it } from 'vitest';
import { formatLogArgs } from './formatLogArgs.ts';

class StepThreeEvent {
  result: string;
  constructor(result: string) {
    this.result = result;
  }
}

describe('formatLogArgs', () => {
  it('joins arguments with spaces and leaves strings as they are', () => {
    expect(formatLogArgs(['Running query ', 'Query 1'])).toBe('Running query  Query 1');
  });

  it('shows events by class name and fields, as the Python tutorial prints them', () => {
    expect(formatLogArgs([[new StepThreeEvent('Query 1'), new StepThreeEvent('Query 2')]])).toBe(
      '[StepThreeEvent(result="Query 1"), StepThreeEvent(result="Query 2")]',
    );
  });

  it('survives cycles, odd values and huge arrays without throwing', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(formatLogArgs([cyclic])).toBe('{name: "a", self: [Circular]}');
    expect(formatLogArgs([10n, undefined, null, Symbol('s'), () => 1])).toBe('10n undefined null Symbol(s) [Function anonymous]');
    expect(formatLogArgs([Array.from({ length: 60 }, (_, i) => i)])).toContain('… 10 more');
  });
});
