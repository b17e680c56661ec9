/** What the timeline calls each lane beside its row's name (src/ui/timeline/timelineGeometry.ts). */
import { describe, expect, test } from 'vitest';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { RUN_ROW, TimelineBuilder, timelineAt } from '../../../src/inspect/index.ts';
import { syntheticFinish } from '../../../src/state/syntheticRecords.ts';
import { timelineGeometry } from '../../../src/ui/timeline/timelineGeometry.ts';
import { recordMapReduce } from '../inspect/fixtures.ts';

/** `row label` for every lane of the timeline of `trace` after each of its records. */
function labelsAtEveryRecord(trace: readonly TraceRecord[]): string[][] {
  const builder = new TimelineBuilder();
  builder.extend(trace);
  return trace.map((record, i) =>
    timelineGeometry(timelineAt(builder, { count: i + 1, time: record.t })).lanes.map((lane) => `${lane.row === RUN_ROW ? 'run' : lane.row} ${lane.label}`.trim()),
  );
}

describe('timeline lane labels', () => {
  test('a step the run never reached (a run stopped early) has its name alone, not a worker "w0"', async () => {
    const { trace } = await recordMapReduce(6, 2);
    // Stopped as the page stops a played-back run, before the first query was sent.
    const kept = trace.slice(0, trace.findIndex((r) => r.kind === 'event.emitted' && r.type === 'StepTwoEvent'));
    const stopped = [...kept, syntheticFinish(kept, 'cancelled', { name: 'Stopped', message: 'The run ends where the playback was.' })];
    const last = labelsAtEveryRecord(stopped).at(-1)!;
    expect(last).toContain('stepTwo');
    expect(last).toContain('run');
    expect(last.filter((lane) => lane.endsWith(' w0'))).toEqual([]);
  });

  test('workers are w1 and up, what waits for one is "wait", the run\'s own row has none', async () => {
    // Six queries on two workers: four wait their turn.
    const all = labelsAtEveryRecord((await recordMapReduce(6, 2)).trace);
    expect(all.some((lanes) => lanes.includes('stepTwo wait'))).toBe(true);
    expect(all.at(-1)!.filter((lane) => lane.startsWith('stepTwo'))).toEqual(['stepTwo w1', 'stepTwo w2']);
    expect(all.at(-1)).toContain('run');
    for (const lane of all.flat()) expect(lane).toMatch(/^\S+( (w[1-9]\d*|wait))?$/);
  });
});
