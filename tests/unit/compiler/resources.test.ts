import { describe, expect, test } from 'vitest';
import { describeInvocation, TraceIndex } from '../../../src/inspect/index.ts';
import { runSource, sharedCompiler } from '../runSource.ts';

const SOURCE = `import { Context, Event, Resource, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Question extends Event<{ text: string }> {}
class Memory { lines: string[] = []; put(line: string) { this.lines.push(line); } }
async function getDb() { return { host: "localhost" }; }
function getMemory(db = Resource(getDb)) { return Object.assign(new Memory(), { host: db.host }); }
class Chat extends Workflow {
  @step()
  async start(ev: StartEvent, memory = Resource(getMemory)): Promise<Question> {
    memory.put("start");
    return new Question({ text: ev.text });
  }
  @step({ numWorkers: 1 })
  async answer(ctx: Context, ev: Question, memory = Resource(getMemory), scratch = Resource(getScratch, { cache: false })): Promise<StopEvent> {
    memory.put(ev.text);
    scratch.push("x");
    return new StopEvent({ result: memory.host + " " + memory.lines.join(",") + " " + scratch.length });
  }
}
const getScratch = (): string[] => [];
`;

const errors = (source: string) => sharedCompiler().compile(source).diagnostics.filter((d) => d.severity === 'error');

describe('resources in the compiler', () => {
  test('resource parameters are not the event: the signature reads as (ev) and (ctx, ev)', () => {
    const compiled = sharedCompiler().compile(SOURCE);
    expect(errors(SOURCE).map((d) => d.message)).toEqual([]);
    const [start, answer] = compiled.workflows[0]!.steps;
    expect(start).toMatchObject({ accepts: ['StartEvent'], withContext: false, resources: [{ param: 'memory', factory: 'getMemory', cache: true }] });
    expect(answer).toMatchObject({ accepts: ['Question'], withContext: true });
    expect(answer!.resources!.map((r) => [r.param, r.factory, r.cache])).toEqual([
      ['memory', 'getMemory', true],
      ['scratch', 'getScratch', false],
    ]);
  });

  test('the graph draws each factory feeding its steps, and the factories it asks for', () => {
    const { graph } = sharedCompiler().compile(SOURCE);
    expect(graph.nodes.filter((n) => n.kind === 'resource').map((n) => n.id)).toEqual(['resource:getMemory', 'resource:getDb', 'resource:getScratch']);
    const resourceEdges = graph.edges.filter((e) => e.kind === 'uses' || e.kind === 'depends').map((e) => [e.source, e.target, e.kind, e.label ?? null]);
    expect(resourceEdges).toEqual([
      ['resource:getDb', 'resource:getMemory', 'depends', null],
      ['resource:getMemory', 'step:start', 'uses', 'memory'],
      ['resource:getMemory', 'step:answer', 'uses', 'memory'],
      ['resource:getScratch', 'step:answer', 'uses', 'scratch'],
    ]);
  });

  test('a compiled file runs with its resources injected, one cached memory and a fresh scratch', async () => {
    const run = await runSource(`${SOURCE}\nconsole.log(await new Chat().run({ text: "hi" }));\n`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toContain('localhost start,hi 1');
    const injected = run.trace.flatMap((r) => (r.kind === 'resource.injected' ? [`${r.step}.${r.param}=${r.resource}#${r.instance}${r.created ? '+' : ''}`] : []));
    expect(injected).toEqual(['start.memory=getMemory#1+', 'answer.memory=getMemory#1', 'answer.scratch=getScratch#1+']);
    // The inspector: the answer's memory is the one made for the start step's invocation.
    const index = TraceIndex.of(run.trace);
    const answer = [...index.invocations.values()].find((e) => e.step === 'answer')!;
    const start = [...index.invocations.values()].find((e) => e.step === 'start')!;
    expect(describeInvocation(index, answer.id)!.resources).toEqual([
      { param: 'memory', resource: 'getMemory', instance: 1, created: false, madeBy: start.id },
      { param: 'scratch', resource: 'getScratch', instance: 1, created: true, madeBy: answer.id },
    ]);
  });

  test('the editor types a resource parameter as what its factory returns', () => {
    const wrong = SOURCE.replace('memory.put(ev.text);', 'memory.push(ev.text);');
    const types = sharedCompiler().compile(wrong).diagnostics.filter((d) => d.code === 'type');
    expect(types.map((d) => d.message).join('\n')).toMatch(/Property 'push' does not exist on type 'Memory/);
  });

  test('a factory that always throws is marked on the factory and on each step parameter that takes it', () => {
    const source = SOURCE.replace('async function getDb() { return', 'async function getDb() { throw new Error("no database"); return');
    const found = errors(source).filter((d) => d.code === 'resource-factory-throws');
    expect(found.map((d) => d.message)).toEqual([
      'The resource factory getDb always throws here, so every step that takes getDb fails before it runs.',
      "start cannot run: its resource 'memory' comes from getMemory -> getDb, which always throws.",
      "answer cannot run: its resource 'memory' comes from getMemory -> getDb, which always throws.",
    ]);
    expect(found[1]!.node).toBe('step:start');
  });

  test('factories that ask for each other are reported with the chain the engine would report', () => {
    const source = SOURCE.replace('async function getDb() { return { host: "localhost" }; }', 'function getDb(m = Resource(getMemory)) { return { host: "localhost" }; }');
    const found = errors(source).filter((d) => d.code === 'resource-cycle');
    expect(found[0]!.message).toBe('Circular resource dependency detected: getMemory -> getDb -> getMemory');
  });
});
