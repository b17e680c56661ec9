import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/engine/trace.ts';
import { clockAt } from '../../../src/ui/replay/clockAt.ts';

const at = (t: number) => ({ t }) as TraceRecord;

describe('the scrubber\'s clock', () => {
  // Two records at workflow time 0 (shown at playback 0 and 100), the next at 2000 ms (a sleep).
  const trace = [at(0), at(0), at(2000)];
  const times = [0, 100, 2100];

  it('moves through a sleep with the playback instead of jumping at its end', () => {
    expect(clockAt(trace, times, 2, 100, 0)).toBe(0);
    expect(clockAt(trace, times, 2, 1100, 0)).toBe(1000);
    expect(clockAt(trace, times, 2, 2099, 0)).toBe(1999);
  });

  it('never runs past the next record, and stands still at the end of the run', () => {
    expect(clockAt(trace, times, 2, 9_000, 0)).toBe(2000);
    expect(clockAt(trace, times, 3, 9_000, 2000)).toBe(2000);
    expect(clockAt(trace, times, 0, 0, 0)).toBe(0);
  });
});
