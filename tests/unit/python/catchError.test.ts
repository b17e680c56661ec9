/**
 * `@catch_error` in Python: the graph draws each step's failure to the handler that covers it, as the
 * TypeScript graph does, and a run hands a step's final failure to that handler as a StepFailedEvent
 * with the library's field names and the step's own exception.
 */
import { describe, expect, it } from 'vitest';
import { analysePython } from '../../../src/compiler/python/index.ts';
import { runPython } from './runPython.ts';

const SOURCE = `from workflows import Context, Workflow, catch_error, step
from workflows.events import Event, StartEvent, StepFailedEvent, StopEvent


class Fetched(Event):
    text: str


class Flow(Workflow):
    @step
    async def fetch(self, ev: StartEvent) -> Fetched:
        raise ConnectionError("the service is down")

    @step
    async def summarise(self, ev: Fetched) -> StopEvent:
        return StopEvent(result=ev.text)

    @step
    async def audit(self, ev: Fetched) -> None:
        pass

    @catch_error(for_steps=["fetch"], max_recoveries=2)
    async def fallback(self, ctx: Context, ev: StepFailedEvent) -> Fetched:
        print(ev.step_name, type(ev.exception).__name__, ev.exception, ev.attempts, type(ev.input_event).__name__)
        return Fetched(text="cached")

    @catch_error
    async def give_up(self, ev: StepFailedEvent) -> StopEvent:
        return StopEvent(result="failed in " + ev.step_name)
`;

describe('@catch_error in Python', { timeout: 180_000 }, () => {
  it('the graph runs a dashed "on failure" edge from each covered step to its handler: the named ones, then the wildcard', () => {
    const result = analysePython(SOURCE);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.graph.edges.filter((e) => e.kind === 'catches').map((e) => [e.source, e.target, e.dashed, e.label])).toEqual([
      ['step:fetch', 'step:fallback', true, 'on failure'],
      ['step:summarise', 'step:give_up', true, 'on failure'],
      ['step:audit', 'step:give_up', true, 'on failure'],
    ]);
    const handler = result.workflows[0]!.steps.find((s) => s.name === 'fallback')!;
    expect([handler.accepts, handler.numWorkers, handler.catchError]).toEqual([['StepFailedEvent'], 1, { forSteps: ['fetch'] }]);
  });

  it('a handler written as a function joins with add_step and is drawn there', () => {
    const free = `${SOURCE.slice(0, SOURCE.indexOf('    @catch_error\n    async def give_up'))}
@catch_error
async def give_up(ev: StepFailedEvent) -> StopEvent:
    return StopEvent(result="failed in " + ev.step_name)

Flow.add_step(give_up)
`;
    const result = analysePython(free);
    expect(result.graph.edges.filter((e) => e.kind === 'catches').map((e) => `${e.source} -> ${e.target}`)).toEqual([
      'step:fetch -> step:fallback',
      'step:summarise -> step:give_up',
      'step:audit -> step:give_up',
    ]);
  });

  it('a run hands the step’s final failure to its handler, which recovers; the run ends normally', async () => {
    const run = await runPython(`${SOURCE}
print(await Flow().run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['fetch ConnectionError the service is down 1 StartEvent', 'cached']);
    expect(run.trace.find((r) => r.kind === 'run.finished')).toMatchObject({ status: 'stopped' });
  });

  it('the wildcard takes a failure no named handler covers; a handler that raises fails the run', async () => {
    const run = await runPython(`${SOURCE.replace('raise ConnectionError("the service is down")', 'return Fetched(text="fresh")').replace('async def summarise(self, ev: Fetched) -> StopEvent:\n        return', 'async def summarise(self, ev: Fetched) -> StopEvent:\n        raise KeyError("no summary")\n        return')}
print(await Flow().run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['failed in summarise']);
  });

  it('checks its arguments as the library does', async () => {
    const run = await runPython(`from workflows import catch_error
for kwargs in ({"max_recoveries": 0}, {"for_steps": "fetch"}):
    try:
        catch_error(**kwargs)
    except Exception as error:
        print(type(error).__name__, error)
`);
    expect(run.lines).toEqual([
      'WorkflowValidationError @catch_error max_recoveries must be an integer >= 1',
      'WorkflowValidationError @catch_error for_steps must be None or a list of step name strings',
    ]);
  });
});
