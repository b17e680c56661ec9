import { describe, expect, test } from 'vitest';
import { runSource, sharedCompiler } from '../runSource.ts';

const SOURCE = `import { Context, Event, StartEvent, StepFailedEvent, StopEvent, Workflow, catchError, retryPolicy, step, stopAfterAttempt, waitFixed } from "flowplay";
class Tally { tries = 0; note = "" }
class Fallback extends Event<{ why: string }> {}
class Flow extends Workflow {
  @step({ retryPolicy: retryPolicy({ wait: waitFixed(1), stop: stopAfterAttempt(2) }) })
  async fetch(ctx: Context<Tally>, ev: StartEvent): Promise<StopEvent> {
    await ctx.store.set("tries", (await ctx.store.get("tries")) + 1);
    throw new Error("offline");
  }
  @catchError()
  async recover(ctx: Context<Tally>, ev: StepFailedEvent): Promise<Fallback> {
    return new Fallback({ why: ev.stepName + " failed " + ev.attempts + " times" });
  }
  @step()
  async finish(ctx: Context<Tally>, ev: Fallback): Promise<StopEvent> {
    await ctx.store.editState((s) => { s.note = ev.why; });
    const state = await ctx.store.getState();
    return new StopEvent({ result: state.constructor.name + " " + state.tries + " " + state.note });
  }
}
`;

describe('the compiler knows the 2.x API', () => {
  test('catchError steps and typed state compile, draw and run', async () => {
    const compiled = sharedCompiler().compile(SOURCE);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const steps = compiled.graph.nodes.filter((n) => n.kind === 'step').map((n) => n.id);
    expect(steps).toEqual(['step:fetch', 'step:recover', 'step:finish']);
    expect(compiled.graph.edges.map((e) => `${e.source}->${e.target}`)).toEqual(
      expect.arrayContaining(['event:StepFailedEvent->step:recover', 'step:recover->event:Fallback']),
    );
    expect(compiled.js).toContain('state: Tally');
    const run = await runSource(SOURCE.replace(/$/, '\nconsole.log(await new Flow().run());\n'));
    expect(run.error).toBeUndefined();
    expect(run.lines).toContain('Tally 2 fetch failed 2 times');
  });
});
