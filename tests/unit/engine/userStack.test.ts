import { describe, expect, test } from 'vitest';
import { userStack } from '../../../src/engine/userStack.ts';
import { userLocation } from '../../../src/inspect/index.ts';

const PAGE = [
  'Error: Service unavailable (attempt 1)',
  '    at FetchFlow.fetchPage (eval at execute (blob:null/3f2a:57:18), <anonymous>:16:13)',
  '    at runStep (assets/runner-B1x9.js:1:20455)',
  '    at eval (eval at execute (blob:null/3f2a:57:18), <anonymous>:40:7)',
].join('\n');

const CLI = [
  'Error: Service unavailable (attempt 1)',
  '    at FetchFlow.fetchPage (eval at <anonymous> (file:///repo/src/cli/runFile.ts:1:449), <anonymous>:16:13)',
  '    at Invocation.run (file:///repo/src/engine/invocation.ts:120:9)',
  '    at async Promise.all (index 0)',
  '    at eval (eval at <anonymous> (file:///repo/src/cli/runFile.ts:1:449), <anonymous>:40:7)',
].join('\n');

describe("a failure's stack in the trace", () => {
  test('the page and the command line keep the same stack: the error and the frames in the user\'s code', () => {
    const expected = [
      'Error: Service unavailable (attempt 1)',
      '    at FetchFlow.fetchPage (eval at flowplay, <anonymous>:16:13)',
      '    at eval (eval at flowplay, <anonymous>:40:7)',
    ].join('\n');
    expect(userStack(PAGE)).toBe(expected);
    expect(userStack(CLI)).toBe(expected);
  });

  test('the line it points to in the user\'s code is read from it as before', () => {
    expect(userLocation(userStack(CLI))).toMatchObject({ line: 14, column: 13, functionName: 'FetchFlow.fetchPage' });
    expect(userLocation(userStack(CLI))).toMatchObject({ line: userLocation(CLI)!.line, column: userLocation(CLI)!.column });
  });

  test('an error raised in the engine keeps its message; a message over several lines stays whole', () => {
    expect(userStack('WorkflowRuntimeError: bad\nsecond line\n    at RunCore.fail (file:///repo/src/engine/runCore.ts:9:1)')).toBe('WorkflowRuntimeError: bad\nsecond line');
  });

  test('a stack in another format (no "at" frames) is kept as it is', () => {
    const gecko = 'fetchPage@http://localhost/assets/runner.js line 57 > AsyncFunction:16:13\n';
    expect(userStack(gecko)).toBe(gecko);
  });
});
