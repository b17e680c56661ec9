import type { SourceLang } from '../../state/workspaceStore.ts';
import type { LanguageApi } from '../../worker/protocol.ts';

export type EditorLanguage = Omit<LanguageApi, 'analyse'>;

/**
 * The language worker's editor features (completions, hover, signature help, rename) answer for
 * TypeScript only: for Python code they answer nothing, instead of TypeScript's idea of Python text,
 * except completions, which Python gets from `python` (names the playground serves, fields, Context).
 */
export function typescriptOnly(language: EditorLanguage, lang: () => SourceLang, python?: EditorLanguage['completions']): EditorLanguage {
  const ts = () => lang() === 'typescript';
  return {
    // Python's completions come from the page's own Python reading, when the page has it.
    completions: (source, position) => (ts() ? language.completions(source, position) : python ? python(source, position) : Promise.resolve(null)),
    hover: (source, position) => (ts() ? language.hover(source, position) : Promise.resolve(null)),
    completionDetails: (source, position, item) => (ts() ? language.completionDetails(source, position, item) : Promise.resolve(null)),
    signatureHelp: (source, position) => (ts() ? language.signatureHelp(source, position) : Promise.resolve(null)),
    rename: (source, position) =>
      ts() ? language.rename(source, position) : Promise.resolve({ ok: false, reason: 'Renaming is for TypeScript code; in Python, edit the name where it is defined and where it is used.' }),
  };
}
