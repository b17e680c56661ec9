import { describe, expect, test } from 'vitest';
import { takeRelayed } from './eventsRelay.ts';
import { FrameInbox } from './frameInbox.ts';

/** A relayed batch whose data, like a MessageEvent's, is copied out when first read: reads are counted. */
function batch(messages: unknown[]) {
  const reads = { count: 0 };
  return {
    reads,
    event: {
      get data(): unknown {
        reads.count++;
        return messages;
      },
    },
  };
}

describe("the relay's batches on the page", () => {
  test("a batch's data is read when the inbox takes it in, within a frame's budget, not when it arrives", () => {
    const frames: (() => void)[] = [];
    let time = 0;
    const taken: unknown[] = [];
    const inbox = new FrameInbox((b) => takeRelayed(b as { data: unknown }, (m) => {
      taken.push(m);
      time += 4;
    }), { budgetMs: 3, frame: (callback) => void frames.push(callback), later: () => undefined, clock: () => time });
    const first = batch([1, 2]);
    const second = batch([3]);
    inbox.push([first.event]);
    inbox.push([second.event]);
    // The first batch spent the frame's budget: the second waits, unread.
    expect(taken).toEqual([1, 2]);
    expect(second.reads.count).toBe(0);
    frames.splice(0).forEach((callback) => callback());
    expect(taken).toEqual([1, 2, 3]);
    expect(second.reads.count).toBe(1);
  });

  test('every message of a batch is taken in, in order, though one throws; the first error is thrown after them', () => {
    const taken: unknown[] = [];
    expect(() =>
      takeRelayed(batch(['a', 'bad', 'b', 'worse']).event, (m) => {
        if (m === 'bad' || m === 'worse') throw new Error(String(m));
        taken.push(m);
      }),
    ).toThrow('bad');
    expect(taken).toEqual(['a', 'b']);
  });

  test('data that is not an array of messages is ignored', () => {
    const taken: unknown[] = [];
    takeRelayed({ data: { type: 'trace' } }, (m) => taken.push(m));
    takeRelayed({ data: null }, (m) => taken.push(m));
    expect(taken).toEqual([]);
  });
});
