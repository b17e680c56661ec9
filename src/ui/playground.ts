import { createContext, useContext } from 'react';
import {
  applyAnalysis,
  createRunController,
  createRunStore,
  createUiStore,
  createViewStore,
  createWorkspaceStore,
  startAnalysis,
  startPlaybackLoop,
} from '../state/index.ts';
import type { RunController, RunStore, UiStore, ViewStore, WorkspaceStore } from '../state/index.ts';
import type { CompileResult, GraphModel } from '../compiler/model.ts';
import type { SourceLang } from '../state/workspaceStore.ts';
import type { CompletionList, LanguageClient, LayoutClient, RunnerClient } from '../worker/protocol.ts';
import { createGraphLayouter } from './graph/graphLayouter.ts';
import type { GraphLayouter } from './graph/graphLayouter.ts';
import { shippedAnalysis, shippedLayouts } from './shippedAnalysis.ts';
import { sharedFrames } from './sharedFrames.ts';

/** Everything the page's components need: stores to read, controllers to call. */
export interface Playground {
  workspace: WorkspaceStore;
  run: RunStore;
  ui: UiStore;
  view: ViewStore;
  runs: RunController;
  language: LanguageClient;
  /** Where graphs get their layout (ELK in a worker, with the shipped layouts known in advance). */
  layouts: GraphLayouter;
  /** Sends the person's answer to the question the current run waits on. */
  answer(response: string): Promise<void>;
  /** Python is about to be wanted (the pointer is on the Python switch): start a Python runner now. */
  expectPython(): void;
  /** The compiler's Mermaid renderer, passed in by the page (the UI imports only compiler types). */
  toMermaid?: (graph: GraphModel) => string;
  /** Completions for Python code (the compiler's Python reading, loaded when needed); none without. */
  pythonCompletions?: PythonCompletions;
  dispose(): void;
}

export type PythonCompletions = (source: string, position: number) => Promise<CompletionList | null>;

export interface PlaygroundDeps {
  source: string;
  /** The language of `source` (TypeScript when absent). */
  lang?: SourceLang;
  /** Reads Python code into the graph model (the compiler's Python analysis, loaded when needed). */
  analysePython: (source: string) => Promise<CompileResult>;
  language: LanguageClient;
  runner: RunnerClient;
  /** Without one, graphs are laid out in plain columns on the page. */
  layout?: LayoutClient;
  toMermaid?: (graph: GraphModel) => string;
  pythonCompletions?: PythonCompletions;
}

/** The composition root: wires stores, workers and the playback clock together. */
export function createPlayground({ source, lang = 'typescript', analysePython, language, runner, layout, toMermaid, pythonCompletions }: PlaygroundDeps): Playground {
  const workspace = createWorkspaceStore(source, lang);
  // The default example's analysis ships with the page: its graph shows before TypeScript has loaded,
  // and the language worker's own analysis replaces it when ready.
  const shipped = shippedAnalysis(source);
  if (shipped) applyAnalysis(workspace, workspace.getState().revision, shipped);
  const run = createRunStore();
  const ui = createUiStore();
  const view = createViewStore();
  const analysis = startAnalysis({
    workspace,
    language,
    python: analysePython,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  // The run's new records are announced in the playback clock's frame, so React renders once per frame.
  const frames = sharedFrames((callback) => requestAnimationFrame(callback));
  const runs = createRunController({ workspace, run, runner, clock: () => performance.now(), refreshAnalysis: analysis.flush, nextFrame: (callback) => frames.request(() => callback()) });
  // Python takes seconds to start in a runner: start one as soon as the code is Python, not on Run.
  const warmPython = (state: { lang: SourceLang }) => {
    if (state.lang === 'python') runner.prepare('python');
  };
  warmPython(workspace.getState());
  const stopWarming = workspace.subscribe(warmPython);
  const stopPlayback = startPlaybackLoop({
    run,
    view,
    requestFrame: frames.request,
    cancelFrame: frames.cancel,
  });
  return {
    workspace,
    run,
    ui,
    view,
    runs,
    language,
    layouts: createGraphLayouter(layout ?? null, shippedLayouts()),
    answer: (response) => runner.control({ kind: 'answer', response }),
    expectPython: () => runner.prepare('python'),
    ...(toMermaid ? { toMermaid } : {}),
    ...(pythonCompletions ? { pythonCompletions } : {}),
    dispose() {
      analysis.stop();
      stopWarming();
      runs.dispose();
      stopPlayback();
      language.dispose();
      runner.dispose();
      layout?.dispose();
    },
  };
}

export const PlaygroundContext = createContext<Playground | null>(null);

export function usePlayground(): Playground {
  const playground = useContext(PlaygroundContext);
  if (!playground) throw new Error('usePlayground needs a PlaygroundContext provider.');
  return playground;
}
