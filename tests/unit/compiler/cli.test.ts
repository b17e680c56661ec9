import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowplayWithInput } from './cliProcess.ts';

/** Runs the CLI as `npm run flowplay -- …` does, from the repository root. */
function flowplay(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return flowplayWithInput('', ...args);
}


const FIX = 'tests/fixtures/compiler';

describe('flowplay CLI', { timeout: 120_000 }, () => {
  it('check prints file:line:col: severity: message and exits 1 on errors', () => {
    const { code, stdout } = flowplay('check', `${FIX}/validation.ts`);
    expect(code).toBe(1);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      `${FIX}/validation.ts:6:7: error: Workflow 'Empty' has no configured steps. Did you forget to annotate methods with @step or to register free-function steps via @step({ workflow })?`,
      `${FIX}/validation.ts:8:7: error: At least one Event of type StartEvent must be received by any step. (Workflow 'Invalid' has no @step that accepts StartEvent.)`,
    ]);
  });

  it('reads .py files with the Python analyser: check and graph, same conventions', () => {
    expect(flowplay('check', 'src/examples/concurrency/collect.py')).toEqual({ code: 0, stdout: '', stderr: '' });
    const { code, stdout } = flowplay('check', `${FIX}/python-validation.py`);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe(
      `${FIX}/python-validation.py:1:8: error: No module named 'requests' here: the playground provides llama_index.core.workflow, workflows, workflows.events, workflows.context, workflows.decorators, workflows.workflow, workflows.errors, workflows.retry_policy, llama_index.core.workflow.retry_policy, workflows.resource, llama_index.core.workflow.resource, pydantic and the Python standard library.`,
    );
    const graph = flowplay('graph', 'src/examples/concurrency/collect.py');
    expect(graph.stdout).toMatch(/^flowchart TD\n    step_start\["start"\]:::stepStyle\n/);
    expect(graph.stdout).toContain('step_three');
    const json = JSON.parse(flowplay('graph', 'src/examples/concurrency/collect.py', '--format', 'json').stdout) as { graph: { nodes: { id: string }[] } };
    expect(json.graph.nodes.map((n) => n.id)).toContain('step:step_two');
  });

  it('check is silent and exits 0 on a clean file', () => {
    expect(flowplay('check', 'src/examples/concurrency/parallel.ts')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('graph prints Mermaid by default and JSON on request', () => {
    expect(flowplay('graph', 'src/examples/concurrency/parallel.ts').stdout).toMatch(/^flowchart TD\n    step_start\["start"\]:::stepStyle\n/);
    const { code, stdout } = flowplay('graph', `${FIX}/loop.ts`, '--format', 'json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { graph: { nodes: { id: string }[] } };
    expect(parsed.graph.nodes.map((n) => n.id)).toEqual(['step:count', 'event:StartEvent', 'event:Tick', 'event:StopEvent']);
  });

  it('run prints what the code logs and writes the whole trace', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'flowplay-cli-')), 'trace.json');
    const { code, stdout } = flowplay('run', 'src/examples/concurrency/collect-different-types.ts', '--seed', '3', '--trace', out);
    expect(code).toBe(0);
    expect(stdout.split('\n').at(-2)).toBe('Done');
    const trace = JSON.parse(readFileSync(out, 'utf8')) as { kind: string; seed?: number; text?: string }[];
    expect(trace[0]).toMatchObject({ kind: 'run.started', seed: 3 });
    // What the code prints after its run follows the run's end, as in the playground's runner.
    expect(trace.slice(-2)).toMatchObject([{ kind: 'run.finished' }, { kind: 'log', text: 'Done' }]);
  });

  it('run starts a workflow the file never runs, with --input as the start event fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowplay-cli-'));
    const file = join(dir, 'hello.ts');
    writeFileSync(file, `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Hello extends Workflow {
  @step() async hi(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "hi " + ev.name }); }
}\n`);
    expect(flowplay('run', file, '--input', '{"name":"Ada"}')).toMatchObject({ code: 0, stdout: 'hi Ada\n' });
  });

  it('run exits 1 with the error message when the run fails', () => {
    const { code, stderr } = flowplay('run', `${FIX}/sends-undeclared.ts`);
    expect(code).toBe(1);
    expect(stderr).toContain('WorkflowValidationError: The following events are consumed but never produced: Job');
  });

  it('rejects bad usage with exit code 2', () => {
    expect(flowplay('run', `${FIX}/loop.ts`, '--clock', 'sideways')).toMatchObject({ code: 2 });
    expect(flowplay('run', `${FIX}/loop.ts`, '--input', '[1]').stderr).toContain('--input must be a JSON object');
  });

  it('run answers a human-in-the-loop question from standard input, and cancels when there is none', () => {
    const file = 'src/tutorial/examples/human-in-the-loop/ask-name.ts';
    expect(flowplayWithInput('Ada\n', 'run', file)).toMatchObject({ code: 0, stdout: 'What is your name? Hello, Ada!\n' });
    const none = flowplayWithInput('', 'run', file);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('the workflow asked for input but standard input is closed; the run is cancelled.');
  });

  it('run exits 1 with a message when a run can never finish', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowplay-cli-'));
    const file = join(dir, 'never.ts');
    writeFileSync(
      file,
      `import { Workflow, step, StartEvent, StopEvent, Event } from "flowplay";
class A extends Event {}
class Never extends Workflow {
  @step() async s(ev: StartEvent): Promise<A> { return new A(); }
  @step() async t(ev: A): Promise<StopEvent | null> { return null; }
}
await new Never({ timeout: null }).run();
`,
    );
    const result = flowplay('run', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the workflow has nothing left to do but never stopped');
  });
});
