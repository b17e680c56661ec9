import { describe, expect, test } from 'vitest';
import { sharedCompiler } from '../runSource.ts';

const flow = (body: string) => `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class A extends Event<{ result: string }> {}
class B extends Event<{ result: number }> {}
class Flow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<A | B | null> { return null; }
  @step()
  async gather(ctx: Context, ev: A | B): Promise<StopEvent | null> {
${body}
  }
}
`;

const typeErrors = (source: string) =>
  sharedCompiler()
    .compile(source)
    .diagnostics.filter((d) => d.code === 'type')
    .map((d) => d.message);

describe('collectEvents is typed from the classes it waits for', () => {
  test('a list of one class gives that class, so its fields read without a type argument', () => {
    expect(typeErrors(flow(`    const results = ctx.collectEvents(ev, [A, A, A]);
    if (results === null) return null;
    return new StopEvent({ result: results.map((e) => e.result.toUpperCase()) });`))).toEqual([]);
  });

  test('different classes give a tuple in the order written', () => {
    expect(typeErrors(flow(`    const got = ctx.collectEvents(ev, [B, A]);
    if (got === null) return null;
    const n: number = got[0].result;
    const s: string = got[1].result;
    return new StopEvent({ result: s + n });`))).toEqual([]);
    const wrong = typeErrors(flow(`    const got = ctx.collectEvents(ev, [B, A]);
    if (got === null) return null;
    const s: string = got[0].result;
    return new StopEvent({ result: s });`));
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatch(/number.*string/);
  });

  test('a list built at run time gives an array, and the written-out element type still works', () => {
    expect(typeErrors(flow(`    const some = ctx.collectEvents(ev, Array(3).fill(A));
    const old = ctx.collectEvents<A>(ev, [A, A]);
    if (some === null || old === null) return null;
    return new StopEvent({ result: some.length + old.map((e) => e.result).join() });`))).toEqual([]);
  });
});
