import type { LanguageApi } from '../worker/protocol.ts';
import { analysisFailed, applyAnalysis } from './workspaceStore.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

import type { CompileResult } from '../compiler/model.ts';

export const ANALYSIS_DELAY_MS = 300;
/** Python is read by a parser on the page, in a few milliseconds: the graph can follow the typing closely. */
export const PYTHON_ANALYSIS_DELAY_MS = 100;

export interface AnalysisDeps {
  workspace: WorkspaceStore;
  language: Pick<LanguageApi, 'analyse'>;
  /** Reads Python code (no Python runtime: a parser); loaded when the code first is Python. */
  python: (source: string) => Promise<CompileResult>;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface Analysis {
  /** Analyses the current text now if the latest analysis is older (Run must not run stale code). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Re-analyses the source a short pause after the last edit (typing does not recompile on every key),
 * and once at once on start. Answers for older revisions are dropped by `applyAnalysis`.
 */
export function startAnalysis(deps: AnalysisDeps): Analysis {
  const { workspace, language, python, setTimer, clearTimer } = deps;
  let timer: unknown = null;
  let disposed = false;

  async function analyse(): Promise<void> {
    timer = null;
    const { source, revision, lang } = workspace.getState();
    try {
      const result = lang === 'python' ? await python(source) : await language.analyse(source);
      if (!disposed) applyAnalysis(workspace, revision, result);
    } catch (error) {
      if (!disposed) analysisFailed(workspace, revision, error instanceof Error ? error.message : String(error));
    }
  }

  const unsubscribe = workspace.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => void analyse(), state.lang === 'python' ? PYTHON_ANALYSIS_DELAY_MS : ANALYSIS_DELAY_MS);
  });
  void analyse();

  return {
    async flush() {
      const { revision, analysedRevision } = workspace.getState();
      if (analysedRevision >= revision) return;
      if (timer !== null) clearTimer(timer);
      await analyse();
    },
    stop() {
      disposed = true;
      unsubscribe();
      if (timer !== null) clearTimer(timer);
    },
  };
}
