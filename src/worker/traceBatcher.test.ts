import { describe, expect, it, vi } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { MAX_BATCH, TraceBatcher } from './traceBatcher.ts';

const log = (seq: number): TraceRecord => ({ v: 2, runId: 'r', seq, t: 0, kind: 'log', level: 'log', text: `${seq}`, step: null, invocation: null });
const started = (seq: number): TraceRecord => ({ v: 2, runId: 'r', seq, t: 0, kind: 'step.started', step: 's', invocation: seq, worker: 0, events: [], attempt: 1 });

describe('TraceBatcher', () => {
  it('sends records in one batch per frame, in order', () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    const batcher = new TraceBatcher((batch) => batches.push(batch.map((r) => r.seq)));
    for (let i = 0; i < 5; i++) batcher.push(log(i));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(batches).toEqual([[0, 1, 2, 3, 4]]);
    vi.useRealTimers();
  });

  it('sends a step start at once, so a step stuck in a loop is still known to the page', () => {
    const batches: number[][] = [];
    const batcher = new TraceBatcher((batch) => batches.push(batch.map((r) => r.seq)));
    batcher.push(log(0));
    batcher.push(started(1));
    expect(batches).toEqual([[0, 1]]);
  });

  it('splits a burst into batches the page can take in one short task', () => {
    const sizes: number[] = [];
    const batcher = new TraceBatcher((batch) => sizes.push(batch.length));
    for (let i = 0; i < MAX_BATCH * 3; i++) batcher.push(log(i));
    batcher.flush();
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BATCH + 1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(MAX_BATCH * 3);
  });

  it('drains only once the page has the last batch', async () => {
    let delivered = false;
    const batcher = new TraceBatcher(() => new Promise<void>((resolve) => setTimeout(() => ((delivered = true), resolve()), 5)));
    batcher.push(log(0));
    await batcher.drain();
    expect(delivered).toBe(true);
  });
});
