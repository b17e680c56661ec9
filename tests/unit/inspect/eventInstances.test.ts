import { describe, expect, test } from 'vitest';
import { TraceIndex, eventsOfType, listedRange, payloadSummary } from '../../../src/inspect/index.ts';
import { recordExample } from './fixtures.ts';

describe('the events an event node stands for', () => {
  test('every event of the type, in emission order, with its producer and time', async () => {
    const { trace } = await recordExample('collect.ts');
    const index = TraceIndex.of(trace);
    const all = eventsOfType(index, 'StepThreeEvent');
    expect(all.map((e) => [e.producer?.step, e.t])).toEqual([
      ['stepTwo', 1000],
      ['stepTwo', 3000],
      ['stepTwo', 4000],
    ]);
    expect(eventsOfType(index, 'StartEvent').map((e) => e.producer)).toEqual([null]);
  });

  test('up to the cursor only', async () => {
    const { trace } = await recordExample('collect.ts');
    const index = TraceIndex.of(trace);
    const second = eventsOfType(index, 'StepThreeEvent')[1]!;
    const seq = trace.find((r) => r.kind === 'event.emitted' && r.event === second.id)!.seq;
    expect(eventsOfType(index, 'StepThreeEvent', seq).map((e) => e.id)).toHaveLength(2);
    expect(eventsOfType(index, 'StepThreeEvent', seq - 1).map((e) => e.id)).toHaveLength(1);
  });
});

describe('an event\'s fields on one line', () => {
  test('name=value in order, values as JSON', async () => {
    const { trace } = await recordExample('collect.ts');
    const first = eventsOfType(TraceIndex.of(trace), 'StepThreeEvent')[0]!;
    expect(first.summary).toMatch(/^result=".+"$/);
    expect(payloadSummary({ query: 'Query 1', n: 3, ok: true, none: null, list: [1, 2] })).toBe('query="Query 1", n=3, ok=true, none=null, list=[1,2]');
    expect(payloadSummary({})).toBe('');
  });

  test('long or deep values are cut to one line of about 80 characters', () => {
    const long = payloadSummary({ text: 'x'.repeat(10_000), more: 1 });
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('…')).toBe(true);
    const many = payloadSummary(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])));
    expect(many.length).toBeLessThanOrEqual(80);
    expect(payloadSummary('plain')).toBe('"plain"');
  });
});

describe('which events of a type a list of 200 rows shows', () => {
  test('in a big run, the latest 200 at the cursor, not the last 200 of the run', () => {
    expect(listedRange(50_000, 32_832, 200)).toEqual({ from: 32_632, to: 32_832 });
    expect(listedRange(50_000, 50_000, 200)).toEqual({ from: 49_800, to: 50_000 });
  });

  test('before the cursor has reached 200 of them, the first 200, the later ones among them', () => {
    expect(listedRange(50_000, 0, 200)).toEqual({ from: 0, to: 200 });
    expect(listedRange(50_000, 120, 200)).toEqual({ from: 0, to: 200 });
  });

  test('a type with no more than 200 events: all of them, at any cursor', () => {
    expect(listedRange(150, 0, 200)).toEqual({ from: 0, to: 150 });
    expect(listedRange(150, 150, 200)).toEqual({ from: 0, to: 150 });
    expect(listedRange(0, 0, 200)).toEqual({ from: 0, to: 0 });
  });
});
