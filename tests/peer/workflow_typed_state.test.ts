// Ported from the library's tests/test_workflow_typed_state.py: each `it` is named after the test it comes from.
import { describe, expect, it } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step, type TraceRecord } from 'flowplay';
import { TraceIndex, stateAt } from '../../src/inspect/index.ts';

class MyState {
  name = 'Jane';
  age = 25;
}

class MyWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent], state: MyState })
  async step(ctx: Context<MyState>, _ev: StartEvent) {
    await ctx.store.set('name', 'John');
    await ctx.store.set('age', 30);
    const state = await ctx.store.getState();
    state.age += 1;
    await ctx.store.setState(state);
    return new StopEvent();
  }
}

class SomeState {
  val = 0;
}
class WorkerEvent extends Event {}
class ResultEvent extends Event {}
class GatherEvent extends Event {}

class ParallelWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [WorkerEvent, GatherEvent], state: SomeState })
  async init(ctx: Context<SomeState>, _ev: StartEvent) {
    for (let i = 0; i < 10; i++) ctx.sendEvent(new WorkerEvent());
    return new GatherEvent();
  }

  @step({ accepts: [WorkerEvent], returns: [ResultEvent], state: SomeState })
  async worker(ctx: Context<SomeState>, _ev: WorkerEvent) {
    await ctx.store.editState(async (state) => {
      state.val += 1;
      await sleep(0.01);
      if (state.val % 2 === 0) state.val -= 1;
    });
    return new ResultEvent();
  }

  @step({ accepts: [GatherEvent, ResultEvent], returns: [StopEvent], state: SomeState })
  async gather(ctx: Context<SomeState>, ev: GatherEvent | ResultEvent) {
    const results = ctx.collectEvents(ev, Array(10).fill(ResultEvent));
    if (!results) return null;
    const state = await ctx.store.getState();
    return new StopEvent({ result: state.val });
  }
}

describe('typed state', () => {
  it('test_typed_state', async () => {
    const trace: TraceRecord[] = [];
    await new MyWorkflow().run({}, { onTrace: (r) => trace.push(r) });
    // What the state panel shows at the end of the run: the typed object, by class.
    const index = TraceIndex.of(trace);
    expect(stateAt(index, trace.length).values).toEqual({ __class: 'MyState', name: 'John', age: 31 });
  });

  it('test_typed_state_with_context_manager', async () => {
    // Only 1: editState keeps the other workers out while one increments, sleeps and corrects.
    expect(await new ParallelWorkflow().run()).toBe(1);
    expect(await new ParallelWorkflow().run({}, { clock: 'virtual' })).toBe(1);
  });
});
