import { describe, expect, test } from 'vitest';
import { RUN_ROW, TimelineBuilder, hitTest, laneList, timelineAt } from '../../../src/inspect/index.ts';
import type { TimelineBar, TimelineView } from '../../../src/inspect/index.ts';
import { PlaybackSchedule } from '../../../src/state/index.ts';
import { THROWING, ofKind, recordExample, recordMapReduce, recordSource } from './fixtures.ts';

function built(trace: Parameters<TimelineBuilder['extend']>[0], times?: readonly number[]): TimelineBuilder {
  const builder = new TimelineBuilder();
  builder.extend(trace, times);
  return builder;
}

const atEnd = (b: TimelineBuilder): TimelineView => timelineAt(b, { count: b.length, time: b.end });
const row = (view: TimelineView, id: string) => view.rows.find((r) => r.id === id)!;
const bars = (view: TimelineView, id: string) =>
  row(view, id).bars.map((b) => ({ inv: b.invocation, attempt: b.attempt, lane: b.lane, wait: [b.waitFrom, b.start], end: b.end, outcome: b.outcome, live: b.live }));

describe('timeline of a finished run', () => {
  test('one row per step in declaration order, one lane per worker, a bar per invocation', async () => {
    const { trace } = await recordExample('collect.ts');
    const view = atEnd(built(trace));
    expect(view.rows.map((r) => [r.id, r.lanes])).toEqual([
      ['start', [1]],
      ['stepTwo', [1, 2, 3]],
      ['stepThree', [1]],
      [RUN_ROW, [0]],
    ]);
    expect(bars(view, 'stepTwo')).toEqual([
      { inv: 2, attempt: 1, lane: 1, wait: [0, 0], end: 1000, outcome: 'done', live: false },
      { inv: 3, attempt: 1, lane: 2, wait: [0, 0], end: 3000, outcome: 'done', live: false },
      { inv: 4, attempt: 1, lane: 3, wait: [0, 0], end: 4000, outcome: 'done', live: false },
    ]);
    expect(row(view, 'stepThree').markers.filter((m) => m.kind === 'collect').map((m) => m.label)).toEqual(['1/3', '2/3', '3/3 complete']);
    expect(row(view, 'start').markers.map((m) => m.label)).toEqual(['StepTwoEvent #2 (send)', 'StepTwoEvent #3 (send)', 'StepTwoEvent #4 (send)']);
    expect(row(view, RUN_ROW).markers.map((m) => [m.kind, m.label])).toEqual([
      ['emitted', 'StartEvent #1 (input)'],
      ['run-end', 'stopped'],
    ]);
    expect([view.start, view.end]).toEqual([0, 4000]);
  });

  test('lanes stay sorted and once each, whatever order the workers come in (many workers: no rescan per bar)', async () => {
    const { trace } = await recordMapReduce(40, 40);
    // The same run with its workers renumbered out of order: 40 → 1, 1 → 40, 20 ↔ 21 ...
    const renumbered = trace.map((r) => ('worker' in r && r.step === 'stepTwo' ? { ...r, worker: 41 - (r.worker as number) } : r));
    const view = atEnd(built(renumbered));
    expect(row(view, 'stepTwo').lanes).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(row(view, 'stepTwo').bars.map((b) => b.lane)).size).toBe(40);
  });

  test('queued time is kept apart from running time when workers run out', async () => {
    const { trace } = await recordMapReduce(6);
    const view = atEnd(built(trace));
    const stepTwo = row(view, 'stepTwo');
    expect(stepTwo.lanes).toEqual([1, 2, 3, 4]);
    const waited = stepTwo.bars.filter((b) => b.start! > b.waitFrom);
    expect(waited.length).toBe(2);
    // A queued invocation starts on the worker that the one before it freed, when that one ends.
    for (const bar of waited) {
      const freedBy = stepTwo.bars.find((b) => b.lane === bar.lane && b.end === bar.start && b !== bar);
      expect(freedBy).toBeDefined();
    }
  });

  test('the first StopEvent cancels the others: cancelled bars and markers', async () => {
    const { trace } = await recordExample('parallel.ts');
    const view = atEnd(built(trace));
    const outcomes = row(view, 'stepTwo').bars.map((b) => b.outcome);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'cancelled')).toHaveLength(2);
    expect(row(view, 'stepTwo').markers.filter((m) => m.kind === 'cancelled')).toHaveLength(2);
  });

  test('a retried step has one bar per attempt, the retry delay as waiting time, and failure markers', async () => {
    const { trace } = await recordSource(THROWING);
    const view = atEnd(built(trace));
    expect(bars(view, 'boom')).toEqual([
      { inv: 2, attempt: 1, lane: 1, wait: [0, 0], end: 0, outcome: 'retried', live: false },
      { inv: 2, attempt: 2, lane: 1, wait: [0, 1000], end: 1000, outcome: 'failed', live: false },
    ]);
    expect(row(view, 'boom').bars[1]!.wait).toBe('retry');
    expect(row(view, 'boom').markers.map((m) => m.kind)).toEqual(['retry', 'failed']);
    expect(row(view, 'boom').markers[1]!.label).toBe('attempt 2: Error: kaput 1');
  });
});

