import { describe, expect, it } from 'vitest';
import { recordsPacket } from '../../tests/support/recordsPacket.ts';
import type { TraceRecord } from '../engine/trace.ts';
import { MAX_BATCH_RECORDS, TraceGate, readRunnerMessage } from './runnerMessages.ts';
import { MAX_BATCH } from './traceBatcher.ts';

const started: TraceRecord = {
  v: 2, runId: 'r', seq: 0, t: 0, kind: 'run.started', workflow: 'F', clock: 'virtual', speed: 1, seed: 1, timeout: 10,
  steps: [{ name: 'start', accepts: ['StartEvent'], returns: ['StopEvent'], numWorkers: 1, gather: false, fanOut: false }],
};
const log = (seq: number, extra: Record<string, unknown> = {}): unknown => ({ v: 2, runId: 'r', seq, t: 0, kind: 'log', level: 'log', text: `line ${seq}`, step: null, invocation: null, ...extra });

describe('readRunnerMessage', () => {
  it('reads the runner’s messages and refuses anything else, saying what it was', () => {
    expect(readRunnerMessage({ type: 'beat' })).toEqual({ ok: true, message: { type: 'beat' } });
    expect(readRunnerMessage({ type: 'stray', extra: 1 })).toEqual({ ok: true, message: { type: 'stray' } });
    expect(readRunnerMessage({ type: 'trace', run: 3, packet: recordsPacket([]) })).toEqual({ ok: true, message: { type: 'trace', run: 3, packet: recordsPacket([]) } });
    expect(readRunnerMessage('hello page')).toEqual({ ok: false, reason: 'a message that is not an object' });
    expect(readRunnerMessage({ type: 'trace', run: '1', packet: recordsPacket([]) })).toMatchObject({ ok: false, reason: 'a trace batch without a run number' });
    expect(readRunnerMessage({ type: 'trace', run: 1, records: [] })).toMatchObject({ ok: false });
    expect(readRunnerMessage({ type: 'flowplay:connect' })).toMatchObject({ ok: false, reason: expect.stringContaining('unknown type') });
    expect(readRunnerMessage({ type: 'end', run: 1, error: { name: 1 } })).toMatchObject({ ok: false });
  });

  it('takes a packet of the rows the runner sends, and refuses one of more rows than the runner and the relay ever put in one message', () => {
    const lines = (n: number) => recordsPacket(Array.from({ length: n }, (_, i) => log(i + 1) as TraceRecord));
    expect(readRunnerMessage({ type: 'trace', run: 1, packet: lines(MAX_BATCH) }).ok).toBe(true);
    expect(readRunnerMessage({ type: 'trace', run: 1, packet: lines(MAX_BATCH_RECORDS) }).ok).toBe(true);
    expect(readRunnerMessage({ type: 'trace', run: 1, packet: lines(MAX_BATCH_RECORDS + 1) })).toEqual({ ok: false, reason: 'a trace batch that is not a packet of at most 1,000 rows' });
  });

  it('keeps a setup error to its known fields, bounded', () => {
    const read = readRunnerMessage({ type: 'end', run: 1, error: { name: 'E', message: 'x'.repeat(50_000), extra: '<script>' } });
    expect(read.ok).toBe(true);
    if (read.ok && read.message.type === 'end') {
      expect(Object.keys(read.message.error!)).toEqual(['name', 'message']);
      expect(read.message.error!.message.length).toBe(10_000);
    }
  });
});

describe('TraceGate', () => {
  it('passes a valid trace and drops forged or malformed records, counting them', () => {
    const gate = new TraceGate();
    const passed = gate.accept(recordsPacket([
      log(0, { runId: 'host' }), // top-level output before the run starts
      started,
      log(1),
      { ...(log(2) as object), kind: 'step.started', step: '<img src=x>' }, // unknown fields for its kind
      { v: 2, runId: 'other', seq: 3, t: 0, kind: 'run.finished', status: 'stopped', result: 'forged' }, // another run
      log(1), // seq going back
      log(4, { step: 'nope' }), // a step the run does not have
      { v: 2, runId: 'r', seq: 5, t: 0, kind: 'run.finished', status: 'stopped', result: { deep: 1 } },
    ]));
    expect(passed.map((r) => `${r.kind}:${r.seq}`)).toEqual(['log:0', 'run.started:0', 'log:1', 'run.finished:5']);
    expect(gate.dropped).toBe(4);
    expect(gate.reason).toContain('step.started');
  });

  it('passes the runs started inside its steps as child runs, each checked as a run, and refuses strangers', () => {
    const gate = new TraceGate();
    const child = (runId: string, parentRun: string) => ({ ...started, runId, seq: 1, parentRun, parentStep: 'start', parentInvocation: 1 });
    const passed = gate.accept(recordsPacket([
      started,
      child('c1', 'r'),
      log(2, { runId: 'c1' }),
      child('c2', 'c1'), // a grandchild
      child('x', 'elsewhere'), // names a parent outside the family
      log(3, { runId: 'x' }),
      log(1, { runId: 'c1' }), // seq going back within the child
      { v: 2, runId: 'c1', seq: 3, t: 0, kind: 'run.started', workflow: 'F', clock: 'virtual', speed: 1, seed: 1, timeout: 10, steps: [] }, // a second start
      log(1),
    ]));
    expect(passed.map((r) => `${r.runId}:${r.kind}:${r.seq}`)).toEqual(['r:run.started:0', 'c1:run.started:1', 'c1:log:2', 'c2:run.started:1', 'r:log:1']);
    expect(gate.dropped).toBe(4);
  });

  it('refuses a packet row that points outside the tables it came with, and reads the rest', () => {
    const gate = new TraceGate();
    const packet = recordsPacket([started, log(1), log(2)]);
    packet.ints[10] = 3; // row 1 becomes a step.finished naming no step, with a billion outputs
    packet.ints[16] = 1e9;
    const passed = gate.accept(packet);
    expect(passed.map((r) => `${r.kind}:${r.seq}`)).toEqual(['run.started:0', 'log:2']);
    expect(gate.dropped).toBe(1);
    expect(gate.reason).toContain('cannot be read');
  });

  it('refuses payloads nested deeper than the engine ever writes', () => {
    const gate = new TraceGate();
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(gate.accept(recordsPacket([started, { v: 2, runId: 'r', seq: 1, t: 0, kind: 'state.changed', key: 'k', value: deep, step: null, invocation: null }]))).toHaveLength(1);
    expect(gate.reason).toContain('nested deeper');
  });
});

describe('a Python snapshot from the runner', () => {
  it('is bytes of a sane size, or refused', () => {
    expect(readRunnerMessage({ type: 'snapshot', bytes: new Uint8Array(8) })).toMatchObject({ ok: true, message: { type: 'snapshot' } });
    expect(readRunnerMessage({ type: 'snapshot', bytes: 'x'.repeat(8) }).ok).toBe(false);
    expect(readRunnerMessage({ type: 'snapshot' }).ok).toBe(false);
  });
});
