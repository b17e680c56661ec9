/** The page's side of the workers: clients only (the workers themselves are loaded by URL or blob). */
export { createLanguageClient } from './languageClient.ts';
export { createLayoutClient, LAYOUT_TIMEOUT_MS } from './layoutClient.ts';
export { createRunnerClient, STOP_GRACE_MS, WATCHDOG_MS } from './runnerClient.ts';
export { indexedDbSnapshotStore } from './pythonSnapshotStore.ts';
export type * from './protocol.ts';
export { analysePythonLazily, pythonCompletionsLazily } from './pythonAnalysis.ts';
