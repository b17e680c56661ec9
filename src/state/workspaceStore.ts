import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CompileResult, Diagnostic, GraphModel } from '../compiler/model.ts';

/** The language of the code in the editor. */
export type SourceLang = 'typescript' | 'python';

export interface WorkspaceState {
  source: string;
  lang: SourceLang;
  /** Bumped by every edit; an analysis answers for one revision. */
  revision: number;
  analysedRevision: number;
  /** The latest analysis, even a failed one (its diagnostics are what the user needs to see). */
  analysis: CompileResult | null;
  /** The graph of the last analysis that produced one; kept while the code is broken. */
  graph: GraphModel | null;
  /** Why the graph shown is not the current code's, or null when it is. */
  stale: string | null;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export function createWorkspaceStore(source: string, lang: SourceLang = 'typescript'): WorkspaceStore {
  return createStore<WorkspaceState>(() => ({
    source,
    lang,
    revision: 1,
    analysedRevision: 0,
    analysis: null,
    graph: null,
    stale: null,
  }));
}

/** Replaces the code; `lang` when it is in another language (an example, a link, a draft). */
export function setSource(store: WorkspaceStore, source: string, lang: SourceLang = store.getState().lang): void {
  const state = store.getState();
  if (state.source === source && state.lang === lang) return;
  store.setState({ source, lang, revision: state.revision + 1 });
}

/**
 * Whether the analysed code can run: compiled TypeScript, or Python that parses (Python is not
 * compiled ahead; what only running can find, it reports when it runs).
 */
export function isRunnable(analysis: CompileResult, lang: SourceLang): boolean {
  if (lang === 'python') return !analysis.diagnostics.some((d) => d.severity === 'error' && d.code === 'syntax');
  return analysis.js !== null;
}

/**
 * Applies a diagnostic's quick fix. Its offsets are the analysed text's, so a fix from an analysis of
 * an older text is refused (false): the next analysis brings one that fits.
 */
export function applyFix(store: WorkspaceStore, fix: NonNullable<Diagnostic['fix']>): boolean {
  const state = store.getState();
  if (state.analysedRevision !== state.revision) return false;
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  if (edits.some((e, i) => e.end > state.source.length || (i > 0 && e.end > edits[i - 1]!.start))) return false;
  let source = state.source;
  for (const e of edits) source = source.slice(0, e.start) + e.text + source.slice(e.end);
  setSource(store, source);
  return true;
}

/** Records an analysis unless a newer edit already superseded it. */
export function applyAnalysis(store: WorkspaceStore, revision: number, analysis: CompileResult): void {
  const state = store.getState();
  if (revision < state.analysedRevision) return;
  const usable = isRunnable(analysis, state.lang) && analysis.graph.nodes.length > 0;
  store.setState({
    analysedRevision: revision,
    analysis,
    graph: usable ? sameGraphOr(state.graph, analysis.graph) : state.graph,
    stale: usable ? null : staleReason(analysis, state.graph !== null),
  });
}

/**
 * Shows a saved run's own graph (checked as strictly as its records when the file was read) until the
 * analysis of its code, just set, brings the code's: a loaded run is drawn at once on its graph
 * instead of, for the analysis's fraction of a second, on the graph of the code it replaced.
 */
export function showSavedGraph(store: WorkspaceStore, graph: GraphModel): void {
  store.setState({ graph: sameGraphOr(store.getState().graph, graph), stale: null });
}

/** The analysis itself broke (a crash in the compiler or its worker): keep the graph, say so. */
export function analysisFailed(store: WorkspaceStore, revision: number, message: string): void {
  if (revision < store.getState().analysedRevision) return;
  store.setState({ analysedRevision: revision, stale: `Could not analyse the code: ${message}` });
}

export function errorsOf(analysis: CompileResult | null): Diagnostic[] {
  return analysis ? analysis.diagnostics.filter((d) => d.severity === 'error') : [];
}

function staleReason(analysis: CompileResult, hasGraph: boolean): string {
  // A syntax error is the cause; the checks that fail because of it are consequences.
  const errors = errorsOf(analysis);
  const first = errors.find((d) => d.code === 'syntax') ?? errors[0];
  const why = first
    ? `line ${first.range.line}: ${first.message}`
    : analysis.workflows.length === 0
      ? 'no Workflow subclass with @step methods found'
      : 'the code cannot be compiled';
  return hasGraph ? `Showing the last good graph. ${capitalise(why)}` : capitalise(why);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Keeps the old object when nothing changed, so the graph view does not re-render on every keystroke. */
function sameGraphOr(previous: GraphModel | null, next: GraphModel): GraphModel {
  return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}
