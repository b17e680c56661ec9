import { useStore } from 'zustand';
import { compareRunPair } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/**
 * "Same code, another seed", beside the seed box: runs the code in the editor with the next seed and
 * opens the comparison with the run of the seed before (run first when there is none of this code).
 */
export function AnotherSeedButton() {
  const { run, runs, ui } = usePlayground();
  const busy = useStore(run, (s) => s.engine === 'running');
  return (
    <button
      type="button"
      className="btn-small another-seed"
      data-testid="another-seed"
      disabled={busy}
      title="Run this code again with the next seed and compare the two runs: where they first differ, side by side"
      onClick={async () => {
        const pair = await runs.anotherSeed();
        if (pair) compareRunPair(ui, pair);
      }}
    >
      Another seed ⇄
    </button>
  );
}
