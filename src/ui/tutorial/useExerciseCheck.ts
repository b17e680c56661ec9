import { useEffect } from 'react';
import type { TraceRecord } from '../../engine/trace.ts';
import { exerciseByKey, recheckFork, recheckInWords, recheckPending } from '../../tutorial/index.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';

/**
 * Checks the active exercise against each run once that run's end is on screen (not when the engine
 * finished, which with the virtual clock is long before the animation shows it). Each trace is
 * checked once, however often scrubbing moves across its end. An exercise with a second run
 * (`recheck`) forks a passing run with other input, as "Fork from here" would, and the verdict waits
 * for that run's end.
 */
export function useExerciseCheck(): void {
  const { run, view, workspace, runs } = usePlayground();
  const { tutorial } = useSession();

  useEffect(() => {
    let checked: TraceRecord[] | null = null;
    // The second run asked for and not begun yet: its start keeps the "checking again" notice.
    let rechecking = false;
    // A new run makes the last verdict stale: it is about code that may no longer be there.
    const stopRuns = run.subscribe((state, previous) => {
      const key = tutorial.store.getState().exercise;
      if (!key || state.trace === previous.trace || state.engine !== 'running') return;
      if (rechecking) rechecking = false;
      else tutorial.startExercise(key);
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
      const fork = recheckFork(found.exercise, trace, result);
      if (fork !== null) {
        const pending = recheckPending(found.exercise, result);
        tutorial.recordResult({ key, passed: false, message: pending.message, details: pending.details ?? [], pending: true });
        rechecking = true;
        void runs.replay(fork, `the check's second run: ${found.exercise.recheck?.type} with ${recheckInWords(found.exercise)}`).then(() => {
          // The fork did not start (another run began first, or the runner refused): say so rather than wait.
          if (!rechecking) return;
          rechecking = false;
          tutorial.recordResult({ key, passed: false, message: 'The check could not make its second run: run the code again.', details: [] });
        });
        return;
      }
      tutorial.recordResult({ key, passed: result.passed, message: result.message, details: result.details ?? [] });
    });
    return () => {
      stopRuns();
      stopView();
    };
  }, [run, view, workspace, runs, tutorial]);
}
