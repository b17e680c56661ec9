/** A typed state's context in the Python analysis: `ctx: Context[MyState]` is the context, not the event. */
import { describe, expect, test } from 'vitest';
import { analysePython } from '../../../src/compiler/python/index.ts';

const SOURCE = `from pydantic import BaseModel, Field
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

class MyState(BaseModel):
    count: int = Field(default=0)

class Tick(Event):
    n: int

class Counter(Workflow):
    @step
    async def start(self, ctx: Context[MyState], ev: StartEvent) -> Tick:
        return Tick(n=1)

    @step
    async def tick(self, ctx: "Context[MyState]", ev: Tick) -> StopEvent:
        async with ctx.store.edit_state() as state:
            state.count += ev.n
        return StopEvent(result=state.count)
`;

describe('typed state in the Python analysis', () => {
  test('Context[MyState] is the context; the state model is no event; the file has no problems', () => {
    const result = analysePython(SOURCE);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(result.workflows[0]!.steps.map((s) => [s.name, s.accepts, s.withContext])).toEqual([
      ['start', ['StartEvent'], true],
      ['tick', ['Tick'], true],
    ]);
    expect(result.events.map((e) => e.name)).not.toContain('MyState');
  });
});
