/**
 * Port of llama-index-workflows/tests/test_utils.py: `validate_step_signature` and the reading of a
 * step's parameter and return types. Flowplay reads signatures statically, in the compiler, so each
 * case is a workflow with that step, and the check's answer is the compiler's diagnostic (the
 * library's message, at the step). A TypeScript method has no `self`, so a method and a free
 * function have the same signature here.
 */
import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../../src/compiler/index.ts';
import { sharedCompiler } from '../unit/runSource.ts';

const SIGNATURE_CODES = new Set(['missing-return-type', 'event-params', 'no-event-param']);

/** The file's events and context, and a workflow whose step `f` has this signature (and body). */
function compileStep(signature: string, body = 'return new OneTestEvent();'): CompileResult {
  return sharedCompiler().compile(
    `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class OneTestEvent extends Event<{ testParam?: string }> {}
class AnotherTestEvent extends Event<{ anotherTestParam?: string }> {}
class W extends Workflow {
  @step() async f${signature} { ${body} }
}`,
    { typeCheck: false, emit: false },
  );
}

/** The signature problems of step `f`, as the library's messages. */
const problems = (signature: string, body?: string) =>
  compileStep(signature, body).diagnostics.filter((d) => SIGNATURE_CODES.has(d.code)).map((d) => d.message);

describe('test_utils.py', () => {
  it('test_validate_step_signature_of_method', () => {
    expect(problems('(ev: OneTestEvent): Promise<OneTestEvent>')).toEqual([]);
  });

  it('test_validate_step_signature_of_free_function', () => {
    expect(problems('(ev: OneTestEvent): Promise<OneTestEvent>')).toEqual([]);
  });

  it('test_validate_step_signature_union', () => {
    expect(problems('(ev: OneTestEvent | AnotherTestEvent): Promise<OneTestEvent>')).toEqual([]);
  });

  it('test_validate_step_signature_of_free_function_with_context', () => {
    expect(problems('(ctx: Context, ev: OneTestEvent): Promise<OneTestEvent>')).toEqual([]);
  });

  it('test_validate_step_signature_union_invalid', () => {
    expect(problems('(ev: OneTestEvent | string): Promise<null>', 'return null;')).toEqual(['Step signature must have at least one parameter annotated as type Event']);
  });

  it('test_validate_step_signature_no_params', () => {
    expect(problems('(): Promise<null>', 'return null;')[0]).toMatch(/^Step signature must have at least one parameter/);
  });

  it('test_validate_step_signature_no_annotations', () => {
    expect(problems('(ev): Promise<null>', 'return null;')).toEqual(['Step signature must have at least one parameter annotated as type Event']);
  });

  it('test_validate_step_signature_wrong_annotations', () => {
    expect(problems('(ev: string): Promise<null>', 'return null;')).toEqual(['Step signature must have at least one parameter annotated as type Event']);
  });

  it('test_validate_step_signature_no_return_annotations', () => {
    expect(problems('(ev: OneTestEvent)', 'return;')).toEqual(['Return types of workflows step functions must be annotated with their type.']);
  });

  it('test_validate_step_signature_no_events', () => {
    expect(problems('(ctx: Context): Promise<null>', 'return null;')).toEqual(['Step signature must have at least one parameter annotated as type Event']);
  });

  it('test_validate_step_signature_too_many_params', () => {
    expect(problems('(ev: OneTestEvent, foo: OneTestEvent): Promise<null>', 'return null;')).toEqual(['Step signature must contain exactly one parameter of type Event but found 2.']);
  });

  it('test_get_steps_from', () => {
    const result = sharedCompiler().compile(
      `import { Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class OneTestEvent extends Event {}
class Test extends Workflow {
  @step() async start(start: StartEvent): Promise<OneTestEvent> { return new OneTestEvent(); }
  @step() async my_method(event: OneTestEvent): Promise<StopEvent> { return new StopEvent(); }
  not_a_step(): void {}
}`,
      { typeCheck: false, emit: false },
    );
    expect(result.workflows[0]!.steps.map((s) => s.name)).toEqual(['start', 'my_method']);
  });

  /** What the compiler reads from a step `(ev: <param>): Promise<<returns>>`: its accepted and returned event types. */
  const typesOf = (param: string, returns: string) => {
    const step = compileStep(`(ev: ${param}): Promise<${returns}>`, 'return null as never;').workflows[0]!.steps[0]!;
    return { accepts: step.accepts, returns: step.returns, fanOut: step.fanOut };
  };

  it('test_get_param_types', () => {
    expect(typesOf('OneTestEvent', 'null').accepts).toEqual(['OneTestEvent']);
  });

  it('test_get_param_types_union', () => {
    expect(typesOf('OneTestEvent | AnotherTestEvent', 'null').accepts).toEqual(['OneTestEvent', 'AnotherTestEvent']);
  });

  it('test_get_return_types', () => {
    expect(typesOf('OneTestEvent', 'AnotherTestEvent').returns).toEqual(['AnotherTestEvent']);
  });

  it('test_get_return_types_union', () => {
    expect(typesOf('OneTestEvent', 'AnotherTestEvent | OneTestEvent').returns).toEqual(['AnotherTestEvent', 'OneTestEvent']);
  });

  it('test_get_return_types_optional', () => {
    expect(typesOf('OneTestEvent', 'AnotherTestEvent | null').returns).toEqual(['AnotherTestEvent']);
  });

  it('test_get_return_types_list', () => {
    expect(typesOf('OneTestEvent', 'AnotherTestEvent[]')).toEqual({ accepts: ['OneTestEvent'], returns: ['AnotherTestEvent'], fanOut: true });
  });
});
