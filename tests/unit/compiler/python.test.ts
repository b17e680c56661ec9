import { describe, expect, it } from 'vitest';
import { analysePython } from '../../../src/compiler/python/index.ts';
import { diagnostics, edges, example, fixture, steps } from './shapes.ts';

const analyse = (name: string) => analysePython(fixture(name));

describe('reading Python signatures', () => {
  it('reads unions, Optional/Union, string annotations, aliases, module attributes and free-function steps', () => {
    const result = analyse('python-signatures.py');
    expect(steps(result)).toEqual({
      'UnionFlow.ask': '(StartEvent | Retry) => Question [ctx workers=4]',
      'UnionFlow.answer': '(Question) => Answer | Retry [ctx workers=2]',
      'UnionFlow.finish': '(Answer) => StopEvent [no-ctx workers=4]',
      'UnionFlow.audit': '(Retry) => - [no-ctx workers=1]',
    });
    expect(result.workflows[0]?.steps[1]?.retry).toEqual({ maxAttempts: 3, delay: 0.5 });
    expect(diagnostics(result)).toEqual([]);
  });

  it('reports event classes with their annotated fields, inherited ones first', () => {
    const result = analyse('python-signatures.py');
    expect(result.events.map((e) => `${e.name}:${e.role}:${e.local}:${e.fields.map((f) => `${f.name}=${f.type}`).join(',')}`)).toEqual([
      'Question:event:true:text=str,attempts=int',
      'Answer:event:true:text=str,attempts=int,score="float"',
      'Retry:event:true:reason=str',
      'StartEvent:start:false:',
      'StopEvent:stop:false:result=R',
    ]);
  });

  it('keeps the Python spelling of step names in node ids', () => {
    const result = analysePython(example('concurrency/collect.py'));
    expect(result.graph.nodes.filter((n) => n.kind === 'step').map((n) => n.id)).toEqual([
      'step:start',
      'step:step_two',
      'step:step_three',
    ]);
    expect(result.graph.nodes.find((n) => n.id === 'step:step_three')?.step?.collects).toEqual(['3 x StepThreeEvent']);
  });
});

describe('Python diagnostics', () => {
  it('names imports the playground cannot serve, and reports the engine validation at the lines to fix', () => {
    expect(diagnostics(analyse('python-validation.py'))).toEqual([
      "1:8 error import-unsupported: No module named 'requests' here: the playground provides llama_index.core.workflow, workflows, workflows.events, workflows.context, workflows.decorators, workflows.workflow, workflows.errors, workflows.retry_policy, llama_index.core.workflow.retry_policy, workflows.resource, llama_index.core.workflow.resource, pydantic and the Python standard library.",
      "2:6 error import-unsupported: No module named 'llama_index.llms.openai' here: the playground provides llama_index.core.workflow, workflows, workflows.events, workflows.context, workflows.decorators, workflows.workflow, workflows.errors, workflows.retry_policy, llama_index.core.workflow.retry_policy, workflows.resource, llama_index.core.workflow.resource, pydantic and the Python standard library.",
      "3:94 error import-unsupported: cannot import name 'Memory' from 'llama_index.core.workflow': the playground's llama_index.core.workflow provides Context, Event, StartEvent, StopEvent, InputRequiredEvent, HumanResponseEvent, Workflow, step, WorkflowTimeoutError, WorkflowRuntimeError, WorkflowValidationError.",
      "18:7 error no-steps: Workflow 'Empty' has no configured steps. Did you forget to annotate methods with @step or to register free-function steps via @step({ workflow })?",
      "22:7 error no-start: At least one Event of type StartEvent must be received by any step. (Workflow 'Broken' has no @step that accepts StartEvent.)",
      '24:31 error unproduced-event: The following events are consumed but never produced: Lost',
      '24:40 error unconsumed-event: The following events are produced but never consumed: Unused',
      "28:29 error accepts-stop: Step 'end' cannot accept StopEvent. StopEvent signals the end of the workflow. Use a different Event type instead.",
      "35:9 error send-unknown-step: Step nobody does not exist: send_event targets a step by method name, and 'Sender' has start, finish.",
      "35:9 warning send-undeclared: Step 'start' sends Lost, which its return type does not declare: add Lost to the return annotation so that validation and the graph know it is produced.",
      '37:9 error send-not-accepted: Step finish does not accept event Orphan: add Orphan to the type of its event parameter, or send it to another step.',
      "37:9 warning send-undeclared: Step 'start' sends Orphan, which its return type does not declare: add Orphan to the return annotation so that validation and the graph know it is produced.",
      '41:15 error missing-return-type: Return types of workflows step functions must be annotated with their type.',
      '41:46 error unproduced-event: The following events are consumed but never produced: Lost',
      "42:18 warning collect-unaccepted: Step 'finish' collects Orphan but does not accept it, so collect_events never completes and the run waits until its timeout: add Orphan to the type of its event parameter.",
    ]);
  });

  it('draws sent-but-undeclared events dashed', () => {
    const result = analyse('python-validation.py');
    expect(edges(result).filter((e) => e.startsWith('Sender/step:start'))).toEqual([
      'Sender/step:start -> Sender/event:StopEvent',
      'Sender/step:start -> Sender/event:Lost (sends, dashed)',
      'Sender/step:start -> Sender/event:Orphan (sends, dashed)',
    ]);
    expect(result.workflows[2]?.steps[1]?.collects[0]?.types).toEqual([
      { type: 'Lost', count: 2 },
      { type: 'Orphan', count: 1 },
    ]);
  });

  it('gives syntax errors at their line and still draws what it could read', () => {
    const source = example('concurrency/parallel.py').replace('async def step_two(self, ctx: Context, ev: StepTwoEvent)', 'async def step_two(self, ctx: Context, ev: StepTwoEvent');
    const result = analysePython(source);
    expect(diagnostics(result, (d) => d.code === 'syntax').map((d) => d.split(' ')[0])).toEqual(['23:62']);
    expect(Object.keys(steps(result))).toContain('ParallelFlow.start');
  });

  it('says so when a file defines no workflow', () => {
    expect(diagnostics(analysePython('import asyncio\nprint("hi")\n'))).toEqual([
      '1:1 info no-workflow: No workflow in this file: define a class that subclasses Workflow, with @step methods, to see its graph.',
    ]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '@', 'class X(Workflow):\n  @step\n  async def s(', ')))(((', '"""', 'from workflows import *\nclass A(Workflow):\n  @step(num_workers=)\n  def m(self, ev: "") -> "|": ...']) {
      expect(() => analysePython(text)).not.toThrow();
    }
  });
});

describe('Python step signatures', () => {
  it('are checked as the library checks them, with num_workers spelled as in Python', () => {
    const result = analysePython(fixture('python-step-signatures.py'));
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.range.line}:${d.range.column} ${d.code} ${d.node}: ${d.message}`)).toEqual([
      '10:23 num-workers step:begin: num_workers must be an integer greater than 0',
      '15:58 event-params step:two: Step signature must contain exactly one parameter of type Event but found 2.',
      '19:31 no-event-param step:mixed: Step signature must have at least one parameter annotated as type Event',
    ]);
  });
});
