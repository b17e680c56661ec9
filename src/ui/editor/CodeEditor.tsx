import { autocompletion } from '@codemirror/autocomplete';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { selectStep, setSource } from '../../state/index.ts';
import type { WorkspaceStore } from '../../state/index.ts';
import type { SourceLang } from '../../state/workspaceStore.ts';
import { usePlayground } from '../playground.ts';
import { editorTheme, followDocumentTheme } from './editorTheme.ts';
import { markHiddenCharacters } from './markHiddenCharacters.ts';
import { typescriptCompletions } from './completionSource.ts';
import { toLintDiagnostics, typescriptHover } from './languageFeatures.ts';
import { typescriptOnly } from './typescriptOnly.ts';
import { renameSymbol } from './renameSymbol.ts';
import { signatureHelp } from './signatureHelp.ts';
import './editor.css';

/** The editor's mode for each language; TypeScript also gets completions and hover from its worker. */
function languageMode(lang: SourceLang) {
  return lang === 'python' ? python() : javascript({ typescript: true });
}

/**
 * The code editor (CodeMirror 6), in TypeScript or Python. The store owns the text; the editor reports edits, shows the
 * compiler's diagnostics and keeps cursor and graph selection in step with each other.
 */
export function CodeEditor({ readOnly = false }: { readOnly?: boolean } = {}) {
  const playground = usePlayground();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const { workspace, ui, runs, language } = playground;
    const editorLanguage = typescriptOnly(language, () => workspace.getState().lang, playground.pythonCompletions);
    const completionSource = typescriptCompletions(editorLanguage);
    const mode = new Compartment();
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: workspace.getState().source,
        extensions: [
          basicSetup,
          editorTheme(),
          markHiddenCharacters(workspace.getState().source),
          mode.of(languageMode(workspace.getState().lang)),
          // The code pane is narrower than a long signature; wrapping beats a sideways scroll.
          EditorView.lineWrapping,
          // One source function for the editor's life: CodeMirror tells sources apart by identity and
          // drops an answer whose source is no longer among the current ones. It overrides the
          // language's own word list, which would repeat TypeScript's names and add snippets.
          autocompletion({ override: [completionSource] }),
          typescriptHover(editorLanguage),
          signatureHelp(editorLanguage),
          renameSymbol(editorLanguage),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (void runs.start(), true) }])),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) setSource(workspace, update.state.doc.toString());
            if (update.selectionSet && update.view.hasFocus) {
              selectStep(ui, stepAt(workspace, update.state.selection.main.head), 'editor');
            }
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'Workflow source code' }),
          EditorView.editorAttributes.of(() => ({ 'data-lang': workspace.getState().lang })),
          // A read-only embed still lets people select and copy the code.
          EditorState.readOnly.of(readOnly),
        ],
      }),
    });

    const showDiagnostics = () => {
      const { analysis, revision, analysedRevision } = workspace.getState();
      // Marks for an older text would land in the wrong places; the next analysis will come.
      if (!analysis || analysedRevision !== revision) return;
      view.dispatch(setDiagnostics(view.state, toLintDiagnostics(analysis.diagnostics, view.state.doc.length)));
    };
    showDiagnostics();
    const stopTheme = followDocumentTheme(view);
    const stopDiagnostics = workspace.subscribe((state, previous) => {
      if (state.analysis !== previous.analysis || state.analysedRevision !== previous.analysedRevision) showDiagnostics();
    });
    const stopSource = workspace.subscribe((state, previous) => {
      if (state.lang !== previous.lang) view.dispatch({ effects: mode.reconfigure(languageMode(state.lang)) });
      // The source can also change from outside the editor (an example picked from the menu).
      const current = view.state.doc.toString();
      if (state.source !== current) view.dispatch({ changes: changedSpan(current, state.source) });
    });
    // The panes around the editor change size (the Problems list grows as problems appear): the line
    // being typed stays in view instead of sliding under the list.
    const keepCursorInView = new ResizeObserver(() => {
      if (!view.hasFocus) return;
      view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'nearest', yMargin: 24 }) });
    });
    keepCursorInView.observe(host.current!);
    const stopReveal = ui.subscribe((state, previous) => {
      if (!state.reveal || state.reveal === previous.reveal) return;
      const length = view.state.doc.length;
      const anchor = Math.min(state.reveal.from, length);
      const head = Math.min(state.reveal.to, length);
      if (!state.reveal.inPlace) {
        view.dispatch({ selection: { anchor, head }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
        view.focus();
        return;
      }
      // CodeMirror's scrollIntoView scrolls every scrolling ancestor, the page included: scroll only
      // the editor's own scroller, and take the focus without scrolling.
      view.dispatch({ selection: { anchor, head } });
      const scroller = view.scrollDOM;
      const block = view.lineBlockAt(anchor);
      scroller.scrollTop = Math.max(0, block.top + view.documentPadding.top - (scroller.clientHeight - block.height) / 2);
      view.contentDOM.focus({ preventScroll: true });
    });
    return () => {
      stopDiagnostics();
      stopSource();
      stopReveal();
      stopTheme();
      keepCursorInView.disconnect();
      view.destroy();
    };
  }, [playground, readOnly]);

  return <div className="editor nokey" data-testid="editor" ref={host} />;
}

/** The step whose method contains `position`, from the latest analysis. */
function stepAt(workspace: WorkspaceStore, position: number): string | null {
  const analysis = workspace.getState().analysis;
  for (const workflow of analysis?.workflows ?? []) {
    for (const step of workflow.steps) {
      if (position >= step.range.start && position <= step.range.end) return step.name;
    }
  }
  return null;
}

/**
 * The one span that differs between two texts (common prefix and suffix kept), so that a change from
 * outside (a quick fix, a picked example) keeps the cursor and the undo history where they make sense.
 */
export function changedSpan(before: string, after: string): { from: number; to: number; insert: string } {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { from: prefix, to: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}