describe('timeline at a cursor', () => {
  test('bars not yet opened are left out, open ones are live up to the cursor', async () => {
    const { trace } = await recordExample('collect.ts');
    const builder = built(trace);
    // Right after stepTwo's first invocation finished (t = 1000), the other two still run.
    const count = trace.findIndex((r) => r.kind === 'step.finished' && r.invocation === 2) + 1;
    const view = timelineAt(builder, { count, time: 1500 });
    expect(bars(view, 'stepTwo')).toEqual([
      { inv: 2, attempt: 1, lane: 1, wait: [0, 0], end: 1000, outcome: 'done', live: false },
      { inv: 3, attempt: 1, lane: 2, wait: [0, 0], end: 1500, outcome: null, live: true },
      { inv: 4, attempt: 1, lane: 3, wait: [0, 0], end: 1500, outcome: null, live: true },
    ]);
    expect(row(view, 'stepThree').bars).toEqual([]);
    expect(row(view, 'stepTwo').markers).toEqual([]);
    // Clipping copies only the live bars; finished ones are the builder's own objects.
    expect(row(view, 'stepTwo').bars[0]).toBe(builder.rows.get('stepTwo')!.bars[0]);
    expect(builder.rows.get('stepTwo')!.bars[1]!.live).toBe(false);
  });

  test('a delivery waiting for a worker sits in lane 0 until it starts', async () => {
    const { trace } = await recordMapReduce(5);
    const sent = ofKind(trace, 'event.emitted').find((r) => r.to.some((d) => d.queued !== undefined))!;
    const queued = sent.to.find((d) => d.queued !== undefined)!;
    const count = trace.indexOf(sent) + 1;
    const view = timelineAt(built(trace), { count, time: sent.t });
    const stepTwo = row(view, queued.step);
    expect(stepTwo.lanes[0]).toBe(0);
    expect(stepTwo.bars.find((b) => b.invocation === queued.invocation)).toMatchObject({ lane: 0, start: null, live: true });
  });

  test('extending with new records gives the same timeline as building at once', async () => {
    const { trace } = await recordExample('collect-different-types.ts');
    const whole = built(trace);
    const grown = new TimelineBuilder();
    for (let n = 0; n <= trace.length; n += 7) grown.extend(trace.slice(0, n));
    grown.extend(trace);
    expect(atEnd(grown)).toEqual(atEnd(whole));
  });

  test('at every cursor, what a row reads from its index agrees with clipping every bar', async () => {
    // Queueing (8 deliveries, 2 workers), retries with a delay, and a cancellation at the end.
    for (const { trace } of [await recordMapReduce(8, 2), await recordSource(THROWING), await recordExample('parallel.ts')]) {
      const builder = built(trace);
      for (let count = 0; count <= trace.length; count++) {
        const time = count > 0 ? trace[count - 1]!.t + 1 : 0;
        const view = timelineAt(builder, { count, time });
        for (const r of view.rows) {
          const all = r.bars;
          const live = (b: TimelineBar) => b.live && b.start !== null;
          const waiting = all.filter((b) => b.live && b.start === null);
          expect(r.shown).toBe(all.length);
          expect(r.running.map((b) => b.key)).toEqual(all.filter(live).map((b) => b.key));
          expect(r.running).toEqual(all.filter(live));
          expect(r.firstWaiting.map((b) => b.key).sort()).toEqual(['queue', 'retry'].flatMap((w) => waiting.find((b) => b.wait === w)?.key ?? []).sort());
          expect(new Set(r.index.ended.slice(0, r.ended))).toEqual(new Set(all.filter((b) => !b.live)));
          expect(r.waited).toBe(all.filter((b) => b.start === null || b.start > b.waitFrom).length);
          expect(r.waitLane).toBe(all.some((b) => b.lane === 0 && b.start === null) && !all.some((b) => b.worker === 0 && b.start !== null));
          expect(r.lanes.includes(0)).toBe(waiting.length > 0 || builder.rows.get(r.id)!.lanes.includes(0) || r.id === RUN_ROW);
          if (all.length > 0) expect(r.last).toBe(Math.max(...all.map((b) => b.end ?? b.start ?? b.waitFrom)));
        }
      }
    }
  });

  test('on the playback axis, the cursor time is presentation time', async () => {
    const { trace } = await recordExample('collect.ts');
    const schedule = new PlaybackSchedule();
    schedule.extend(trace);
    const builder = built(trace, schedule.times);
    expect(builder.end).toBe(schedule.end);
    const view = timelineAt(builder, { count: schedule.cursorAt(schedule.end / 2), time: schedule.end / 2 });
    for (const r of view.rows) for (const b of r.bars) expect(b.end ?? b.waitFrom).toBeLessThanOrEqual(schedule.end / 2);
  });
});

