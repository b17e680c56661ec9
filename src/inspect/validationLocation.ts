import type { Diagnostic } from '../compiler/index.ts';

/**
 * The editor's diagnostic for the validation error a run ended with, so the result names the line
 * Problems names (the step or decorator at fault) rather than the `run()` call that raised it. The
 * engine and the compiler share their messages, so the match is by text; a graph validation failure
 * (one message listing every check) matches the first graph diagnostic.
 *
 * @example
 * validationDiagnostic(analysis.diagnostics, { name: 'WorkflowValidationError', message })?.range.line
 */
export function validationDiagnostic(
  diagnostics: readonly Diagnostic[],
  error: { name: string; message: string } | undefined,
): Diagnostic | null {
  if (!error || error.name !== 'WorkflowValidationError') return null;
  const flowplay = diagnostics.filter((d) => d.severity === 'error' && d.source === 'flowplay');
  // A workflow built while the code loads fails with the runner's context before the engine's words.
  const message = error.message.replace(LOADING_CONTEXT, '');
  const graph = message.startsWith('Graph validation failed');
  return (
    flowplay.find((d) => d.message === message) ??
    // The engine may add which step it is about, e.g. `… type Event (step 'x')`.
    flowplay.find((d) => message.startsWith(d.message)) ??
    (graph ? flowplay.find((d) => d.code.startsWith('graph-')) : undefined) ??
    null
  );
}

const LOADING_CONTEXT = /^Error while loading the code: /;
