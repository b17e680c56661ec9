import ts from 'typescript';
import type { Diagnostic, Severity } from './model.ts';
import { rangeOf } from './range.ts';

const SEVERITY: Record<ts.DiagnosticCategory, Severity> = {
  [ts.DiagnosticCategory.Error]: 'error',
  [ts.DiagnosticCategory.Warning]: 'warning',
  [ts.DiagnosticCategory.Suggestion]: 'info',
  [ts.DiagnosticCategory.Message]: 'info',
};

/**
 * TypeScript's diagnostics in the model's shape; `code` is `syntax` or `type`, the number is `tsCode`.
 * Type errors are warnings: types are erased, so the code still runs (as the TypeScript playground
 * runs code with type errors); only syntax errors stop a run.
 */
export function fromTypeScript(sf: ts.SourceFile, diagnostics: readonly ts.Diagnostic[], code: 'syntax' | 'type'): Diagnostic[] {
  return diagnostics.map((d) => {
    const start = d.start ?? 0;
    const severity = SEVERITY[d.category];
    return {
      severity: code === 'type' && severity === 'error' ? 'warning' : severity,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      range: rangeOf(sf, start, start + (d.length ?? 0)),
      code,
      source: 'typescript',
      tsCode: d.code,
    };
  });
}
