import { insertCompletionText, pickedCompletion } from '@codemirror/autocomplete';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { ChangeSpec, Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { CompletionDetails, CompletionItem, LanguageApi } from '../../worker/protocol.ts';
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
    const details = new DetailsCache(language, text, context.pos);
    const options: Completion[] = list.items.map((item) => ({
      label: item.label,
      type: completionType(item.kind),
      detail: item.module ? `import from "${item.module}"` : undefined,
      // TypeScript's sort text is a small number, lower first: fields and locals before globals and keywords.
      boost: -Number.parseInt(item.sortText, 10) || 0,
      info: () => describe(details, item),
      apply: item.module ? (view, completion, from, to) => applyWithImport(view, details, text, item, completion, from, to) : undefined,
    }));
    return { from: word?.from ?? list.from, options, validFor: /^[\w$]*$/ };
  };
}

/**
 * One answer per item and per list: the documentation shown beside the list and the import a choice
 * adds come from the same request, and an item already described is applied without waiting.
 */
class DetailsCache {
  private readonly asked = new Map<CompletionItem, Promise<CompletionDetails | null>>();
  private readonly answered = new Map<CompletionItem, CompletionDetails | null>();

  constructor(
    private readonly language: CompletionLanguage,
    private readonly text: string,
    private readonly pos: number,
  ) {}

  get(item: CompletionItem): Promise<CompletionDetails | null> {
    let asked = this.asked.get(item);
    if (!asked) {
      asked = this.language.completionDetails(this.text, this.pos, item).then(
        (details) => (this.answered.set(item, details), details),
        () => null,
      );
      this.asked.set(item, asked);
    }
    return asked;
  }

  /** The answer if it has come, else undefined. */
  ready(item: CompletionItem): CompletionDetails | null | undefined {
    return this.answered.get(item);
  }
}

async function describe(cache: DetailsCache, item: CompletionItem): Promise<Node | null> {
  const details = await cache.get(item);
  if (!details || (!details.signature && !details.documentation)) return null;
  return typeInfo('ts-completion-info', details.signature, details.documentation);
}

/**
 * Inserts the name and the import TypeScript asks for. The import's offsets are those of the text the
 * list was made for; they are used only when they all lie before the name (an import at the top of the
 * file) and that part of the document is still as it was. When the answer is already here (the item was
 * described beside the list) both go in one transaction, one undo step; otherwise the name goes in at
 * once and the import follows when the answer comes, unless the text above the name changed meanwhile:
 * then it is left to the quick fix on "cannot find name" rather than written at a guessed place.
 * Typing on after the name does not cancel it: the import lies before it.
 */
function applyWithImport(
  view: EditorView,
  cache: DetailsCache,
  text: string,
  item: CompletionItem,
  completion: Completion,
  from: number,
  to: number,
): void {
  const importFor = (details: CompletionDetails | null | undefined, doc: Text): ChangeSpec[] | null => {
    if (!details || details.edits.length === 0) return null;
    if (details.edits.some((e) => e.start < 0 || e.end > from || e.end < e.start)) return null;
    if (doc.sliceString(0, from) !== text.slice(0, from)) return null;
    return details.edits.map((e) => ({ from: e.start, to: e.end, insert: e.text }));
  };
  const insertName = { ...insertCompletionText(view.state, completion.label, from, to), annotations: pickedCompletion.of(completion) };
  const now = importFor(cache.ready(item), view.state.doc);
  if (now) {
    view.dispatch(insertName, { changes: now });
    return;
  }
  view.dispatch(insertName);
  void cache.get(item).then((details) => {
    const later = importFor(details, view.state.doc);
    if (later) view.dispatch({ changes: later });
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
