/** Resources in the Python analysis: drawn as the TypeScript compiler draws them, without running Python. */
import { describe, expect, test } from 'vitest';
import { analysePython } from '../../../src/compiler/python/index.ts';
import { sharedCompiler } from '../runSource.ts';

const PYTHON = `from typing import Annotated
from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent
from workflows.resource import Resource

class Question(Event):
    text: str

class Memory:
    pass

async def getDb():
    return {"host": "localhost"}

def getMemory(db: Annotated[dict, Resource(getDb)]) -> Memory:
    return Memory()

def getScratch() -> list:
    return []

class Chat(Workflow):
    @step
    async def start(self, ev: StartEvent, memory: Annotated[Memory, Resource(getMemory)]) -> Question:
        return Question(text=ev.text)

    @step(num_workers=1)
    async def answer(self, ctx: Context, ev: Question, memory: Annotated[Memory, Resource(getMemory)], scratch: Annotated[list, Resource(getScratch, cache=False)]) -> StopEvent:
        return StopEvent(result="done")
`;

const TYPESCRIPT = `import { Context, Event, Resource, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Question extends Event<{ text: string }> {}
class Memory {}
async function getDb() { return { host: "localhost" }; }
function getMemory(db = Resource(getDb)) { return new Memory(); }
function getScratch(): string[] { return []; }
class Chat extends Workflow {
  @step()
  async start(ev: StartEvent, memory = Resource(getMemory)): Promise<Question> {
    return new Question({ text: ev.text });
  }
  @step({ numWorkers: 1 })
  async answer(ctx: Context, ev: Question, memory = Resource(getMemory), scratch = Resource(getScratch, { cache: false })): Promise<StopEvent> {
    return new StopEvent({ result: "done" });
  }
}
`;

const resourceShape = (result: ReturnType<typeof analysePython>) => ({
  nodes: result.graph.nodes.filter((n) => n.kind === 'resource').map((n) => n.id),
  edges: result.graph.edges.filter((e) => e.kind === 'uses' || e.kind === 'depends').map((e) => [e.source, e.target, e.kind, e.label ?? null]),
  steps: result.workflows[0]!.steps.map((s) => ({ name: s.name, accepts: s.accepts, withContext: s.withContext, resources: (s.resources ?? []).map((r) => [r.param, r.factory, r.cache]) })),
});

describe('resources in the Python analysis', () => {
  test('Annotated[T, Resource(f)] parameters are not the event, and the graph matches the TypeScript twin', () => {
    const python = analysePython(PYTHON);
    expect(python.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const typescript = sharedCompiler().compile(TYPESCRIPT, { typeCheck: false, emit: false });
    expect(resourceShape(python)).toEqual(resourceShape(typescript));
    expect(resourceShape(python).steps[1]).toEqual({ name: 'answer', accepts: ['Question'], withContext: true, resources: [['memory', 'getMemory', true], ['scratch', 'getScratch', false]] });
  });

  test('factories that ask for each other are reported at the step parameter, with the chain the engine would report', () => {
    const source = PYTHON.replace('async def getDb():', 'async def getDb(m: Annotated[Memory, Resource(getMemory)]):');
    const found = analysePython(source).diagnostics.filter((d) => d.code === 'resource-cycle');
    expect(found.map((d) => [d.message, d.node])).toEqual([
      ['Circular resource dependency detected: getMemory -> getDb -> getMemory', 'step:start'],
      ['Circular resource dependency detected: getMemory -> getDb -> getMemory', 'step:answer'],
    ]);
    expect(source.slice(found[0]!.range.start, found[0]!.range.end)).toBe('Annotated[Memory, Resource(getMemory)]');
  });
});
