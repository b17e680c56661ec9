import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { hoverTooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import type { Diagnostic } from '../../compiler/model.ts';
import type { LanguageApi } from '../../worker/protocol.ts';

/** Hover shows the TypeScript type and documentation of what is under the pointer. */
export function typescriptHover(language: Pick<LanguageApi, 'hover'>): Extension {
  return hoverTooltip(async (view, pos) => {
    const info = await language.hover(view.state.doc.toString(), pos);
    if (!info || info.from > view.state.doc.length) return null;
    return {
      pos: info.from,
      end: Math.min(info.to, view.state.doc.length),
      above: true,
      create: () => ({ dom: typeInfo('ts-hover', info.signature, info.documentation) }),
    };
    // A hover over text that has since changed (a rename, a quick fix) would describe what is gone.
  }, { hideOnChange: true });
}

/** A type display and its documentation, as hovers and completion details show them. */
export function typeInfo(className: string, signature: string, documentation: string): HTMLElement {
  const dom = document.createElement('div');
  dom.className = className;
  const code = document.createElement('code');
  code.textContent = signature;
  dom.append(code);
  if (documentation) {
    const doc = document.createElement('p');
    doc.textContent = documentation;
    dom.append(doc);
  }
  return dom;
}

/** Compiler diagnostics as CodeMirror lint marks, clipped to the document. */
export function toLintDiagnostics(diagnostics: readonly Diagnostic[], length: number): CmDiagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.min(d.range.start, length);
    const to = Math.min(Math.max(d.range.end, from), length);
    const mark: CmDiagnostic = { from, to, severity: d.severity === 'info' ? 'info' : d.severity, message: d.message, source: d.code };
    const fix = d.fix;
    if (fix && fix.edits.every((e) => e.end <= length)) {
      mark.actions = [
        {
          name: fix.title,
          // The offsets are the analysed text's; a document that has changed length since is left alone.
          apply: (view) => {
            if (view.state.doc.length !== length) return;
            view.dispatch({ changes: fix.edits.map((e) => ({ from: e.start, to: e.end, insert: e.text })) });
          },
        },
      ];
    }
    return mark;
  });
}
