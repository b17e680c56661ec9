/**
 * "Use the Input box instead": the values a `run({...})` call writes move into the Input box and the
 * call takes the box's input. Checked on every TypeScript example and tutorial file that starts its
 * own run: the moved code, run with the moved values, does exactly what the original did, and run
 * with other values, its StartEvent carries those.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ENTRIES, tutorialSourcePaths } from '../../../src/tutorial/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { findOwnRunCall } from '../../../src/ui/run/ownRunCall.ts';
import { moveRunInput, takesStartInput } from '../../../src/ui/run/moveRunInput.ts';
import { readObjectLiteral } from '../../../src/ui/run/objectLiteral.ts';
import { readSrc } from '../tutorial/driveSource.ts';
import { runSource, sharedCompiler } from '../runSource.ts';

describe('reading a run() call\'s plain values', () => {
  it('reads what JSON can hold, written the JavaScript way', () => {
    const read = readObjectLiteral(`{ topic: 'workflows', "n": -1.5e2, quick: true, none: null, list: [1, "a", { b: \`c\` },], 'x y': "\\u00e9\\n", } // why`);
    expect(read).toEqual({ ok: true, value: { topic: 'workflows', n: -150, quick: true, none: null, list: [1, 'a', { b: 'c' }], 'x y': 'é\n' } });
    expect(readObjectLiteral('  ')).toEqual({ ok: true, value: {} });
  });

  it('refuses what only the code can work out, saying what it is', () => {
    expect(readObjectLiteral('{ topic }')).toMatchObject({ ok: false, reason: expect.stringContaining('by name only (topic)') });
    expect(readObjectLiteral('{ topic: name }')).toMatchObject({ ok: false, reason: expect.stringContaining('a name (name)') });
    expect(readObjectLiteral('{ ...base, a: 1 }')).toMatchObject({ ok: false, reason: expect.stringContaining('spread') });
    expect(readObjectLiteral('{ t: `a${b}` }')).toMatchObject({ ok: false, reason: expect.stringContaining('template') });
    expect(readObjectLiteral('{ n: 1 + 2 }')).toMatchObject({ ok: false });
    expect(readObjectLiteral('{ n: f() }')).toMatchObject({ ok: false });
    expect(readObjectLiteral('new StartEvent({ a: 1 })')).toMatchObject({ ok: false });
    expect(readObjectLiteral('{ a: 1 }, { timeout: 2 }')).toMatchObject({ ok: false, reason: expect.stringContaining('more than one argument') });
    expect(readObjectLiteral('[1, 2]')).toMatchObject({ ok: false, reason: expect.stringContaining('other than an object') });
    expect(readObjectLiteral('{ a: "open')).toMatchObject({ ok: false });
  });

  it('a field called __proto__ stays a field', () => {
    const read = readObjectLiteral('{ __proto__: { polluted: 1 } }');
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(Object.prototype);
    expect(read.ok && JSON.stringify(read.value)).toBe('{"__proto__":{"polluted":1}}');
  });
});

describe('moving the values into the Input box', () => {
  const call = (source: string) => findOwnRunCall(source, [])!;

  it('rewrites the call and adds startInput to the flowplay import', () => {
    const source = 'import { Workflow, step } from "flowplay";\nconst w = new W();\nawait w.run({ topic: "x" });\n';
    const moved = moveRunInput(source, call(source));
    expect(moved).toEqual({ ok: true, inputText: '{"topic":"x"}', source: 'import { Workflow, step, startInput } from "flowplay";\nconst w = new W();\nawait w.run(startInput());\n' });
    expect(takesStartInput(call(moved.ok ? moved.source : ''))).toBe(true);
  });

  it('keeps an import that has it, a trailing comma, or no flowplay import at all', () => {
    const has = 'import { startInput, Workflow } from "flowplay";\nawait w.run();\n';
    expect(moveRunInput(has, call(has))).toMatchObject({ source: 'import { startInput, Workflow } from "flowplay";\nawait w.run(startInput());\n', inputText: '{}' });
    const trailing = "import {\n  Workflow,\n  step,\n} from 'flowplay';\nawait w.run({ a: [1] });\n";
    expect(moveRunInput(trailing, call(trailing))).toMatchObject({ source: "import {\n  Workflow,\n  step, startInput,\n} from 'flowplay';\nawait w.run(startInput());\n" });
    const none = 'await w.run({ a: 1 });\n';
    expect(moveRunInput(none, call(none))).toMatchObject({ source: 'import { startInput } from "flowplay";\nawait w.run(startInput());\n' });
  });

  it('leaves a call that computes its input alone', () => {
    const source = 'const topic = "x";\nawait w.run({ topic });\n';
    expect(moveRunInput(source, call(source))).toMatchObject({ ok: false });
  });
});

const withoutRunIds = (trace: readonly TraceRecord[]) => JSON.stringify(trace).replace(/"(runId|parentRun)":"[^"]*"/g, '"$1":"-"');

const startPayload = (trace: readonly TraceRecord[]) => trace.find((r) => r.kind === 'event.emitted' && r.type === 'StartEvent');

const typescriptFiles = [...new Set([...tutorialSourcePaths(), ...EXAMPLE_ENTRIES.map((e) => e.path)])].filter((p) => p.endsWith('.ts'));

describe.each(typescriptFiles)('%s', (path) => {
  it('moved into the box, runs as before, and then runs with what the box holds', async () => {
    const source = readSrc(path);
    const compiled = sharedCompiler().compile(source);
    const own = findOwnRunCall(source, compiled.workflows.map((w) => w.range));
    // A run given a context (`run({ ctx })`) resumes or carries state: it has no start input to move.
    if (own === null || compiled.js === null || /\bctx\b/.test(own.argument)) return;
    const moved = moveRunInput(source, own);
    // Every file the page ships writes its start input as plain values.
    expect(moved).toMatchObject({ ok: true });
    if (!moved.ok) return;
    expect(sharedCompiler().compile(moved.source).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const answers = ['Ada', 'Ada', 'Ada'];
    const before = await runSource(source, { answers });
    const after = await runSource(moved.source, { answers, input: JSON.parse(moved.inputText) });
    expect(withoutRunIds(after.trace)).toBe(withoutRunIds(before.trace));
    expect(after.lines).toEqual(before.lines);

    const other = await runSource(moved.source, { answers, input: { ...JSON.parse(moved.inputText), typedInTheBox: 'yes' } });
    expect(startPayload(other.trace)).toMatchObject({ payload: expect.objectContaining({ typedInTheBox: 'yes' }) });
  });
});

it('almost every shipped TypeScript file starts its own run, so the move above is checked on them', () => {
  const starting = typescriptFiles.filter((path) => {
    const source = readSrc(path);
    return findOwnRunCall(source, sharedCompiler().compile(source).workflows.map((w) => w.range)) !== null;
  });
  expect(starting.length).toBeGreaterThanOrEqual(25);
});