describe('hit testing', () => {
  test('finds the marker near a time, else the bar under it, in the lane asked', async () => {
    const { trace } = await recordExample('collect.ts');
    const view = atEnd(built(trace));
    const lanes = laneList(view);
    expect(lanes.map((l) => `${l.row}:${l.lane}`)).toEqual(['start:1', 'stepTwo:1', 'stepTwo:2', 'stepTwo:3', 'stepThree:1', `${RUN_ROW}:0`]);
    const hit = hitTest(view, { row: 'stepTwo', lane: 2 }, 2000);
    expect(hit).toMatchObject({ kind: 'bar', part: 'running', bar: { invocation: 3 } });
    expect(hitTest(view, { row: 'stepThree', lane: 1 }, 2990, 20)).toMatchObject({ kind: 'marker', marker: { kind: 'collect', label: '2/3' } });
    expect(hitTest(view, { row: 'stepTwo', lane: 1 }, 2000)).toBeNull();
    expect(hitTest(view, { row: 'nope', lane: 1 }, 0)).toBeNull();
  });
});

describe('cost', () => {
  test('a run of 10,000 events builds once and clips cheaply at any cursor', async () => {
    const { trace } = await recordMapReduce(5000, 100);
    expect(ofKind(trace, 'event.emitted').length).toBeGreaterThan(10_000);
    const t0 = performance.now();
    const builder = built(trace);
    const t1 = performance.now();
    const clips = 50;
    for (let i = 1; i <= clips; i++) {
      const count = Math.floor((trace.length * i) / clips);
      timelineAt(builder, { count, time: trace[count - 1]!.t });
    }
    const perClip = (performance.now() - t1) / clips;
    // A guard against a rebuild per clip, not a speed goal (those live in `npm run bench`): a clip
    // costs a small part of a build however busy the machine is.
    console.log(`timeline: ${trace.length} records, build ${(t1 - t0).toFixed(1)} ms, clip ${perClip.toFixed(2)} ms`);
    expect(perClip).toBeLessThan((t1 - t0) / 4);
  }, 30_000); // recording 10,000 events takes seconds on a busy machine; the bounds above are the test
});
