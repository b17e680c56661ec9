import { describe, expect, test } from 'vitest';
import { DEFAULT_RUN_FILE_LIMITS, createRunFile, parseRunFile, runFileParts, serializeRunFile } from '../../../src/inspect/index.ts';
import { readFileSync } from 'node:fs';
import { RunFold } from '../../../src/state/runFold.ts';
import { TraceIndex } from '../../../src/inspect/traceIndex.ts';
import { THROWING, TARGETED, recordExample, recordMapReduce, recordSource } from './fixtures.ts';

async function validText(): Promise<{ text: string; data: Record<string, unknown> & { trace: Record<string, unknown>[] } }> {
  const { source, graph, trace } = await recordExample('collect.ts');
  const text = serializeRunFile(createRunFile({ code: source, input: { message: 'hi' }, seed: 0, graph, trace }));
  return { text, data: JSON.parse(text) };
}

/** Applies `change` to a copy of a valid file and parses it. */
async function broken(change: (data: Record<string, unknown> & { trace: Record<string, unknown>[] }) => void) {
  const { data } = await validText();
  change(data);
  return parseRunFile(JSON.stringify(data));
}

describe('parseRunFile', () => {
  test("a child run's trace keeps the run, step and invocation that started it", async () => {
    const { source, trace } = await recordExample('collect.ts');
    const child = trace.map((r, i) => (i === 0 ? { ...r, parentRun: 'run-1', parentStep: 'delegate', parentInvocation: 2 } : r));
    const read = parseRunFile(serializeRunFile(createRunFile({ code: source, seed: 0, trace: child })));
    expect(read.ok && read.file.trace[0]).toMatchObject({ kind: 'run.started', parentRun: 'run-1', parentStep: 'delegate', parentInvocation: 2 });
    const bad = JSON.parse(serializeRunFile(createRunFile({ code: source, seed: 0, trace: child })));
    bad.trace[0].parentInvocation = 'two';
    expect(parseRunFile(JSON.stringify(bad))).toMatchObject({ ok: false, error: expect.stringMatching(/parentInvocation/) });
  });

  test('reads back what was saved, for every example and a failing run', async () => {
    const runs = [
      ...(await Promise.all(['parallel.ts', 'collect.ts', 'collect-different-types.ts', 'map-reduce.ts'].map((n) => recordExample(n)))),
      await recordSource(THROWING),
      await recordSource(TARGETED),
    ];
    for (const run of runs) {
      const file = createRunFile({ code: run.source, input: {}, seed: 7, graph: run.graph, trace: run.trace });
      const read = parseRunFile(serializeRunFile(file));
      expect(read).toEqual({ ok: true, file: JSON.parse(JSON.stringify(file)) });
    }
  }, 30_000); // six runs recorded first: seconds on a busy machine

  test('written in pieces of any size, the text is the same: a head, the records a piece at a time, the end', async () => {
    const { source, graph, trace } = await recordExample('collect.ts');
    const file = createRunFile({ code: source, input: { message: 'hi' }, seed: 0, graph, trace });
    const whole = serializeRunFile(file);
    for (const slice of [1, 3, trace.length - 1, trace.length, 2_000, 0]) {
      const parts = [...runFileParts(file, slice)];
      expect(parts.join(''), `slice ${slice}`).toBe(whole);
      // The head and the end are pieces of their own; the records fill the rest, none empty.
      expect(parts.length).toBe(2 + Math.ceil(trace.length / Math.max(1, slice)));
    }
    const empty = createRunFile({ code: '', seed: null, trace: [] });
    expect([...runFileParts(empty)].join('')).toBe(serializeRunFile(empty));
  });

  test('a file without a graph is fine', async () => {
    expect((await broken((d) => delete d.graph)).ok).toBe(true);
  });

  const cases: [string, (d: Record<string, unknown> & { trace: Record<string, unknown>[] }) => void, RegExp][] = [
    ['another format', (d) => (d.format = 'something-else'), /not a Flowplay run file/],
    ['a newer version', (d) => (d.version = 3), /version 3/],
    ['no code', (d) => delete d.code, /"code" must be a string/],
    ['an unknown top-level field', (d) => (d.extra = 1), /unknown field "extra"/],
    ['a run id that is not a string', (d) => (d.runId = 5), /"runId" must be a string/],
    ['input that is not an object', (d) => (d.input = [1]), /"input" must be an object/],
    ['a fractional seed', (d) => (d.seed = 1.5), /"seed" must be an integer/],
    ['a trace that is not a list', (d) => (d.trace = {} as never), /"trace" must be a list/],
    ['a record that is not an object', (d) => (d.trace[3] = 5 as never), /trace\[3\] must be an object/],
    ['an unknown record kind', (d) => (d.trace[3]!.kind = 'event.teleported'), /trace\[3\] has an unknown kind "event.teleported"/],
    ['a version 1 record kind', (d) => (d.trace[3]!.kind = 'event.delivered'), /trace\[3\] has an unknown kind "event.delivered"/],
    ['a missing field', (d) => delete d.trace[2]!.step, /trace\[2\] \(step.started\) is missing "step"/],
    ['a field of the wrong type', (d) => (d.trace[2]!.worker = '1'), /trace\[2\] \(step.started\)\.worker must be an integer/],
    ['an extra field in a record', (d) => (d.trace[2]!.note = 'x'), /unknown field "note"/],
    ['a value outside an enum', (d) => (d.trace[1]!.via = 'teleport'), /\.via must be one of/],
    ['a negative time', (d) => (d.trace[2]!.t = -1), /\.t must be a finite number >= 0/],
    ['another trace version', (d) => (d.trace[2]!.v = 3), /trace version 3/],
    ['seq that does not increase', (d) => (d.trace[5]!.seq = 2), /seq must increase/],
    ['two runs in one file', (d) => (d.trace[5]!.runId = 'run-9'), /a file holds one run/],
    ['a first record that is not run.started', (d) => d.trace.shift(), /trace\[0\] \(event.emitted\) must be "run.started"/],
    ['a second run.started', (d) => (d.trace[4] = { ...d.trace[0]!, seq: d.trace[4]!.seq }), /a run starts only once/],
    ['a step the run does not have', (d) => (d.trace[2]!.step = 'ghost'), /names "ghost", which is not a step/],
    ['a delivery to a step the run does not have', (d) => ((d.trace[1]!.to as { step: string }[])[0]!.step = 'ghost'), /to\[0\]\.step names "ghost"/],
    ['a delivery that is not a delivery', (d) => ((d.trace[1]!.to as unknown[])[0] = 7), /to\[0\] must be an object/],
    ['a start of an event never emitted', (d) => (d.trace[2]!.events = [99]), /event 99, which was not emitted before it/],
    ['a start of an invocation nothing was delivered to', (d) => (d.trace[2]!.invocation = 77), /invocation 77/],
    ['an event emitted twice', (d) => (d.trace[4]!.event = 1), /emitted twice/],
    ['an error without a message', (d) => void Object.assign(d.trace.find((r) => r.kind === 'run.finished')!, { status: 'failed', error: { name: 'E' } }), /error is missing "message"/],
    ['a graph edge to a missing node', (d) => ((d.graph as { edges: { target: string }[] }).edges[0]!.target = 'step:ghost'), /graph\.edges\[0\] connects a node that is not in the graph/],
    ['a graph node of an unknown kind', (d) => ((d.graph as { nodes: { kind: string }[] }).nodes[0]!.kind = 'blob'), /graph\.nodes\[0\]\.kind must be one of/],
  ];
  test.each(cases)('refuses %s with a clear message', async (_name, change, message) => {
    const read = await broken(change);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(message);
  });

  test('refuses text that is not JSON, JSON that is not a run, and deep payloads', async () => {
    expect(parseRunFile('{ nope')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parseRunFile('[]')).toMatchObject({ ok: false, error: expect.stringMatching(/not a Flowplay run file/) });
    expect(parseRunFile('null')).toMatchObject({ ok: false });
    const { text } = await validText();
    // Built as text: a value this deep cannot be stringified (or checked recursively) without overflowing.
    const nested = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const deep = parseRunFile(text.replace('"payload":{"message":"Start the workflow."}', `"payload":${nested}`));
    expect(deep).toMatchObject({ ok: false, error: expect.stringMatching(/nested deeper than 64/) });
  });

  test('size limits: characters and records', async () => {
    const { text } = await validText();
    expect(parseRunFile(text, { ...DEFAULT_RUN_FILE_LIMITS, maxBytes: 100 })).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    expect(parseRunFile(text, { ...DEFAULT_RUN_FILE_LIMITS, maxRecords: 10 })).toMatchObject({ ok: false, error: expect.stringMatching(/limit is 10/) });
  });

  test('never throws and never lets a changed record through unchecked (random damage)', async () => {
    const { data } = await validText();
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const junk = [null, -1, 1.5, 'x', true, [], {}, [1, 'a'], { a: 1 }, 1e308];
    let refused = 0;
    for (let round = 0; round < 400; round++) {
      const copy = structuredClone(data);
      const record = copy.trace[Math.floor(random() * copy.trace.length)]!;
      const keys = Object.keys(record);
      const key = keys[Math.floor(random() * keys.length)]!;
      if (random() < 0.3) delete record[key];
      else record[key] = junk[Math.floor(random() * junk.length)];
      const read = parseRunFile(JSON.stringify(copy));
      if (!read.ok) refused++;
    }
    expect(refused).toBeGreaterThan(300);
  });
});

