/**
 * Steps written as free functions in Python: `@step(workflow=W)` and `W.add_step(fn)`. As in the
 * library, each workflow class keeps its own table of them: a subclass inherits its base's step
 * methods but not the functions added to the base. Named after the library's tests where they come
 * from (tests/test_workflow.py, tests/test_decorator.py).
 */
import { describe, expect, it } from 'vitest';
import { analysePython } from '../../../src/compiler/python/index.ts';
import { runPython } from './runPython.ts';

const HEADER = 'from workflows import Context, Workflow, step\nfrom workflows.events import Event, StartEvent, StopEvent\n';

/** The names a raised error had, as the script prints them. */
const raised = (body: string) => `${HEADER}
try:
${body.replace(/^/gm, '    ')}
    print("nothing raised")
except Exception as error:
    print(type(error).__name__, error)
`;

const stepNames = (source: string, workflow: string) =>
  analysePython(source).workflows.find((w) => w.name === workflow)?.steps.map((s) => s.name);

describe('function steps in Python', { timeout: 180_000 }, () => {
  it('test_add_step: a function whose name a step already has is refused', async () => {
    const run = await runPython(
      raised(`class TestWorkflow(Workflow):
    @step
    def foo_step(self, ev: StartEvent) -> None:
        pass

@step(workflow=TestWorkflow)
def foo_step(ev: StartEvent) -> None:
    pass`),
    );
    expect(run.lines).toEqual(['WorkflowValidationError A step foo_step is already part of this workflow, please choose another name.']);
  });

  it('test_add_step_not_a_step: add_step refuses a function without @step', async () => {
    const run = await runPython(
      raised(`class TestWorkflow(Workflow):
    @step
    def a_ste(self, ev: StartEvent) -> None:
        pass

def another_step(ev: StartEvent) -> None:
    pass

TestWorkflow.add_step(another_step)`),
    );
    expect(run.lines).toEqual(['WorkflowValidationError Step function another_step is missing the `@step` decorator.']);
  });

  const FAMILY = `${HEADER}
class Middle(Event):
    text: str

class Base(Workflow):
    @step
    async def begin(self, ev: StartEvent) -> Middle:
        return Middle(text="from begin")

@step(workflow=Base)
async def finish(ev: Middle) -> StopEvent:
    return StopEvent(result="finished by the base's function: " + ev.text)

class Child(Base):
    pass

async def end(ev: Middle) -> StopEvent:
    return StopEvent(result="finished by the child's own function: " + ev.text)

Child.add_step(step(end))
`;

  it('add_step and @step(workflow=...) join that class only: the subclass runs its own, not its base’s', async () => {
    const run = await runPython(`${FAMILY}
print(await Base().run())
print(await Child().run())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["finished by the base's function: from begin", "finished by the child's own function: from begin"]);
  });

  it('the graph draws a function step in the class it joins, by @step(workflow=...) or add_step, and not in subclasses', () => {
    const source = `${HEADER}
class Middle(Event):
    text: str

class Base(Workflow):
    @step
    async def begin(self, ev: StartEvent) -> Middle:
        return Middle(text="from begin")

@step(workflow=Base)
async def finish(ev: Middle) -> StopEvent:
    return StopEvent(result=ev.text)

class Child(Base):
    pass

@step
async def end(ev: Middle) -> StopEvent:
    return StopEvent(result=ev.text)

Child.add_step(end)
`;
    expect(stepNames(source, 'Child')).toEqual(['begin', 'end']);
    // Base is drawn on its own once nothing extends it.
    expect(stepNames(source.replace('class Child(Base):\n    pass', 'class Child(Workflow):\n    pass'), 'Base')).toEqual(['begin', 'finish']);
  });
});
