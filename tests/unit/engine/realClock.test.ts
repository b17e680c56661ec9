/**
 * The real clock's timers, as `sleep` and the run's timeout use them on the real clock.
 */
import { describe, expect, test } from 'vitest';
import { RealClock } from '../../../src/engine/clock.ts';

describe('the real clock', () => {
  test('a timer longer than the host keeps (a month) does not fire at once, and can still be cleared', async () => {
    const clock = new RealClock();
    let fired = 0;
    const month = clock.setTimer(30 * 24 * 3600 * 1000, () => fired++);
    const soon = clock.setTimer(5, () => fired++);
    expect(month.due).toBeGreaterThan(2 ** 31 - 1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    // The short one fired; the month-long one, which setTimeout alone fires after 1 ms, did not.
    expect(fired).toBe(1);
    expect(soon.cancelled).toBe(true);
    expect(month.cancelled).toBe(false);
    clock.clearTimer(month);
    clock.dispose();
  });
});
