import { describe, expect, test } from 'vitest';
import { TimelineBuilder, formatWindow, markersIn, panWindow, timelineAt, timelineEntries, timelineText, zoomWindow } from '../../../src/inspect/index.ts';
import type { TimelineView } from '../../../src/inspect/index.ts';
import { recordExample } from './fixtures.ts';

async function collectView(): Promise<TimelineView> {
  const { trace } = await recordExample('collect.ts');
  const builder = new TimelineBuilder();
  builder.extend(trace);
  return timelineAt(builder, { count: builder.length, time: builder.end });
}

describe('the timeline window', () => {
  test('zooming keeps the time under the pointer in place and stays inside the run', () => {
    const zoomed = zoomWindow({ from: 0, to: 4000 }, 0.5, 1000, 4000);
    expect(zoomed).toEqual({ from: 500, to: 2500 });
    expect(zoomWindow(zoomed, 10, 1000, 4000)).toEqual({ from: 0, to: 4000 });
    expect(zoomWindow({ from: 3000, to: 4000 }, 0.5, 4000, 4000)).toEqual({ from: 3500, to: 4000 });
  });

  test('panning moves the window and stops at either end', () => {
    expect(panWindow({ from: 500, to: 1500 }, 700, 4000)).toEqual({ from: 1200, to: 2200 });
    expect(panWindow({ from: 500, to: 1500 }, -900, 4000)).toEqual({ from: 0, to: 1000 });
    expect(panWindow({ from: 500, to: 1500 }, 9000, 4000)).toEqual({ from: 3000, to: 4000 });
  });

  test('only the markers inside the window are taken, and the bars that ended before it are skipped', async () => {
    const view = await collectView();
    const stepTwo = view.rows.find((r) => r.id === 'stepTwo')!;
    // Invocations 2, 3, 4 run 0-1 s, 0-3 s and 0-4 s, and end in that order.
    expect(stepTwo.index.ended.slice(stepTwo.endedFrom(1500), stepTwo.ended).map((b) => b.invocation)).toEqual([3, 4]);
    expect(stepTwo.index.ended.slice(stepTwo.endedFrom(0), stepTwo.ended).map((b) => b.invocation)).toEqual([2, 3, 4]);
    const stepThree = view.rows.find((r) => r.id === 'stepThree')!;
    expect(markersIn(stepThree.markers, { from: 2000, to: 3500 }).map((m) => m.label)).toEqual(['2/3']);
  });
});

describe('the timeline as text', () => {
  test('lists each invocation with start, end and duration in workflow time, and each event, in time order', async () => {
    const view = await collectView();
    const entries = timelineEntries(view);
    const stepTwo = entries.filter((e) => e.step === 'stepTwo' && e.duration !== '');
    expect(stepTwo.map((e) => [e.start, e.end, e.duration])).toEqual([
      ['0.00 s', '1.00 s', '1.00 s'],
      ['0.00 s', '3.00 s', '3.00 s'],
      ['0.00 s', '4.00 s', '4.00 s'],
    ]);
    expect(stepTwo[0]!.what).toBe('#2 · worker 1 · done');
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
    expect(entries.at(-1)).toMatchObject({ step: 'run', what: 'stopped', start: '4.00 s' });
    const text = timelineText(entries).split('\n');
    expect(text[0]).toBe('Start\tEnd\tDuration\tStep\tWhat');
    expect(text).toContain('0.00 s\t1.00 s\t1.00 s\tstepTwo\t#2 · worker 1 · done');
    expect(text).toHaveLength(entries.length + 2);
  });
});

describe('the window as text', () => {
  test('seconds with two decimals, or as many as a narrow window needs to read as a range', () => {
    expect(formatWindow({ from: 0, to: 5000 })).toBe('0.00 s – 5.00 s');
    expect(formatWindow({ from: 120, to: 180 })).toBe('0.120 s – 0.180 s');
    expect(formatWindow({ from: 0, to: 1 })).toBe('0.0000 s – 0.0010 s');
    expect(formatWindow({ from: 3, to: 3 })).toBe('0.00 s – 0.00 s');
  });
});
