import { useMemo } from 'react';
import { useStore } from 'zustand';
import { listRuns } from '../../state/index.ts';
import type { ListedRun } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/** The page's runs as a tree of forks, worked out again only when a run is added, grows or changes. */
export function useRunList(): ListedRun[] {
  const { run } = usePlayground();
  const history = useStore(run, (s) => s.history);
  const trace = useStore(run, (s) => s.trace);
  const length = useStore(run, (s) => s.length);
  const number = useStore(run, (s) => s.runNumber);
  const code = useStore(run, (s) => s.code);
  const origin = useStore(run, (s) => s.origin);
  const verdict = useStore(run, (s) => s.verdict);
  const openedFrom = useStore(run, (s) => s.openedFrom);
  return useMemo(() => listRuns(run.getState()), [run, history, trace, length, number, code, origin, verdict, openedFrom]);
}
