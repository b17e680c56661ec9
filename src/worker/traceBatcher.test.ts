import { describe, expect, it, vi } from 'vitest';
import { BATCH_MS, MAX_BATCH, PROMPT_STARTS, TraceBatcher } from './traceBatcher.ts';

/** A batcher over numbered records: each send takes every record written since the last. */
function numbered(deliver: (batch: number[]) => unknown = () => undefined, clock?: () => number) {
  let written = 0;
  let sent = 0;
  const batches: number[][] = [];
  const batcher = new TraceBatcher(() => {
    const batch = Array.from({ length: written - sent }, (_, i) => sent + i);
    sent = written;
    batches.push(batch);
    return deliver(batch);
  }, clock);
  return {
    batches,
    batcher,
    write(now = false) {
      written++;
      batcher.written(now);
    },
  };
}

describe('TraceBatcher', () => {
  it('sends records in one batch per frame, in order', () => {
    vi.useFakeTimers();
    const { batches, write } = numbered();
    for (let i = 0; i < 5; i++) write();
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(batches).toEqual([[0, 1, 2, 3, 4]]);
    vi.useRealTimers();
  });

  it('sends a step start at once, so a step stuck in a loop is still known to the page', () => {
    const { batches, write } = numbered();
    write();
    write(true);
    expect(batches).toEqual([[0, 1]]);
  });

  it('sends starts at once only PROMPT_STARTS times a batch: a fan-out starting steps by the thousand waits for the batch', () => {
    vi.useFakeTimers();
    let now = 0;
    const { batches, write } = numbered(undefined, () => now);
    for (let i = 0; i < PROMPT_STARTS; i++) write(true);
    expect(batches).toHaveLength(PROMPT_STARTS);
    write(true);
    write(true);
    expect(batches).toHaveLength(PROMPT_STARTS);
    // The held starts go with the batch, in order.
    now = BATCH_MS;
    vi.advanceTimersByTime(BATCH_MS);
    expect(batches).toHaveLength(PROMPT_STARTS + 1);
    expect(batches.flat()).toEqual(Array.from({ length: PROMPT_STARTS + 2 }, (_, i) => i));
    // A new batch's time brings the allowance back.
    write(true);
    expect(batches).toHaveLength(PROMPT_STARTS + 2);
    vi.useRealTimers();
  });

  it('splits a burst into batches the page can take in one short task', () => {
    const { batches, batcher, write } = numbered();
    for (let i = 0; i < MAX_BATCH * 3 + 7; i++) write();
    batcher.flush();
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(MAX_BATCH);
    expect(batches.flat()).toEqual(Array.from({ length: MAX_BATCH * 3 + 7 }, (_, i) => i));
  });

  it('drains only once the page has the last batch', async () => {
    let delivered = false;
    const { batcher, write } = numbered(() => new Promise<void>((resolve) => setTimeout(() => ((delivered = true), resolve()), 5)));
    write();
    await batcher.drain();
    expect(delivered).toBe(true);
  });
});
