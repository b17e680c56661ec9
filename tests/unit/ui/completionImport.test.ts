// @vitest-environment happy-dom
import { CompletionContext } from '@codemirror/autocomplete';
import type { Completion } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, test } from 'vitest';
import { typescriptCompletions } from '../../../src/ui/editor/completionSource.ts';
import type { CompletionDetails, CompletionItem } from '../../../src/worker/protocol.ts';

const HEAD = 'import { Context } from "flowplay";\n';
const DOC = `${HEAD}const wait = waitFi`;
const IMPORT: CompletionDetails = { signature: 'function waitFixed(wait: number): WaitStrategy', documentation: '', edits: [{ start: 16, end: 16, text: ', waitFixed' }] };
const ITEM: CompletionItem = { label: 'waitFixed', kind: 'function', sortText: '16', module: 'flowplay' };

/** A language whose details answer only when the test says so. */
function language() {
  const pending: Array<() => void> = [];
  return {
    answer: () => pending.splice(0).forEach((resolve) => resolve()),
    completions: async () => ({ from: DOC.length - 'waitFi'.length, items: [ITEM] }),
    completionDetails: (_text: string, _pos: number, _item: unknown) =>
      new Promise<CompletionDetails | null>((resolve) => pending.push(() => resolve(IMPORT))),
  };
}

async function chooseWaitFixed(lang: ReturnType<typeof language>, describeFirst: boolean) {
  const view = new EditorView({ state: EditorState.create({ doc: DOC, selection: { anchor: DOC.length } }), parent: document.body });
  const result = (await typescriptCompletions(lang)(new CompletionContext(view.state, DOC.length, true, view)))!;
  const option = result.options[0]! as Completion & { info: () => Promise<unknown> };
  if (describeFirst) {
    const shown = option.info();
    lang.answer();
    await shown;
  }
  const apply = option.apply as (view: EditorView, completion: Completion, from: number, to: number) => void;
  const before = view.state.doc;
  apply(view, option, result.from, DOC.length);
  return { view, before };
}

describe('choosing a name from another module adds its import', () => {
  test('when the item was described beside the list, name and import go in together, one undo step', async () => {
    const lang = language();
    const { view } = await chooseWaitFixed(lang, true);
    expect(view.state.doc.toString()).toBe('import { Context, waitFixed } from "flowplay";\nconst wait = waitFixed');
    expect(view.state.selection.main.head).toBe(view.state.doc.length);
    view.destroy();
  });

  test('otherwise the import follows when the answer comes, even if the user typed on after the name', async () => {
    const lang = language();
    const { view } = await chooseWaitFixed(lang, false);
    expect(view.state.doc.toString()).toBe(`${HEAD}const wait = waitFixed`);
    view.dispatch({ changes: { from: view.state.doc.length, insert: '(1);' } });
    lang.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(view.state.doc.toString()).toBe('import { Context, waitFixed } from "flowplay";\nconst wait = waitFixed(1);');
    view.destroy();
  });

  test('the import is not written when the text above the name changed before the answer came', async () => {
    const lang = language();
    const { view } = await chooseWaitFixed(lang, false);
    view.dispatch({ changes: { from: 0, insert: '// note\n' } });
    lang.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(view.state.doc.toString()).toBe(`// note\n${HEAD}const wait = waitFixed`);
    view.destroy();
  });
});
