import { useEffect } from 'react';
import type { TraceRecord } from '../../engine/trace.ts';
import { exerciseByKey } from '../../tutorial/index.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';

/**
 * Checks the active exercise against each run once that run's end is on screen (not when the engine
 * finished, which with the virtual clock is long before the animation shows it). Each trace is
 * checked once, however often scrubbing moves across its end.
 */
export function useExerciseCheck(): void {
  const { run, view, workspace } = usePlayground();
  const { tutorial } = useSession();

  useEffect(() => {
    let checked: TraceRecord[] | null = null;
    // A new run makes the last verdict stale: it is about code that may no longer be there.
    const stopRuns = run.subscribe((state, previous) => {
      const key = tutorial.store.getState().exercise;
      if (key && state.trace !== previous.trace && state.engine === 'running') tutorial.startExercise(key);
    });
    const stopView = view.subscribe((state, previous) => {
      if (state.view.finished === null || previous.view.finished !== null) return;
      const key = tutorial.store.getState().exercise;
      const found = key ? exerciseByKey(key) : undefined;
      const { trace, graph } = run.getState();
      if (!key || !found || trace === checked || !trace.some((r) => r.kind === 'run.finished')) return;
      checked = trace;
      // The code that ran is in the editor's language: the message names steps as that code does.
      const result = found.exercise.check(trace, graph ?? undefined, workspace.getState().lang);
      tutorial.recordResult({ key, passed: result.passed, message: result.message, details: result.details ?? [] });
    });
    return () => {
      stopRuns();
      stopView();
    };
  }, [run, view, workspace, tutorial]);
}
