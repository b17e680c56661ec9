import type ts from 'typescript';
import type { Diagnostic, Severity, SourceRange } from './model.ts';
import { nodeRange } from './range.ts';

/** A Flowplay (not TypeScript) diagnostic at a node or a range. */
export function flowplayDiagnostic(
  sf: ts.SourceFile,
  at: ts.Node | SourceRange,
  severity: Severity,
  code: string,
  message: string,
): Diagnostic {
  const range = 'kind' in at ? nodeRange(sf, at) : at;
  return { severity, message, range, code, source: 'flowplay' };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Editor order: by position, then errors first. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.range.start - b.range.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
