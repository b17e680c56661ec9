import { describe, expect, it } from 'vitest';
import { createCompiler } from '../../../src/compiler/index.ts';
import { applyEdits } from '../../../src/compiler/edits.ts';
import { runSource } from '../runSource.ts';
import { fixture } from './shapes.ts';

const compiler = createCompiler();
const lostUpdates = (source: string) =>
  compiler.compile(source, { typeCheck: false, emit: false }).diagnostics.filter((d) => d.code === 'lost-update');

describe('the lost-update race warning', () => {
  it('warns where a step reads a key, awaits and writes it back while other invocations can run', () => {
    const found = lostUpdates(fixture('lost-update.ts'));
    expect(found.map((d) => `${d.range.line}:${d.range.column} ${d.node} ${d.message}`)).toEqual([
      `15:11 step:count Step 'count' reads "count", awaits, and writes it back while other invocations can run (numWorkers is 3): in JavaScript every await lets another invocation in, so concurrent updates are lost. Update it atomically with ctx.store.editState.`,
    ]);
    expect(found[0]?.fix?.title).toBe('Update "count" atomically with ctx.store.editState');
  });

  it('also warns when another step updates the key too, even with one worker', () => {
    const source = fixture('lost-update.ts').replace('@step({ numWorkers: 3 })', '@step({ numWorkers: 1 })').replace('await ctx.store.set("count", n + 1);', 'await ctx.store.set("count", n + 1); await ctx.set("seen", (await ctx.get("seen", 0)) + 1);');
    expect(lostUpdates(source).map((d) => d.message.slice(0, 60))).toEqual([`Step 'alone' reads "seen", awaits, and writes it back while `]);
  });

  it('warns by default: a step without numWorkers has 4 workers, as in the library, so its invocations overlap', () => {
    const source = fixture('lost-update.ts').replace('@step({ numWorkers: 3 })', '@step()');
    expect(lostUpdates(source).map((d) => d.message.match(/\(([^)]*)\)/)?.[1])).toEqual(['numWorkers is 4, the default']);
  });

  it('does not warn on a step fed by the StartEvent alone, which runs once per run whatever its workers', () => {
    const source = fixture('lost-update.ts').replace('@step({ numWorkers: 1 })', '@step()');
    expect(lostUpdates(source).map((d) => d.node)).toEqual(['step:count']);
  });

  it('does not warn on a loop that passes one event along, where no two invocations can overlap', () => {
    const loop = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Guess extends Event<{ n: number }> {}
class Game extends Workflow {
  @step()
  async start(ev: StartEvent): Promise<Guess> { return new Guess({ n: 1 }); }
  @step()
  async check(ctx: Context, ev: Guess): Promise<Guess | StopEvent> {
    const tries = await ctx.get("tries", 0);
    await ctx.set("tries", tries + 1);
    return tries > 3 ? new StopEvent({ result: tries }) : new Guess({ n: ev.n + 1 });
  }
}`;
    expect(lostUpdates(loop)).toEqual([]);
    // A second guess sent alongside the returned one puts two events in flight: now they overlap.
    const twoInFlight = loop.replace('return tries > 3', 'ctx.sendEvent(new Guess({ n: 0 }));\n    return tries > 3');
    expect(lostUpdates(twoInFlight).map((d) => d.message.match(/\(([^)]*)\)/)?.[1])).toEqual(['numWorkers is 4, the default']);
  });

  it('its quick fix reads the key afresh under the store lock: three concurrent increments count to 3', async () => {
    const source = fixture('lost-update.ts');
    const fixed = applyEdits(source, lostUpdates(source)[0]!.fix!.edits);
    expect(fixed).toContain('await ctx.store.editState((state) => { const n = state["count"] ?? 0; state["count"] = n + 1; });');
    expect(lostUpdates(fixed)).toEqual([]);
    // The stop condition reads the stored total, so the run only ends if no increment was lost.
    const run = await runSource(fixed.replace('return n + 1 === 3 ? new StopEvent({ result: n + 1 }) : null;', 'const total = await ctx.store.get("count", 0);\n    return total === 3 ? new StopEvent({ result: total }) : null;'));
    expect(run.trace.find((r) => r.kind === 'run.finished')).toMatchObject({ status: 'stopped', result: 3 });
  });
});
