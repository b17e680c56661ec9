import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/compiler/index.ts';
import { validationDiagnostic } from '../../../src/inspect/index.ts';

const range = (line: number) => ({ start: line * 10, end: line * 10 + 5, line, column: 3, endLine: line, endColumn: 8 });
const diag = (line: number, code: string, message: string): Diagnostic => ({ severity: 'error', message, range: range(line), code, source: 'flowplay' });

describe('the line a validation error is reported at', () => {
  const diagnostics = [
    diag(4, 'num-workers', 'numWorkers must be an integer greater than 0'),
    diag(9, 'graph-dead-end', 'Dead-end steps: b. Steps must have a path to StopEvent or InputRequiredEvent.'),
  ];

  it('is the line of the diagnostic with the same words', () => {
    expect(validationDiagnostic(diagnostics, { name: 'WorkflowValidationError', message: 'numWorkers must be an integer greater than 0' })?.range.line).toBe(4);
  });

  it('is found as well when the workflow was built while the code loaded', () => {
    const message = 'Error while loading the code: numWorkers must be an integer greater than 0';
    expect(validationDiagnostic(diagnostics, { name: 'WorkflowValidationError', message })?.range.line).toBe(4);
  });

  it('is the first graph diagnostic for a graph validation failure', () => {
    const message = 'Graph validation failed:\n  - [dead_end] Dead-end steps: b\n    Steps must have a path to StopEvent or InputRequiredEvent.';
    expect(validationDiagnostic(diagnostics, { name: 'WorkflowValidationError', message })?.range.line).toBe(9);
  });

  it('is none for other errors, or for words the editor does not show', () => {
    expect(validationDiagnostic(diagnostics, { name: 'Error', message: 'numWorkers must be an integer greater than 0' })).toBeNull();
    expect(validationDiagnostic(diagnostics, { name: 'WorkflowValidationError', message: 'something else' })).toBeNull();
    expect(validationDiagnostic(diagnostics, undefined)).toBeNull();
  });
});
