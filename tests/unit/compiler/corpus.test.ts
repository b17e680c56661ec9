import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCompilerFiles } from '../../../src/cli/compilerFiles.ts';
import { REQUIRED_LIB_FILES, createCompiler } from '../../../src/compiler/index.ts';
import type { Compiler } from '../../../src/compiler/index.ts';
import { diagnostics, edges, fixture, steps } from './shapes.ts';

let compiler: Compiler;
beforeAll(() => {
  compiler = createCompiler(nodeCompilerFiles());
});

const compile = (name: string) => compiler.compile(fixture(name));

describe('the declaration set', () => {
  it('needs exactly the library files it lists, and type-checks against them', () => {
    compiler.compile(fixture('loop.ts'));
    expect(compiler.typeCheck).toBe(true);
    expect(compiler.languageService.getCompilerOptionsDiagnostics()).toEqual([]);
    const libs = compiler.languageService
      .getProgram()
      ?.getSourceFiles()
      .map((sf) => sf.fileName)
      .filter((name) => /^\/lib\/lib\./.test(name))
      .map((name) => name.slice('/lib/'.length))
      .sort();
    expect(libs).toEqual([...REQUIRED_LIB_FILES].sort());
  });
});

describe('reading signatures', () => {
  it('reads unions, parenthesised types and local type aliases', () => {
    const result = compile('unions.ts');
    expect(steps(result)).toEqual({
      'UnionFlow.ask': '(StartEvent | Retry) => Question [ctx workers=4]',
      'UnionFlow.answer': '(Question) => Answer | Retry [ctx workers=2]',
      'UnionFlow.finish': '(Answer) => StopEvent [no-ctx workers=4]',
    });
    expect(result.workflows[0]?.steps[1]?.retry).toEqual({ maxAttempts: 3, delay: 0.5 });
    expect(diagnostics(result)).toEqual([]);
  });

  it('draws a loop as an edge back into the step', () => {
    const result = compile('loop.ts');
    expect(edges(result)).toEqual([
      'event:StartEvent -> step:count',
      'event:Tick -> step:count',
      'step:count -> event:Tick',
      'step:count -> event:StopEvent',
    ]);
    expect(diagnostics(result)).toEqual([]);
  });

  it('marks array returns as fan-out and array parameters as gather', () => {
    const result = compile('fan-out-in.ts');
    expect(steps(result)).toEqual({
      'FanFlow.split': '(StartEvent) => Task [no-ctx fan-out workers=4]',
      'FanFlow.work': '(Task) => Done [no-ctx workers=3]',
      'FanFlow.gather': '(Done) => StopEvent [no-ctx gather workers=4]',
    });
    expect(result.js).toContain('accepts: [Done], returns: [flowplay.StopEvent], gather: true, context: false');
  });

  it('prefixes node ids with the workflow when a file defines several', () => {
    const result = compile('multiple-workflows.ts');
    expect(result.graph.nodes.map((n) => n.id)).toEqual([
      'Greeter/step:greet',
      'Greeter/step:shout',
      'Greeter/event:StartEvent',
      'Greeter/event:Greeting',
      'Greeter/event:StopEvent',
      'Echo/step:echo',
      'Echo/event:StartEvent',
      'Echo/event:StopEvent',
    ]);
    expect(edges(result)).toContain('Echo/step:echo -> Echo/event:StopEvent');
  });

  it('follows import aliases, namespace imports and workflow base classes', () => {
    const result = compile('aliases.ts');
    expect(steps(result)).toEqual({
      'Aliased.begin': '(StartEvent) => Middle [ctx workers=1]',
      'Aliased.end': '(Middle) => StopEvent [no-ctx workers=4]',
    });
    expect(result.workflows.map((w) => w.name)).toEqual(['Aliased']);
    expect(diagnostics(result)).toEqual([]);
  });

  it('reads bare @step, steps without a context, and a context without an event', () => {
    const result = compile('no-ctx.ts');
    expect(steps(result)).toEqual({
      'Plain.only': '(StartEvent) => StopEvent [no-ctx workers=4]',
      'Plain.contextOnly': '() => StopEvent [ctx workers=4]',
    });
    expect(diagnostics(result)).toEqual([
      '10:9 error no-event-param: Step signature must have at least one parameter annotated as type Event',
    ]);
  });

  it('reads a workflow declared inside a function like a top-level one, and leaves running it to that function', () => {
    const source = `import { Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
export async function main() {
  class Inner extends Event {}
  class Nested extends Workflow {
    @step() async first(ev: StartEvent): Promise<Inner> { return new Inner(); }
    @step() async second(ev: Inner): Promise<StopEvent> { return new StopEvent({ result: 1 }); }
  }
  return new Nested().run();
}`;
    const result = compiler.compile(source, { typeCheck: false });
    expect(steps(result)).toEqual({
      'Nested.first': '(StartEvent) => Inner [no-ctx workers=4]',
      'Nested.second': '(Inner) => StopEvent [no-ctx workers=4]',
    });
    expect(diagnostics(result)).toEqual([]);
    expect(result.js).toContain('accepts: [Inner], returns: [flowplay.StopEvent]');
    expect(result.js).toContain('return { workflows: {  } }');
  });

  it('reports event classes with their fields', () => {
    const result = compile('unions.ts');
    expect(result.events.map((e) => `${e.name}:${e.role}:${e.local}:${e.fields.map((f) => `${f.name}=${f.type}`).join(',')}`)).toEqual([
      'Question:event:true:text=string',
      'Answer:event:true:text=string',
      'Retry:event:true:reason=string',
      'StartEvent:start:false:',
      'StopEvent:stop:false:result=R',
    ]);
  });
});

