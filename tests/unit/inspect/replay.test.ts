import { describe, expect, test } from 'vitest';
import {
  jumpToEnd,
  jumpToStart,
  play,
  seekCount,
  seekSeq,
  seekTime,
  seekWorkflowTime,
  seqOf,
  stepBackward,
  stepForward,
  stepInstant,
  workflowTimeOf,
} from '../../../src/inspect/index.ts';
import type { ReplayCursor } from '../../../src/inspect/index.ts';
import { PlaybackSchedule, deriveView } from '../../../src/state/index.ts';
import { recordExample } from './fixtures.ts';

async function collectRun() {
  const run = await recordExample('collect.ts');
  const schedule = new PlaybackSchedule();
  schedule.extend(run.trace);
  return { ...run, schedule };
}

describe('replay cursor', () => {
  test('steps one record at a time, forward and back, and stops at both ends', async () => {
    const { trace, schedule } = await collectRun();
    let c: ReplayCursor = jumpToStart();
    const counts: number[] = [];
    for (let i = 0; i < trace.length + 2; i++) {
      c = stepForward(schedule, c);
      counts.push(c.count);
    }
    expect(counts.slice(0, 3)).toEqual([1, 2, 3]);
    expect(c).toEqual({ count: trace.length, now: schedule.times[trace.length - 1] });
    c = stepBackward(schedule, c);
    expect(c.count).toBe(trace.length - 1);
    expect(stepBackward(schedule, jumpToStart())).toEqual({ count: 0, now: 0 });
    expect(jumpToEnd(schedule, 500)).toEqual({ count: trace.length, now: schedule.end + 500 });
  });

  test('seeks by seq, by workflow time and by presentation time', async () => {
    const { trace, schedule } = await collectRun();
    const i = trace.findIndex((r) => r.kind === 'collect.progress');
    const bySeq = seekSeq(trace, schedule, trace[i]!.seq);
    expect(bySeq.count).toBe(i + 1);
    expect(seqOf(trace, bySeq)).toBe(trace[i]!.seq);
    const byT = seekWorkflowTime(trace, schedule, 3000);
    expect(trace[byT.count - 1]!.t).toBe(3000);
    expect(trace[byT.count]!.t).toBeGreaterThan(3000);
    expect(workflowTimeOf(trace, byT)).toBe(3000);
    const byTime = seekTime(schedule, schedule.end / 2);
    expect(byTime.count).toBe(schedule.cursorAt(schedule.end / 2));
    expect(seekCount(schedule, 10_000).count).toBe(trace.length);
  });

  test('plays at a speed, bounded by the end', async () => {
    const { schedule } = await collectRun();
    let c = jumpToStart();
    const frames: number[] = [];
    let atEnd = false;
    while (!atEnd) {
      const r = play(schedule, c, 100, 4);
      expect(r.cursor.now).toBeGreaterThanOrEqual(c.now);
      c = r.cursor;
      atEnd = r.atEnd;
      frames.push(c.now);
    }
    expect(frames[0]).toBe(400);
    expect(c).toEqual({ count: schedule.times.length, now: schedule.end });
    expect(play(schedule, c, 100, 0).cursor.now).toBe(schedule.end);
  });
});

describe('driving the view derivation of src/state', () => {
  test('a cursor from time seeking or instant stepping is exactly what deriveView shows at its time', async () => {
    const { graph, trace, schedule } = await collectRun();
    let c = jumpToStart();
    const seen: number[] = [];
    for (;;) {
      const next = stepInstant(schedule, c, 1);
      if (next.count === c.count) break;
      c = next;
      seen.push(c.count);
      expect(deriveView(graph, trace, c.now).cursor).toBe(c.count);
    }
    expect(c.count).toBe(trace.length);
    // And back again through the same instants.
    const back: number[] = [];
    while (c.count > 0) {
      c = stepInstant(schedule, c, -1);
      back.push(c.count);
    }
    expect(back.slice(0, -1).reverse()).toEqual(seen.slice(0, -1));
  });

  test('record stepping can stop inside an instant, which deriveView(time) cannot show yet', async () => {
    const { graph, trace, schedule } = await collectRun();
    // Records sharing one presentation time: deriveView shows all of them or none.
    const inside = Array.from({ length: trace.length }, (_, i) => seekCount(schedule, i + 1)).filter(
      (c) => deriveView(graph, trace, c.now).cursor !== c.count,
    );
    expect(inside.length).toBeGreaterThan(0);
    for (const c of inside) expect(deriveView(graph, trace, c.now).cursor).toBeGreaterThan(c.count);
  });
});
