import { useStore } from 'zustand';
import { runStatus } from '../../state/index.ts';
import type { HeaderStatus } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

export type DisplayStatus = HeaderStatus;

/** The run's own status (see `runStatus`), not the state at the moment the scrubber shows. */
export function useRunStatus(): DisplayStatus {
  const { run } = usePlayground();
  return useStore(run, runStatus);
}
