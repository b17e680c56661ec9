import { createContext, useContext } from 'react';
import {
  createRunController,
  createRunStore,
  createUiStore,
  createViewStore,
  createWorkspaceStore,
  startAnalysis,
  startPlaybackLoop,
} from '../state/index.ts';
import type { RunController, RunStore, UiStore, ViewStore, WorkspaceStore } from '../state/index.ts';
import type { LanguageClient, RunnerClient } from '../worker/protocol.ts';

/** Everything the page's components need: stores to read, controllers to call. */
export interface Playground {
  workspace: WorkspaceStore;
  run: RunStore;
  ui: UiStore;
  view: ViewStore;
  runs: RunController;
  language: LanguageClient;
  dispose(): void;
}

export interface PlaygroundDeps {
  source: string;
  language: LanguageClient;
  runner: RunnerClient;
}

/** The composition root: wires stores, workers and the playback clock together. */
export function createPlayground({ source, language, runner }: PlaygroundDeps): Playground {
  const workspace = createWorkspaceStore(source);
  const run = createRunStore();
  const ui = createUiStore();
  const view = createViewStore();
  const analysis = startAnalysis({
    workspace,
    language,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  const runs = createRunController({ workspace, run, runner, clock: () => performance.now(), refreshAnalysis: analysis.flush });
  const stopPlayback = startPlaybackLoop({
    run,
    view,
    requestFrame: (callback) => requestAnimationFrame(callback),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
  });
  return {
    workspace,
    run,
    ui,
    view,
    runs,
    language,
    dispose() {
      analysis.stop();
      stopPlayback();
      language.dispose();
      runner.dispose();
    },
  };
}

export const PlaygroundContext = createContext<Playground | null>(null);

export function usePlayground(): Playground {
  const playground = useContext(PlaygroundContext);
  if (!playground) throw new Error('usePlayground needs a PlaygroundContext provider.');
  return playground;
}
