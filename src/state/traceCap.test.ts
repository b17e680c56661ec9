import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { runEndRecords } from './runEndRecords.ts';
import { TraceCap } from './traceCap.ts';

const log = (seq: number): TraceRecord => ({ v: 2, runId: 'r', seq, t: 0, kind: 'log', level: 'log', text: '', step: null, invocation: null });
const finished = (seq: number): TraceRecord => ({ v: 2, runId: 'r', seq, t: 0, kind: 'run.finished', status: 'stopped', result: 1 });
const started = (seq: number): TraceRecord => ({ v: 2, runId: 'r', seq, t: 0, kind: 'step.started', step: 'spin', invocation: 1, worker: 0, events: [], attempt: 1 });

describe('TraceCap', () => {
  it('keeps the head of a run, counts the tail and always keeps the run’s end', () => {
    const cap = new TraceCap(3);
    expect(cap.take([log(0), log(1)])).toHaveLength(2);
    const kept = cap.take([log(2), log(3), log(4), finished(5)]);
    expect(kept.map((r) => r.seq)).toEqual([2, 5]);
    expect(cap.summary()).toContain('2 later records were not kept (2 log)');
  });

  it('keeps the ends of invocations that started before the cut', () => {
    const cap = new TraceCap(2);
    cap.take([log(0), started(1)]);
    const failed: TraceRecord = { v: 2, runId: 'r', seq: 3, t: 0, kind: 'step.failed', step: 'spin', invocation: 1, worker: 0, attempt: 1, error: { name: 'E', message: 'm' }, willRetry: false };
    expect(cap.take([log(2), failed]).map((r) => r.seq)).toEqual([3]);
  });

  it('says nothing when everything was kept', () => {
    const cap = new TraceCap(3);
    cap.take([log(0)]);
    expect(cap.summary()).toBeNull();
  });
});

describe('runEndRecords', () => {
  it('names the running step when the watchdog replaced the runner', () => {
    const [failed, end] = runEndRecords([started(0)], { kind: 'restarted', reason: 'unresponsive' }, new TraceCap());
    expect(failed).toMatchObject({ kind: 'step.failed', step: 'spin', invocation: 1, seq: 1, willRetry: false, error: { name: 'RunnerUnresponsive' } });
    expect(end).toMatchObject({ kind: 'run.finished', status: 'failed', seq: 2, error: { name: 'RunnerUnresponsive', step: 'spin' } });
    expect((end as { error: { message: string } }).error.message).toContain('while (true) {}');
  });

  it('suggests the endless loop in the language the code was written in', () => {
    const [, end] = runEndRecords([started(0)], { kind: 'restarted', reason: 'unresponsive' }, new TraceCap(), 'python');
    expect((end as { error: { message: string } }).error.message).toContain('(a synchronous loop such as while True: pass?)');
  });

  it('tells a crash and a close apart from a loop', () => {
    expect(runEndRecords([started(0)], { kind: 'restarted', reason: 'crashed' }, new TraceCap())[1]).toMatchObject({ error: { name: 'RunnerCrashed' } });
    expect(runEndRecords([], { kind: 'restarted', reason: 'closed' }, new TraceCap())).toMatchObject([{ kind: 'run.finished', error: { name: 'RunnerClosed' } }]);
    expect(runEndRecords([started(0)], { kind: 'restarted' }, new TraceCap())[0]).toMatchObject({ status: 'cancelled', error: { name: 'RunnerRestarted' } });
  });

  it('a Stop the runner was too busy to answer is told as a stop, not blamed on a loop', () => {
    const [end] = runEndRecords([started(0)], { kind: 'restarted', reason: 'stopped', waitedMs: 600 }, new TraceCap());
    expect(end).toMatchObject({ kind: 'run.finished', status: 'cancelled', error: { name: 'RunnerRestarted', step: 'spin' } });
    const message = (end as { error: { message: string } }).error.message;
    expect(message).toBe("Stopped while step 'spin' was running: the runner was too busy to stop the run within 0.6 s (a large run, or a synchronous loop), so it was replaced.");
    expect(message).not.toMatch(/did not yield/);
  });

  it('notes dropped runner messages, and adds no end to a run that has one', () => {
    const out = runEndRecords([log(0), finished(1)], { kind: 'finished', dropped: 3, droppedReason: 'a message that is not an object' }, new TraceCap());
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'log', level: 'warn', seq: 2 });
    expect((out[0] as { text: string }).text).toContain('3 messages from the runner were not valid');
  });
});
