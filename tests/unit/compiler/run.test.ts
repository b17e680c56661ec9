import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { runSource, sharedCompiler } from '../runSource.ts';
import { example, fixture } from './shapes.ts';

const compiler = sharedCompiler();

/** Compiles and runs like `flowplay run` (virtual clock, seed 0); rethrows the run's error. */
async function run(source: string, input: Record<string, unknown> = {}): Promise<{ lines: string[]; trace: TraceRecord[] }> {
  const result = await runSource(source, { input });
  if ('error' in result) throw result.error;
  return result;
}

describe('tutorial examples (concurrency chapter)', () => {
  for (const name of ['parallel', 'collect', 'collect-different-types', 'map-reduce']) {
    it(`${name}.ts type-checks cleanly`, () => {
      expect(compiler.compile(example(`concurrency/${name}.ts`)).diagnostics).toEqual([]);
    });
  }

  it('parallel: all three queries start, the first to finish stops the run', async () => {
    const { lines } = await run(example('concurrency/parallel.ts'));
    expect(lines.slice(0, 3)).toEqual(['Running slow query  Query 1', 'Running slow query  Query 2', 'Running slow query  Query 3']);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^Query [123]$/);
  });

  it('collect: waits for all three results', async () => {
    const { lines } = await run(example('concurrency/collect.ts'));
    expect(lines.filter((l) => l.startsWith('Running query'))).toHaveLength(3);
    expect(lines.filter((l) => l === 'Not all events received yet.')).toHaveLength(2);
    expect(lines.filter((l) => l.includes('StepThreeEvent {'))).toHaveLength(3);
    expect(lines.at(-1)).toBe('Done');
  });

  it('collect-different-types: results come back in the order asked for', async () => {
    const { lines } = await run(example('concurrency/collect-different-types.ts'));
    expect(lines).toEqual([
      'Doing something A-ish',
      'Doing something B-ish',
      'Doing something C-ish',
      'Received event  Query 1',
      'Received event  Query 2',
      'Received event  Query 3',
      'All events received:  [',
      "  StepCCompleteEvent { result: 'Query 3' },",
      "  StepBCompleteEvent { result: 'Query 2' },",
      "  StepACompleteEvent { result: 'Query 1' }",
      ']',
      'Done',
    ]);
  });

  it('map-reduce: the count stored in the context decides how many results to wait for', async () => {
    const { lines } = await run(example('concurrency/map-reduce.ts'));
    expect(lines.filter((l) => l.startsWith('Running query'))).toHaveLength(4);
    expect(lines.slice(-2)).toEqual(['Reduced 4 results', expect.stringMatching(/^(Query \d, ){3}Query \d$/)]);
  });

  it('is deterministic for a seed with the virtual clock', async () => {
    const kinds = (trace: TraceRecord[]) => trace.map((r) => `${r.t} ${r.kind}`);
    const first = await run(example('concurrency/collect.ts'));
    const second = await run(example('concurrency/collect.ts'));
    expect(kinds(second.trace)).toEqual(kinds(first.trace));
    expect(first.trace.find((r) => r.kind === 'run.started')).toMatchObject({ clock: 'virtual', seed: 0 });
    expect(first.trace.filter((r) => r.kind === 'log').length).toBeGreaterThan(0);
  });
});

describe('emitted code', () => {
  it('routes by the injected signatures: loops, fan-out/fan-in, aliases', async () => {
    expect((await run(fixture('loop.ts'))).lines).toEqual(['3']);
    expect((await run(fixture('fan-out-in.ts'))).lines).toEqual(['60']);
    expect((await run(fixture('aliases.ts'))).lines).toEqual(['2']);
  });

  it('falls back to transpiling for syntax that cannot be blanked (enums)', async () => {
    expect((await run(fixture('enum-fallback.ts'))).lines).toEqual(['happy']);
  });

  it('runs a file that only defines a workflow, with the input as start event fields', async () => {
    const source = `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Hello extends Workflow {
  @step() async hi(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "hi " + ev.name }); }
}`;
    expect((await run(source, { name: 'Ada' })).lines).toEqual(['hi Ada']);
  });

  it('keeps every line of user code on its own line number', () => {
    const source = example('concurrency/collect.ts');
    const js = compiler.compile(source).js ?? '';
    const srcLines = source.split('\n');
    const jsLines = js.split('\n');
    for (const marker of ['console.log("Running query ", ev.query);', 'return new StopEvent({ result: "Done" });', 'const w = new ConcurrentFlow']) {
      expect(jsLines.findIndex((l) => l.includes(marker))).toBe(srcLines.findIndex((l) => l.includes(marker)));
    }
  });

  it('reports a step error at the line the user wrote', async () => {
    const source = `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
interface Unused { a: number }

class Boom extends Workflow {
  @step()
  async go(ev: StartEvent): Promise<StopEvent> {
    throw new Error("boom");
  }
}`;
    const error = await run(source).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toBe('boom');
    // new Function adds two lines before the body: (anonymous):9 is user line 7.
    expect(error?.stack).toMatch(/<anonymous>:9:\d+/);
  });
});
