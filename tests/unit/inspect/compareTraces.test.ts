import { describe, expect, test } from 'vitest';
import type { TraceRecord } from 'flowplay';
import { MAX_EDITS, compareTraces } from '../../../src/inspect/index.ts';
import { diffSequences } from '../../../src/inspect/sequenceDiff.ts';
import { fanOut } from './fanOutRun.ts';

const diffKeys = (a: number[], b: number[], max: number) => diffSequences(a.length, b.length, (i, j) => a[i] === b[j], max);

/** The trace with `extra` put in before record `at` (1-based), numbered on from there as a run numbers. */
function inserted(trace: readonly TraceRecord[], at: number, extra: TraceRecord): TraceRecord[] {
  const out = trace.map((r) => ({ ...r, seq: r.seq >= at ? r.seq + 1 : r.seq }));
  out.splice(at - 1, 0, { ...extra, seq: at });
  return out;
}

describe('comparing two runs record by record', () => {
  test('one record inserted is one difference: the records after it are lined up again', async () => {
    const trace = await fanOut(0);
    const log: TraceRecord = { v: 2, runId: 'x', seq: 0, t: 1000, kind: 'log', level: 'info', text: 'one more line', step: 'work', invocation: null };
    const longer = inserted(trace, 8, log);
    const found = compareTraces(trace, longer);
    expect(found.differing).toBe(1);
    expect(found.same).toBe(7);
    expect(found.difference).toMatchObject({ kind: 'extra', index: 7, first: undefined, second: { kind: 'log', text: 'one more line', seq: 8 } });
    expect(found.differences).toHaveLength(1);
  });

  test('one record missing is one difference, named in the first run', async () => {
    const trace = await fanOut(0);
    const shorter = trace.filter((r) => r.seq !== 9).map((r) => ({ ...r, seq: r.seq > 9 ? r.seq - 1 : r.seq }));
    const found = compareTraces(trace, shorter);
    expect(found).toMatchObject({ same: 8, differing: 1, difference: { kind: 'missing', index: 8, first: trace[8], second: undefined } });
  });

  test('a changed payload is that record changed, with the field that differs', async () => {
    const trace = await fanOut(0);
    const second = trace.findIndex((r) => r.kind === 'event.emitted' && r.type === 'Task' && (r.payload as { n: number }).n === 2);
    const changed = trace.map((r, i) => (i === second ? { ...r, payload: { n: 7 } } : r));
    const found = compareTraces(trace, changed);
    expect(found).toMatchObject({ same: second, differing: 1, difference: { kind: 'changed', index: second, first: trace[second], second: changed[second], fields: ['payload'] } });
  });

  test('an extra event in a real run renumbers every later id, and still only its own records differ', async () => {
    const plain = await fanOut(0);
    const pinged = await fanOut(1);
    // Every Task and Done after the Ping has another id: compared by index, nearly everything differs.
    const byIndex = plain.filter((r, i) => JSON.stringify({ ...r, runId: '' }) !== JSON.stringify({ ...pinged[i], runId: '' })).length;
    expect(byIndex).toBeGreaterThan(plain.length / 2);
    const found = compareTraces(plain, pinged);
    const extra = pinged.filter((r) => ('step' in r && r.step === 'ping') || (r.kind === 'event.emitted' && r.type === 'Ping'));
    expect(extra.length).toBe(3);
    expect(found.differences.map((d) => [d.kind, d.second])).toEqual(extra.map((r) => ['extra', r]));
    expect(found.differing).toBe(3);
    expect(found.difference).toMatchObject({ kind: 'extra', second: { kind: 'event.emitted', type: 'Ping' } });
    // The other way round, the same records are missing from the second run.
    expect(compareTraces(pinged, plain).differences.map((d) => [d.kind, d.first])).toEqual(extra.map((r) => ['missing', r]));
  });

  test('a fork compared over its replayed prefix ends the comparison there', async () => {
    const trace = await fanOut(0);
    const changed = trace.map((r, i) => (i === 12 ? { ...r, t: r.t + 1 } : r));
    expect(compareTraces(trace, changed, 12)).toEqual({ same: 12, difference: null, differences: [], differing: 0 });
    expect(compareTraces(trace, changed, 13).difference).toMatchObject({ kind: 'changed', index: 12, fields: ['t'] });
  });

  test('runs that part too widely are not lined up: the first difference in place, and no count', () => {
    const many = (text: string) => Array.from({ length: MAX_EDITS + 10 }, (_, i): TraceRecord => ({ v: 2, runId: 'r', seq: i + 1, t: 0, kind: 'log', level: 'info', text: `${text} ${i}`, step: null, invocation: null }));
    const found = compareTraces(many('a'), many('b'));
    expect(found).toMatchObject({ same: 0, differing: null, difference: { kind: 'changed', index: 0, fields: ['text'] } });
    expect(found.differences).toHaveLength(1);
  });
});

describe('lining up two sequences', () => {
  test('insertions, deletions and replacements become hunks between what both keep', () => {
    expect(diffKeys([1, 2, 3, 4], [1, 2, 9, 3, 4], 10)).toEqual([{ aStart: 2, aEnd: 2, bStart: 2, bEnd: 3 }]);
    expect(diffKeys([1, 2, 3, 4], [1, 3, 4], 10)).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 }]);
    expect(diffKeys([1, 2, 3, 4, 5], [1, 7, 3, 4, 8], 10)).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { aStart: 4, aEnd: 5, bStart: 4, bEnd: 5 },
    ]);
    expect(diffKeys([], [], 0)).toEqual([]);
    expect(diffKeys([1, 2], [3, 4], 3)).toBeNull();
    expect(diffKeys([5, 1, 2, 3], [1, 2, 3, 5], 10)).toEqual([
      { aStart: 0, aEnd: 1, bStart: 0, bEnd: 0 },
      { aStart: 4, aEnd: 4, bStart: 3, bEnd: 4 },
    ]);
  });
});
