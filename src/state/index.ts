/** Headless state of the playground: stores, actions and the pure derivation of what a run looks like. */
export { createWorkspaceStore, setSource, applyAnalysis, analysisFailed, errorsOf } from './workspaceStore.ts';
export type { WorkspaceState, WorkspaceStore } from './workspaceStore.ts';
export { createRunStore, updateSettings, setPlaybackTime, SPEEDS } from './runStore.ts';
export type { RunSettings, RunState, RunStore } from './runStore.ts';
export { createUiStore, selectStep, showPanel, revealInEditor } from './uiStore.ts';
export type { UiState, UiStore, BottomPanel } from './uiStore.ts';
export { createViewStore, startPlaybackLoop } from './viewStore.ts';
export type { ViewState, ViewStore } from './viewStore.ts';
export { deriveView, ViewDeriver, MAX_TOKENS_PER_EDGE } from './deriveView.ts';
export type { RunView, TokenView } from './deriveView.ts';
export type { StepView, StepState, ConsoleLine, CollectView } from './runFold.ts';
export { PlaybackSchedule, DEFAULT_TIMING } from './playbackSchedule.ts';
export { createRunController } from './runController.ts';
export type { RunController } from './runController.ts';
export { startAnalysis, ANALYSIS_DELAY_MS } from './analysisController.ts';
export { parseInput } from './parseInput.ts';
export { indexGraph } from './graphIndex.ts';
export type { GraphIndex } from './graphIndex.ts';
