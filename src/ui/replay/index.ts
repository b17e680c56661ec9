/** Playback controls of the run shown, the engine's step mode, and saved runs. */
export { Scrubber } from './Scrubber.tsx';
export { EngineControls } from './EngineControls.tsx';
export { RunFileButtons } from './RunFileButtons.tsx';
