import { useStore } from 'zustand';
import { usePlayground } from '../playground.ts';

/**
 * While a fork of the code is being written: which run it forks and where, and Continue, which runs
 * the code in the editor with that run's inputs up to the moment and checks the replayed records.
 */
export function CodeForkBanner() {
  const { run, runs } = usePlayground();
  const fork = useStore(run, (s) => s.codeFork);
  const busy = useStore(run, (s) => s.engine === 'running');
  if (!fork) return null;
  return (
    <div className="time-travel" data-testid="time-travel">
      <div className="code-fork" role="status" data-testid="code-fork">
        <span>
          Forking run {fork.of} at record {fork.at} with other code: edit the code, then continue. The {fork.at} records before the moment are
          replayed and checked against run {fork.of}.
        </span>
        <button type="button" className="btn-small btn-primary" data-testid="code-fork-continue" disabled={busy} onClick={() => void runs.continueCodeFork()}>
          Continue the fork
        </button>
        <button type="button" className="btn-small" data-testid="code-fork-cancel" onClick={() => runs.cancelCodeFork()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
