import { useStore } from 'zustand';
import type { RunView } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

export type DisplayStatus = RunView['status'];

/**
 * The status as shown: the run's state at the playback cursor, except that a run the engine has
 * begun reads as running before its first record is on screen.
 */
export function useRunStatus(): DisplayStatus {
  const { run, view } = usePlayground();
  const status = useStore(view, (s) => s.view.status);
  const engine = useStore(run, (s) => s.engine);
  return status === 'idle' && engine === 'running' ? 'running' : status;
}
