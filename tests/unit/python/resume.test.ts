/**
 * Saving and resuming a run in Python: `handler.ctx.to_dict()`, `Context.from_dict(workflow, data)` and
 * `workflow.run(ctx=ctx)`, on the engine's saved contexts. Tests named after the LlamaIndex tests
 * they port (tests/test_workflow.py).
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './runPython.ts';

const HEADER = `import asyncio, json
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent, InputRequiredEvent, HumanResponseEvent

class HumanInTheLoopWorkflow(Workflow):
    @step
    async def step1(self, ctx: Context, ev: StartEvent) -> InputRequiredEvent:
        cur_runs = await ctx.store.get("step1_runs", default=0)
        await ctx.store.set("step1_runs", cur_runs + 1)
        return InputRequiredEvent(prefix="Enter a number: ")

    @step
    async def step2(self, ctx: Context, ev: HumanResponseEvent) -> StopEvent:
        cur_runs = await ctx.store.get("step2_runs", default=0)
        await ctx.store.set("step2_runs", cur_runs + 1)
        return StopEvent(result=ev.response)
`;

describe('saving and resuming a Python run', { timeout: 180_000 }, () => {
  it('test_human_in_the_loop_with_resume: a run saved at its question goes on from the saved context, each step once', async () => {
    const run = await runPython(`${HEADER}
workflow = HumanInTheLoopWorkflow()
handler = workflow.run()
ctx_dict = None
async for event in handler.stream_events():
    if isinstance(event, InputRequiredEvent):
        ctx_dict = handler.ctx.to_dict()
        await handler.cancel_run()
        await asyncio.sleep(0.01)
        break

assert handler.exception()
# What is saved is plain data: it goes through JSON and back.
ctx_dict = json.loads(json.dumps(ctx_dict))
print("saved", ctx_dict["state"], ctx_dict["awaitingInput"] is not None)
new_handler = workflow.run(ctx=Context.from_dict(workflow, ctx_dict))
new_handler.ctx.send_event(HumanResponseEvent(response="42"))
print("result", await new_handler)
print("state", new_handler.ctx.to_dict()["state"])
`, { answers: null });
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["saved {'step1_runs': 1} True", 'result 42', "state {'step1_runs': 1, 'step2_runs': 1}"]);
    // The resumed run did not start step1 again.
    const runs = [...new Set(run.trace.map((r) => r.runId))];
    expect(runs).toHaveLength(2);
    expect(run.trace.filter((r) => r.runId === runs[1] && r.kind === 'step.started').map((r) => (r as { step: string }).step)).toEqual(['step2']);
  });

  it('a context made with Context(workflow) carries state from one run to the next', async () => {
    const run = await runPython(`${HEADER}
class Counter(Workflow):
    @step
    async def count(self, ctx: Context, ev: StartEvent) -> StopEvent:
        n = await ctx.store.get("n", default=0)
        await ctx.store.set("n", n + 1)
        return StopEvent(result=n + 1)

w = Counter()
ctx = Context(w)
print(await w.run(ctx=ctx), await w.run(ctx=ctx), await w.run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['1 2 1']);
  });
});
