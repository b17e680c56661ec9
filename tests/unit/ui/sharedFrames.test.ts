/**
 * The page's frame callbacks share one animation frame (src/ui/sharedFrames.ts), so the playback
 * clock and a live run's announcement of new records change the stores in one task: React then
 * renders the page once for that frame.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { sharedFrames } from '../../../src/ui/sharedFrames.ts';

function browserFrames() {
  const asked: ((time: number) => void)[] = [];
  const frames = sharedFrames((callback) => asked.push(callback));
  const draw = (time: number) => {
    for (const callback of asked.splice(0)) callback(time);
  };
  return { frames, asked, draw };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('shared animation frames', () => {
  test('callbacks queued before a frame run in that one frame, in order, with its time', () => {
    const { frames, asked, draw } = browserFrames();
    const calls: string[] = [];
    frames.request((t) => calls.push(`clock ${t}`));
    frames.request((t) => calls.push(`records ${t}`));
    expect(asked).toHaveLength(1);
    draw(16);
    expect(calls).toEqual(['clock 16', 'records 16']);
  });

  test('a callback that asks for the next frame gets the next one, not this one', () => {
    const { frames, asked, draw } = browserFrames();
    const times: number[] = [];
    const loop = (t: number) => {
      times.push(t);
      frames.request(loop);
    };
    frames.request(loop);
    draw(16);
    expect(asked).toHaveLength(1);
    draw(33);
    expect(times).toEqual([16, 33]);
  });

  test('a cancelled callback does not run, and the others still do', () => {
    const { frames, draw } = browserFrames();
    const calls: string[] = [];
    const handle = frames.request(() => calls.push('cancelled'));
    frames.request(() => calls.push('kept'));
    frames.cancel(handle);
    draw(16);
    expect(calls).toEqual(['kept']);
  });

  test('one that throws keeps none of the others from running; its error is reported after', () => {
    vi.useFakeTimers();
    const { frames, draw } = browserFrames();
    const calls: string[] = [];
    frames.request(() => {
      throw new Error('broken view');
    });
    frames.request(() => calls.push('after'));
    draw(16);
    expect(calls).toEqual(['after']);
    expect(() => vi.runAllTimers()).toThrow('broken view');
  });
});
