import { describe, expect, test } from 'vitest';
import { TraceIndex, describeEvent, describeInvocation, stateAt, userLocation } from '../../../src/inspect/index.ts';
import { MAX_STATE_PATH_DEPTH } from '../../../src/inspect/stateAt.ts';
import { TARGETED, THROWING, ofKind, recordExample, recordMapReduce, recordSource } from './fixtures.ts';

describe('describeEvent', () => {
  test("the StopEvent of collect.ts: its producer, and its causal chain back to the StartEvent", async () => {
    const { trace } = await recordExample('collect.ts');
    const index = TraceIndex.of(trace);
    const stop = ofKind(trace, 'event.emitted').find((r) => r.type === 'StopEvent')!;
    const d = describeEvent(index, stop.event)!;
    expect(d).toMatchObject({ type: 'StopEvent', fields: { result: 'Done' }, origin: 'returned', producer: { step: 'stepThree' }, published: true, unhandled: false });
    expect(d.received).toEqual([]);
    expect(d.chain.map((l) => [l.type, l.step, l.via])).toEqual([
      ['StopEvent', 'stepThree', 'return'],
      ['StepThreeEvent', 'stepTwo', 'return'],
      ['StepTwoEvent', 'start', 'send'],
      ['StartEvent', null, 'input'],
    ]);
    expect(d.chain[0]!.event).toBe(stop.event);
  });

  test('a sent event: who received it and when; nothing known before it was emitted', async () => {
    const { trace } = await recordExample('collect.ts');
    const index = TraceIndex.of(trace);
    const d = describeEvent(index, 2)!;
    expect(d).toMatchObject({ type: 'StepTwoEvent', fields: { query: 'Query 1' }, origin: 'sent', producer: { step: 'start', invocation: 1 }, target: null });
    expect(d.received).toEqual([{ step: 'stepTwo', invocation: 2, seq: d.received[0]!.seq, t: 0 }]);
    // Routing is synchronous: an event is delivered in the record that emits it.
    expect(d.received[0]!.seq).toBe(d.seq);
    expect(describeEvent(index, 2, d.seq - 1)).toBeNull();
    expect(describeEvent(index, 999)).toBeNull();
  });

  test('an event sent to a named step is targeted, and only that step receives it', async () => {
    const { trace } = await recordSource(TARGETED);
    const index = TraceIndex.of(trace);
    const ping = ofKind(trace, 'event.emitted').find((r) => r.type === 'Ping')!;
    const d = describeEvent(index, ping.event)!;
    expect(d).toMatchObject({ origin: 'targeted', target: 'second' });
    expect(d.received.map((r) => r.step)).toEqual(['second']);
  });

  test('events dropped when the run ended say so', async () => {
    const { trace } = await recordExample('parallel.ts');
    const index = TraceIndex.of(trace);
    const stops = ofKind(trace, 'event.emitted').filter((r) => r.type === 'StopEvent');
    const dropped = ofKind(trace, 'event.dropped');
    for (const r of dropped) expect(describeEvent(index, r.event)!.dropped).toEqual([{ step: r.step, reason: r.reason, seq: r.seq, t: r.t }]);
    expect(stops.length).toBeGreaterThanOrEqual(1);
  });
});

