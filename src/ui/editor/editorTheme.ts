import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { documentTheme } from '../theme/index.ts';

/**
 * The editor in the page's colours. Every colour is a CSS variable of the theme, so switching the
 * theme restyles the editor without rebuilding it; only CodeMirror's own light/dark switch (which
 * picks the colours of its built-in panels and tooltips) is reconfigured, through `themeFlag`.
 */
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.modifier, t.operatorKeyword], color: 'var(--syn-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: [t.lineComment, t.blockComment, t.docComment, t.comment], color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--syn-type)' },
  { tag: [t.definition(t.variableName), t.function(t.definition(t.variableName)), t.definition(t.propertyName)], color: 'var(--syn-definition)' },
  { tag: [t.atom, t.self, t.special(t.variableName)], color: 'var(--syn-atom)' },
  { tag: t.invalid, color: 'var(--syn-invalid)' },
  { tag: t.meta, color: 'var(--muted)' },
]);

const chrome = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--panel)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection) !important',
  },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--hover)', color: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--hover)', border: '1px solid var(--border)', color: 'var(--text-2)' },
  '.cm-selectionMatch, .cm-searchMatch': { backgroundColor: 'var(--match)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--selection)', outline: '1px solid var(--accent)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--hover-strong)', color: 'inherit', outline: '1px solid var(--border-strong)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px', boxShadow: '0 6px 18px var(--shadow)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--on-accent)' },
  '.cm-completionDetail': { color: 'var(--muted)' },
  // The search panel (Ctrl/Cmd+F) in the page's own controls rather than the browser's defaults.
  '.cm-panels': { backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panel.cm-search': { padding: '6px 30px 6px 8px', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 6px', fontSize: '12.5px' },
  '.cm-panel.cm-search br': { display: 'none' },
  '.cm-panel.cm-search label': { display: 'inline-flex', alignItems: 'center', gap: '3px', color: 'var(--text-2)', fontSize: '12px' },
  '.cm-textfield': {
    height: '26px', padding: '0 8px', margin: 0, border: '1px solid var(--border-strong)', borderRadius: '5px',
    backgroundColor: 'var(--panel)', color: 'var(--text)', fontSize: '12.5px',
  },
  '.cm-button': {
    height: '26px', padding: '0 9px', margin: 0, border: '1px solid var(--border)', borderRadius: '5px',
    backgroundImage: 'none', backgroundColor: 'var(--hover)', color: 'var(--text)', fontSize: '12px', fontWeight: 600, cursor: 'pointer',
  },
  '.cm-button:hover': { backgroundColor: 'var(--hover-strong)' },
  '.cm-panel.cm-search [name=close]': { top: '6px', right: '8px', fontSize: '18px', color: 'var(--muted)', cursor: 'pointer' },
});

export const themeFlag = new Compartment();

/** Everything the editor needs to look like the page; `themeFlag` follows the page's theme. */
export function editorTheme(): Extension {
  return [chrome, syntaxHighlighting(highlight), themeFlag.of(EditorView.darkTheme.of(documentTheme() === 'dark'))];
}

/** Tells CodeMirror's built-in parts (panels, tooltips) which theme the page shows now. */
export function followDocumentTheme(view: EditorView): () => void {
  const observer = new MutationObserver(() => {
    view.dispatch({ effects: themeFlag.reconfigure(EditorView.darkTheme.of(documentTheme() === 'dark')) });
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