describe('diagnostics', () => {
  it('reports the engine validation errors at the annotations to fix', () => {
    const result = compile('validation.ts');
    expect(diagnostics(result)).toEqual([
      "6:7 error no-steps: Workflow 'Empty' has no configured steps. Did you forget to annotate methods with @step or to register free-function steps via @step({ workflow })?",
      "8:7 error no-start: At least one Event of type StartEvent must be received by any step. (Workflow 'Invalid' has no @step that accepts StartEvent.)",
      "8:7 error no-stop: At least one Event of type StopEvent must be returned by any step. (Workflow 'Invalid' has no @step that returns StopEvent.)",
      '10:19 error unproduced-event: The following events are consumed but never produced: Lost',
      '10:34 error unconsumed-event: The following events are produced but never consumed: Unused',
      "15:17 error accepts-stop: Step 'end' cannot accept StopEvent. StopEvent signals the end of the workflow. Use a different Event type instead.",
    ]);
  });

  it('draws sent-but-undeclared events dashed and checks send targets and collects', () => {
    const result = compile('sends-undeclared.ts');
    expect(edges(result)).toEqual([
      'event:StartEvent -> step:start',
      'event:Job -> step:worker',
      'event:Result -> step:finish',
      'step:start -> event:Job (sends, dashed)',
      'step:worker -> event:Result',
      'step:finish -> event:StopEvent',
    ]);
    const message = (code: string) => diagnostics(result, (d) => d.code === code);
    expect(message('send-undeclared')).toHaveLength(4);
    expect(message('send-undeclared')[0]).toBe(
      "10:36 warning send-undeclared: Step 'start' sends Job, which its return type does not declare: add Job to the return annotation so that validation and the graph know it is produced.",
    );
    expect(message('unproduced-event')).toEqual([
      '19:34 error unproduced-event: The following events are consumed but never produced: Job',
    ]);
    expect(message('send-unknown-step')).toEqual([
      "13:5 error send-unknown-step: Step nobody does not exist: sendEvent targets a step by method name, and 'SendFlow' has start, worker, finish.",
    ]);
    expect(message('send-not-accepted')).toEqual([
      '14:5 error send-not-accepted: Step finish does not accept event Job: add Job to the type of its event parameter, or send it to another step.',
    ]);
    expect(message('collect-unaccepted')).toEqual([
      "25:17 warning collect-unaccepted: Step 'finish' collects Orphan but does not accept it, so collectEvents never completes and the run waits until its timeout: add Orphan to the type of its event parameter.",
    ]);
    expect(result.workflows[0]?.steps[2]?.collects[0]?.types).toEqual([
      { type: 'Result', count: 2 },
      { type: 'Orphan', count: 1 },
    ]);
  });

  it('warns when a collected type is accepted but nobody produces it', () => {
    const source = fixture('sends-undeclared.ts').replace('ev: Result): Promise<StopEvent | null>', 'ev: Result | Orphan): Promise<StopEvent | null>');
    const result = compiler.compile(source);
    expect(diagnostics(result, (d) => d.code.startsWith('collect-'))).toEqual([
      "25:17 warning collect-unproduced: Step 'finish' collects Orphan, which no step returns or sends, so collectEvents never completes and the run waits until its timeout.",
    ]);
  });

  it('gives syntax errors with positions, the graph of what it could read, and no code', () => {
    const result = compile('broken-syntax.ts.txt');
    expect(diagnostics(result, (d) => d.code === 'syntax')).toEqual(['8:29 error TS1005']);
    expect(result.diagnostics[0]?.message).toBe("')' expected.");
    expect(steps(result)).toEqual({
      'Broken.first': '(StartEvent) => Half [no-ctx workers=4]',
      'Broken.second': '(Half) => StopEvent [no-ctx workers=4]',
    });
    expect(result.js).toBeNull();
  });

  it('reports type errors from a real type check against the flowplay declarations, as warnings: the code still runs', () => {
    const result = compiler.compile(fixture('loop.ts').replace('new Tick({ n })', 'new Tick({ count: n })'));
    expect(diagnostics(result, (d) => d.source === 'typescript')).toEqual(['9:31 warning TS2353']);
    expect(result.js).not.toBeNull();
  });

  it('says so, without failing, when a file defines no workflow', () => {
    const result = compile('no-workflow.ts');
    expect(diagnostics(result)).toEqual([
      '1:1 info no-workflow: No workflow in this file: define a class that extends Workflow, with @step methods, to see its graph.',
    ]);
    expect(result.graph).toEqual({ nodes: [], edges: [] });
    expect(result.js).toContain('return { workflows: {  } }');
  });

  it('rejects imports the playground cannot provide', () => {
    const result = compiler.compile(`import { readFileSync } from "node:fs";\n${fixture('loop.ts')}`);
    expect(diagnostics(result, (d) => d.source === 'flowplay')).toEqual([
      '1:30 error import-unsupported: Only "flowplay" can be imported in a workflow file; "node:fs" is not available here.',
    ]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '@', 'class X extends Workflow { @step() async s(', '}}}{{{', 'import { step } from "flowplay"; class A { @step() m() {} }']) {
      expect(() => compiler.compile(text)).not.toThrow();
    }
  });
});
