/**
 * The reference chapter's Python, run on Flowplay's engine: the output the chapter prints, and the
 * same trace records as the TypeScript twins for the same seed. Python starts a task's body when the
 * loop gets to it, not when the engine starts the invocation, so records are compared per invocation
 * (and the run's own records in order), not interleaved.
 */
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { exampleSource, runSource } from '../runSource.ts';
import { runPython } from './runPython.ts';

const CHAPTER_OUTPUT: Record<string, string[]> = {
  parallel: ['Running slow query  Query 1', 'Running slow query  Query 2', 'Running slow query  Query 3', 'Query 1'],
  collect: [
    'Running query  Query 1',
    'Running query  Query 2',
    'Running query  Query 3',
    'Not all events received yet.',
    'Not all events received yet.',
    "[StepThreeEvent(result='Query 1'), StepThreeEvent(result='Query 2'), StepThreeEvent(result='Query 3')]",
    'Done',
  ],
  'collect-different-types': [
    'Doing something A-ish',
    'Doing something B-ish',
    'Doing something C-ish',
    'Received event  Query 1',
    'Received event  Query 2',
    'Received event  Query 3',
    "All events received:  [StepCCompleteEvent(result='Query 3'), StepBCompleteEvent(result='Query 2'), StepACompleteEvent(result='Query 1')]",
    'Done',
  ],
  'map-reduce': ['Running query  Query 1', 'Running query  Query 2', 'Running query  Query 3', 'Running query  Query 4', 'Reduced 4 results', 'Query 1, Query 2, Query 3, Query 4'],
};

/** `stepTwo` -> `step_two`. */
const snake = (name: string) => name.replace(/([a-z])([A-Z])/g, (_m, a: string, b: string) => `${a}_${b.toLowerCase()}`);

/** Records grouped by invocation (the run's own under `run`), without the sequence number and run id (process-wide counters). */
function perInvocation(trace: TraceRecord[], rename: (name: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const record of trace) {
    const { seq: _seq, runId: _runId, ...rest } = record as TraceRecord & { seq: number; runId: string };
    // Printing a list of events is each language's own repr; the events and values in it must agree.
    if (rest.kind === 'log' && /Event[ (]/.test(rest.text)) rest.text = (rest.text.match(/[A-Za-z]+Event|'[^']*'/g) ?? []).join(' ');
    const key = 'invocation' in rest && rest.invocation !== undefined ? `invocation ${String(rest.invocation)}` : 'run';
    const text = JSON.stringify(rest).replace(/"(step|name|target)":"([A-Za-z]+)"/g, (_m, k: string, v: string) => `"${k}":"${rename(v)}"`);
    (out[key] ??= []).push(text);
  }
  return out;
}

describe("the concurrency chapter's Python runs on the engine", { timeout: 180_000 }, () => {
  it.each(Object.keys(CHAPTER_OUTPUT))('%s prints what the chapter shows', async (name) => {
    const run = await runPython(exampleSource(`concurrency/${name}.py`), { fileName: `${name}.py` });
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(CHAPTER_OUTPUT[name]);
  });

  it.each(Object.keys(CHAPTER_OUTPUT).flatMap((name) => [[name, 0], [name, 7]] as const))(
    '%s with seed %i: the same records per invocation as the TypeScript twin',
    async (name, seed) => {
      const python = await runPython(exampleSource(`concurrency/${name}.py`), { seed });
      const typescript = await runSource(exampleSource(`concurrency/${name}.ts`), { seed });
      expect(python.error).toBeUndefined();
      // The run's own records: the TypeScript host also records what the file prints after the run.
      const ts = typescript.trace.slice(0, typescript.trace.findIndex((r) => r.kind === 'run.finished') + 1);
      expect(python.trace.length).toBe(ts.length);
      expect(perInvocation(python.trace, (n) => n)).toEqual(perInvocation(ts, snake));
    },
  );
});