/** Saved by the version 1 engine (commit c4f6f7f): collect.ts, and map-reduce.ts with 6 queries on 2 workers. */
const v1File = (name: string): string => readFileSync(new URL(`../../fixtures/runs/${name}.v1.run.json`, import.meta.url), 'utf8');

describe('run files of trace version 1', () => {
  test('open as version 2 runs that show the same as the same run recorded today', async () => {
    for (const [name, today] of [
      ['collect', await recordExample('collect.ts')],
      ['map-reduce', await recordMapReduce(6, 2)],
    ] as const) {
      const read = parseRunFile(v1File(name));
      if (!read.ok) throw new Error(read.error);
      const old = read.file.trace;
      expect(read.file.version).toBe(2);
      expect(old.every((r) => r.v === 2)).toBe(true);
      expect(old.map((r) => r.kind)).not.toContain('event.delivered');
      // The records that remain keep their identity: seq still increases, from the same first record.
      expect(old[0]!.seq).toBe(1);
      // Same run, same view: every step's counters, every event count, every invocation's deliveries and waits.
      const a = RunFold.of(old);
      const b = RunFold.of(today.trace);
      for (const step of a.steps.keys()) expect(a.stepView(step)).toEqual(b.stepView(step));
      expect([...a.eventCounts]).toEqual([...b.eventCounts]);
      const deliveries = (trace: typeof old) =>
        [...TraceIndex.of(trace).invocations.values()].map((i) => ({ step: i.step, delivered: i.deliveries.map((d) => [d.event, d.queued]), waited: i.queued?.position, starts: i.starts.length }));
      expect(deliveries(old)).toEqual(deliveries(today.trace));
    }
  }, 30_000);

  test('a waiting delivery keeps its place in the queue', () => {
    const read = parseRunFile(v1File('map-reduce'));
    if (!read.ok) throw new Error(read.error);
    const waits = read.file.trace.flatMap((r) => (r.kind === 'event.emitted' ? r.to.filter((d) => d.queued !== undefined) : []));
    expect(waits.length).toBeGreaterThan(0);
    const raw = JSON.parse(v1File('map-reduce')) as { trace: { kind: string; position?: number }[] };
    const queuedRecords = raw.trace.filter((r) => r.kind === 'step.queued').map((r) => r.position);
    const stillQueued = read.file.trace.filter((r) => r.kind === 'step.queued').length;
    expect(waits.map((d) => d.queued).length + stillQueued).toBe(queuedRecords.length);
  });

  test('a damaged version 1 file is refused with a reason', () => {
    const data = JSON.parse(v1File('collect')) as { trace: Record<string, unknown>[] };
    const delivered = data.trace.findIndex((r) => r.kind === 'event.delivered');
    const withGhost = structuredClone(data);
    withGhost.trace[delivered]!.event = 999;
    expect(parseRunFile(JSON.stringify(withGhost))).toMatchObject({ ok: false, error: expect.stringMatching(/event\.delivered\)\.event refers to event 999, which was not emitted before it/) });
    const withExtra = structuredClone(data);
    withExtra.trace[delivered]!.note = 1;
    expect(parseRunFile(JSON.stringify(withExtra))).toMatchObject({ ok: false, error: expect.stringMatching(/unknown field "note"/) });
    const withBadStep = structuredClone(data);
    withBadStep.trace[delivered]!.step = 42;
    expect(parseRunFile(JSON.stringify(withBadStep))).toMatchObject({ ok: false, error: expect.stringMatching(/to\[0\]\.step must be a string/) });
  });
});