describe('describeInvocation', () => {
  test('a step that throws: attempts, logs, worker, status, and the error at the user line', async () => {
    const { trace } = await recordSource(THROWING);
    const index = TraceIndex.of(trace);
    const boom = ofKind(trace, 'step.started').find((r) => r.step === 'boom')!.invocation;
    const d = describeInvocation(index, boom)!;
    expect(d).toMatchObject({ step: 'boom', status: 'failed', worker: 1, attempt: 2, inputs: [{ type: 'A' }], returned: [], sent: [] });
    expect(d.attempts.map((a) => [a.attempt, a.start, a.end, a.outcome])).toEqual([
      [1, 0, 0, 'failed'],
      [2, 1000, 1000, 'failed'],
    ]);
    expect(d.logs.map((l) => l.text)).toEqual(['about to throw', 'about to throw']);
    expect(d.duration).toBe(1000);
    expect(d.error).toMatchObject({ name: 'Error', message: 'kaput 1' });
    // Line 12 of THROWING is `throw new Error("kaput " + ev.n);`, its `new` at column 11.
    expect(d.error!.location).toMatchObject({ line: 12, column: 11, functionName: 'F.boom' });
    expect(THROWING.split('\n')[d.error!.location!.line - 1]!.slice(d.error!.location!.column - 1)).toMatch(/^new Error\("kaput "/);
  });

  test('between attempts it is retrying; before the first start it is queued', async () => {
    const { trace } = await recordSource(THROWING);
    const index = TraceIndex.of(trace);
    const failed = ofKind(trace, 'step.failed')[0]!;
    expect(describeInvocation(index, failed.invocation, failed.seq)).toMatchObject({ status: 'retrying', attempt: 1 });
    const delivered = ofKind(trace, 'event.emitted').find((r) => r.to.some((d) => d.invocation === failed.invocation))!;
    expect(describeInvocation(index, failed.invocation, delivered.seq)).toMatchObject({ status: 'queued', startedAt: null, duration: null });
    expect(describeInvocation(index, failed.invocation, delivered.seq - 1)).toBeNull();
  });

  test('what an invocation returned and sent, and its state writes', async () => {
    const { trace } = await recordSource(TARGETED);
    const index = TraceIndex.of(trace);
    const start = describeInvocation(index, 1)!;
    expect(start.sent).toEqual([{ event: 2, type: 'Ping', via: 'send', target: 'second' }]);
    expect(start.stateChanges.map((c) => c.key)).toEqual(['config.retries', 'config', 'config.limits.max']);
    const second = ofKind(trace, 'step.started').find((r) => r.step === 'second')!.invocation;
    expect(describeInvocation(index, second)).toMatchObject({ status: 'done', returned: [{ type: 'StopEvent' }], inputs: [{ type: 'Ping' }] });
  });

  test('a running invocation lasts until the cursor', async () => {
    const { trace } = await recordExample('collect.ts');
    const index = TraceIndex.of(trace);
    const started = ofKind(trace, 'step.started').find((r) => r.invocation === 4)!;
    expect(describeInvocation(index, 4, started.seq, 2500)).toMatchObject({ status: 'running', duration: 2500, endedAt: null, worker: 3 });
  });
});

describe('stateAt', () => {
  test('map-reduce keeps the number of events in the context', async () => {
    const { trace } = await recordMapReduce(4);
    const index = TraceIndex.of(trace);
    const set = ofKind(trace, 'state.changed')[0]!;
    expect(stateAt(index, set.seq - 1).values).toEqual({});
    expect(stateAt(index, set.seq).values).toEqual({ num_events: 4 });
    expect(stateAt(index, Number.POSITIVE_INFINITY).changes.num_events).toMatchObject({ step: 'start', value: 4 });
  });

  test('dot paths nest, later writes replace, and the trace is not modified', async () => {
    const { trace } = await recordSource(TARGETED);
    const before = JSON.stringify(trace);
    const index = TraceIndex.of(trace);
    const changes = ofKind(trace, 'state.changed');
    expect(stateAt(index, changes[0]!.seq).values).toEqual({ config: { retries: 3 } });
    expect(stateAt(index, changes[1]!.seq).values).toEqual({ config: { mode: 'fast' } });
    expect(stateAt(index, changes[2]!.seq).values).toEqual({ config: { mode: 'fast', limits: { max: 10 } } });
    expect(JSON.stringify(trace)).toBe(before);
  });

  test('a key of thousands of dots opens 32 levels; the rest of it is the last name', async () => {
    const { trace } = await recordMapReduce(4);
    const set = ofKind(trace, 'state.changed')[0]!;
    const key = `${'a.'.repeat(8000)}b`;
    const index = TraceIndex.of([...trace.slice(0, set.seq - 1), { ...set, key, value: 1 }]);
    let node: unknown = stateAt(index, set.seq).values;
    let depth = 0;
    while (typeof node === 'object' && node !== null && Object.keys(node).length === 1 && Object.keys(node)[0] === 'a') {
      node = (node as Record<string, unknown>)['a'];
      depth++;
    }
    expect(depth).toBe(MAX_STATE_PATH_DEPTH - 1);
    expect(node).toEqual({ [key.slice(2 * (MAX_STATE_PATH_DEPTH - 1))]: 1 });
    expect(stateAt(index, set.seq).changes[key]).toMatchObject({ value: 1 });
  });
});

describe('userLocation', () => {
  test('reads V8 and Firefox frames of evaluated code, minus the wrapper lines', () => {
    const v8 = 'Error: x\n    at engine (/src/engine/x.ts:1:1)\n    at F.boom (eval at execute (http://localhost/src/worker/userRun.ts:57:18), <anonymous>:14:11)';
    expect(userLocation(v8)).toMatchObject({ line: 12, column: 11, functionName: 'F.boom' });
    const anonymous = 'Error: x\n    at eval (eval at execute (http://x/userRun.ts:57:18), <anonymous>:5:3)';
    expect(userLocation(anonymous)).toMatchObject({ line: 3, column: 3, functionName: 'eval' });
    const gecko = 'boom@http://localhost/src/worker/userRun.ts line 57 > AsyncFunction:14:11\ncall@http://localhost/src/engine/invocation.ts:94:30';
    expect(userLocation(gecko)).toMatchObject({ line: 12, column: 11, functionName: 'boom' });
  });

  test('says nothing when no frame is the user code', () => {
    expect(userLocation(undefined)).toBeNull();
    expect(userLocation('Error: x\n    at call (/work/src/engine/invocation.ts:94:30)')).toBeNull();
    expect(userLocation('Error: x\n    at f (eval at g (a.ts:1:1), <anonymous>:1:5)')).toBeNull();
  });
});
