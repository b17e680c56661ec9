import { describe, expect, test } from 'vitest';
import { recordsPacket } from '../../support/recordsPacket.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { ShapeError, checkJson } from '../../../src/inspect/checkShape.ts';
import { MAX_ID_AHEAD, TraceValidator } from '../../../src/inspect/traceValidator.ts';
import { ValueBudget, jsonSize } from '../../../src/inspect/valueBudget.ts';
import { TraceGate } from '../../../src/worker/runnerMessages.ts';
import { recordExample } from './fixtures.ts';

/** Valid-looking data that used to make the page do unbounded work. */
describe('hostile records are bounded on the page', { timeout: 30_000 }, () => {
  test('a value holding the same object twice is refused at once, however deep the sharing goes', () => {
    let shared: unknown = { leaf: 1 };
    for (let i = 0; i < 15; i++) shared = new Array(10).fill(shared);
    // As a tree this is 10^15 values; refused at the second sight of the first shared array.
    expect(() => checkJson(shared, 'value', 16)).toThrow(/the same object twice/);
    expect(() => checkJson(new Array(300_000).fill(0), 'value', 16)).toThrow(/more than 200,000 values/);
    expect(() => checkJson({ a: [1, 'x', null], b: { c: true } }, 'value', 16)).not.toThrow();
  });

  test('ids far beyond what the run announced, and a second end, are refused', async () => {
    const { trace } = await recordExample('parallel.ts');
    const validator = new TraceValidator({ maxDepth: 16 });
    for (const r of trace) validator.check(r, 'record');
    const last = trace[trace.length - 1]!;
    const start = trace.find((r) => r.kind === 'event.emitted')!;
    const again = { ...trace.find((r) => r.kind === 'run.finished')!, seq: last.seq + 1 };
    expect(() => validator.check(again, 'record')).toThrow(/a run finishes only once/);
    const v2 = new TraceValidator({ maxDepth: 16 });
    const upToStart = trace.slice(0, trace.indexOf(start) + 1);
    for (const r of upToStart) v2.check(r, 'record');
    const forged = { v: 2, kind: 'step.queued', runId: last.runId, seq: start.seq + 1, t: 0, event: (start as { event: number }).event, step: 'start', invocation: 4_000_000_000, position: 0 };
    expect(() => v2.check(forged, 'record')).toThrow(ShapeError);
    expect(() => v2.check(forged, 'record')).toThrow(/far beyond/);
    expect(() => v2.check({ ...forged, invocation: MAX_ID_AHEAD }, 'record')).not.toThrow();
  });

  test('the value budget keeps ordinary runs whole and cuts what is too large, saying so once', async () => {
    const { trace } = await recordExample('parallel.ts');
    const budget = new ValueBudget();
    expect(trace.map((r) => budget.apply(r))).toEqual(trace);
    expect(budget.summary()).toBeNull();

    const small = new ValueBudget({ maxValueChars: 100, maxRunChars: 250, maxText: 20 });
    const state = (value: unknown): TraceRecord => ({ v: 2, kind: 'state.changed', runId: 'r', seq: 1, t: 0, key: 'k', value: value as never, step: null, invocation: null });
    expect(small.apply(state('x'.repeat(90)))).toMatchObject({ value: 'x'.repeat(90) });
    expect(small.apply(state('y'.repeat(500)))).toMatchObject({ value: '[cut: a value of more than 100 characters]' });
    expect(small.apply(state('z'.repeat(90)))).toMatchObject({ value: 'z'.repeat(90) });
    expect(small.apply(state('w'.repeat(90)))).toMatchObject({ value: "[cut: this run's values passed their budget]" });
    const log = small.apply({ v: 2, kind: 'log', runId: 'r', seq: 2, t: 0, level: 'log', text: 'a'.repeat(50), step: null, invocation: null });
    expect(log).toMatchObject({ text: `${'a'.repeat(20)}… (30 more characters cut)` });
    expect(small.summary()).toBe('Values cut: 2 values not kept (a value may take 100 characters, and a run 250 in all); they show as "[cut: …]"; 1 text cut at 20 characters. The run itself was not changed.');
  });

  test('sizing a value stops at the limit, even for one shared a billion times over', () => {
    let shared: unknown = 'x';
    for (let i = 0; i < 30; i++) shared = [shared, shared];
    expect(jsonSize(shared, 1_000)).toBeGreaterThan(1_000);
    expect(jsonSize({ ab: 'cd', n: [1, 2] }, 1_000)).toBeLessThan(40);
  });

  test('the gate drops a forged record with shared references and keeps going with the real run', async () => {
    const { trace } = await recordExample('parallel.ts');
    const gate = new TraceGate();
    const [first, ...rest] = trace;
    let shared: unknown = 1;
    for (let i = 0; i < 15; i++) shared = new Array(10).fill(shared);
    const forged = { v: 2, kind: 'state.changed', runId: first!.runId, seq: first!.seq + 1, t: 0, key: 'x', value: shared, step: null, invocation: null };
    const passed = gate.accept(recordsPacket([first, forged]));
    expect(passed).toHaveLength(1);
    expect(gate.reason).toMatch(/same object twice/);
    expect(gate.accept(recordsPacket(rest))).toHaveLength(rest.length);
  });
});
