import type { Diagnostic } from './model.ts';

/** `file:line:col: severity: message`, the shape compilers and editors' problem matchers read. */
export function formatDiagnostic(fileName: string, diagnostic: Diagnostic): string {
  const { line, column } = diagnostic.range;
  return `${fileName}:${line}:${column}: ${diagnostic.severity}: ${diagnostic.message}`;
}
