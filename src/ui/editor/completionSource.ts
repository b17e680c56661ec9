import { insertCompletionText, pickedCompletion } from '@codemirror/autocomplete';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import type { CompletionItem, LanguageApi } from '../../worker/protocol.ts';
import { typeInfo } from './languageFeatures.ts';

type CompletionLanguage = Pick<LanguageApi, 'completions' | 'completionDetails'>;

/**
 * TypeScript completions from the language worker, for the word at the cursor or after a dot. The
 * only source the editor uses: CodeMirror's own JavaScript words and snippets would list names twice
 * and bury an object literal's fields under keywords.
 */
export function typescriptCompletions(language: CompletionLanguage) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const word = context.matchBefore(/[\w$]*/);
    const afterDot = context.matchBefore(/\.[\w$]*$/) !== null;
    if (!context.explicit && !afterDot && (!word || word.from === word.to)) return null;
    const text = context.state.doc.toString();
    const list = await language.completions(text, context.pos);
    if (!list || context.aborted) return null;
    const options: Completion[] = list.items.map((item) => ({
      label: item.label,
      type: completionType(item.kind),
      detail: item.module ? `import from "${item.module}"` : undefined,
      // TypeScript's sort text is a small number, lower first: fields and locals before globals and keywords.
      boost: -Number.parseInt(item.sortText, 10) || 0,
      info: () => describe(language, text, context.pos, item),
      apply: item.module ? (view, completion, from, to) => applyWithImport(view, language, text, context.pos, item, completion, from, to) : undefined,
    }));
    return { from: word?.from ?? list.from, options, validFor: /^[\w$]*$/ };
  };
}

async function describe(language: CompletionLanguage, text: string, pos: number, item: CompletionItem): Promise<Node | null> {
  const details = await language.completionDetails(text, pos, item);
  if (!details || (!details.signature && !details.documentation)) return null;
  return typeInfo('ts-completion-info', details.signature, details.documentation);
}

/**
 * Inserts the name at once, then the import TypeScript asks for (computed on the text before the
 * insertion, so its offsets are mapped through it). If the user has typed on meanwhile, the import is
 * left to the quick fix on "cannot find name" rather than written at a guessed place.
 */
function applyWithImport(
  view: EditorView,
  language: CompletionLanguage,
  text: string,
  pos: number,
  item: CompletionItem,
  completion: Completion,
  from: number,
  to: number,
): void {
  const inserted = view.state.changes({ from, to, insert: completion.label });
  view.dispatch({ ...insertCompletionText(view.state, completion.label, from, to), annotations: pickedCompletion.of(completion) });
  const after = view.state.doc;
  void language.completionDetails(text, pos, item).then((details) => {
    if (!details || details.edits.length === 0 || view.state.doc !== after) return;
    view.dispatch({
      changes: details.edits.map((e) => ({ from: inserted.mapPos(e.start, -1), to: inserted.mapPos(e.end, -1), insert: e.text })),
    });
  });
}

function completionType(kind: string): string {
  switch (kind) {
    case 'method':
    case 'function':
      return 'function';
    case 'property':
    case 'getter':
      return 'property';
    case 'class':
      return 'class';
    case 'interface':
    case 'type':
      return 'type';
    case 'keyword':
      return 'keyword';
    case 'const':
      return 'constant';
    default:
      return 'variable';
  }
}
