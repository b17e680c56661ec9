import { describe, expect, test } from 'vitest';
import { FrameInbox } from './frameInbox.ts';

/** A page with a hand-driven clock, frames and timers: each message takes `cost` ms to take in. */
function page(cost = 2, budgetMs = 6, hidden = false) {
  let time = 0;
  const frames: (() => void)[] = [];
  const timers: { at: number; callback: () => void }[] = [];
  const taken: unknown[] = [];
  const inbox = new FrameInbox((message) => {
    taken.push(message);
    time += cost;
  }, {
    budgetMs,
    frame: (callback) => void frames.push(callback),
    later: (callback, ms) => void timers.push({ at: time + ms, callback }),
    clock: () => time,
    fallbackMs: 100,
    hidden: () => hidden,
    hiddenBudgetMs: 40,
  });
  const frame = () => {
    const due = frames.splice(0);
    for (const callback of due) callback();
  };
  const passTime = (ms: number) => {
    time += ms;
    for (const timer of timers.splice(0)) {
      if (timer.at <= time) timer.callback();
      else timers.push(timer);
    }
  };
  return { inbox, taken, frame, passTime };
}

describe('FrameInbox: a runner\'s messages taken in a frame\'s budget at a time', () => {
  test('where there are no frames, every message is taken in at once, in order', () => {
    const taken: unknown[] = [];
    const inbox = new FrameInbox((m) => taken.push(m), { budgetMs: 1, frame: null, later: () => undefined, clock: () => taken.length * 10 });
    inbox.push([1, 2, 3]);
    inbox.push([4]);
    expect(taken).toEqual([1, 2, 3, 4]);
    expect(inbox.length).toBe(0);
  });

  test('takes in what the budget allows now and the rest frame by frame, never out of order', () => {
    const { inbox, taken, frame } = page(2, 6);
    inbox.push([1, 2, 3, 4, 5, 6, 7, 8]);
    // 2 ms each against a 6 ms budget: three now, three at each frame after.
    expect(taken).toEqual([1, 2, 3]);
    inbox.push([9]);
    expect(taken).toEqual([1, 2, 3]);
    expect(inbox.length).toBe(6);
    frame();
    expect(taken).toEqual([1, 2, 3, 4, 5, 6]);
    frame();
    expect(taken).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(inbox.length).toBe(0);
  });

  test('the budget is a frame\'s: spent, a lone message waits for the next frame; after it, one comes straight in', () => {
    const { inbox, taken, frame } = page(3, 6);
    inbox.push(['a', 'b']);
    expect(taken).toEqual(['a', 'b']);
    inbox.push(['c']);
    expect(taken).toEqual(['a', 'b']);
    frame();
    expect(taken).toEqual(['a', 'b', 'c']);
    frame();
    inbox.push(['d']);
    expect(taken).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a hidden page draws no frames: a timer takes the messages in instead', () => {
    const { inbox, taken, passTime } = page(4, 6);
    inbox.push([1, 2, 3, 4]);
    expect(taken).toEqual([1, 2]);
    passTime(99);
    expect(taken).toEqual([1, 2]);
    passTime(1);
    expect(taken).toEqual([1, 2, 3, 4]);
  });

  test('on a page that is hidden, where nothing is drawn, a timer\'s turn takes in the hidden budget, not a frame\'s', () => {
    const { inbox, taken, passTime } = page(4, 6, true);
    inbox.push(Array.from({ length: 30 }, (_, i) => i));
    expect(taken).toHaveLength(2);
    passTime(100);
    // 40 ms at 4 ms each.
    expect(taken).toHaveLength(12);
    passTime(100);
    expect(taken).toHaveLength(22);
    expect(taken).toEqual(Array.from({ length: 22 }, (_, i) => i));
  });

  test('a message that throws does not lose its place or stop the ones after it at the next turn', () => {
    const taken: unknown[] = [];
    const frames: (() => void)[] = [];
    const inbox = new FrameInbox((m) => {
      if (m === 'bad') throw new Error('bad');
      taken.push(m);
    }, { budgetMs: 6, frame: (callback) => void frames.push(callback), later: () => undefined, clock: () => 0 });
    expect(() => inbox.push(['bad', 'good'])).toThrow('bad');
    expect(inbox.length).toBe(1);
    inbox.push(['later']);
    expect(taken).toEqual(['good', 'later']);
  });

  test('clear drops what waits', () => {
    const { inbox, taken, frame } = page(6, 6);
    inbox.push([1, 2, 3]);
    expect(taken).toEqual([1]);
    inbox.clear();
    frame();
    expect(taken).toEqual([1]);
    expect(inbox.length).toBe(0);
  });
});
