export { RunControls } from './RunControls.tsx';
export { RunSettings } from './RunSettings.tsx';
export { ConsolePanel } from './ConsolePanel.tsx';
export { ResultPanel } from './ResultPanel.tsx';
export { useRunStatus } from './useRunStatus.ts';
