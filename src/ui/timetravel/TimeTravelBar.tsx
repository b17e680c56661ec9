import './timetravel.css';
import { useState } from 'react';
import { openForkEditor } from '../../state/index.ts';
import { CodeForkBanner } from './CodeForkBanner.tsx';
import { useStore } from 'zustand';
import { ForkEditor } from './ForkEditor.tsx';
import { WhyStuck } from './WhyStuck.tsx';
import { usePlayground } from '../playground.ts';
import { ReplayVerdictNote } from './ReplayVerdictNote.tsx';

/**
 * Time travel on a recorded run: run it again exactly (same code, seed, start input and inputs, on
 * the virtual clock), or fork it at the moment on screen, and see whether the new run repeated it
 * record for record (up to the fork's change).
 */
export function TimeTravelBar() {
  const { run, runs, ui } = usePlayground();
  const total = useStore(run, (s) => s.length);
  const engine = useStore(run, (s) => s.engine);
  const number = useStore(run, (s) => s.runNumber);
  const forking = useStore(ui, (s) => s.fork !== null);
  const forkEvent = useStore(ui, (s) => s.fork?.event ?? null);
  const codeFork = useStore(run, (s) => s.codeFork);
  const [asking, setAsking] = useState(false);
  if (codeFork) return <CodeForkBanner />;
  if (total === 0) return null;
  const setForking = (open: boolean) => openForkEditor(ui, open ? { event: null } : null);
  const busy = engine === 'running';
  return (
    <div className="time-travel" data-testid="time-travel">
      <div className="time-travel-actions">
        <button
          type="button"
          className="btn-small"
          data-testid="rerun-exactly"
          disabled={busy}
          title="Run this code again with this run's seed, start input and everything sent in (answers, a stop) at the same moments, on the virtual clock, and compare the two record by record"
          onClick={() => void runs.replay(null)}
        >
          Re-run exactly
        </button>
        <button
          type="button"
          className="btn-small"
          data-testid="fork-open"
          disabled={busy}
          aria-expanded={forking}
          title="Run again up to the moment the scrubber shows, then change something there: an event's fields, an answer, a state value, or the code"
          onClick={() => setForking(!forking)}
        >
          Fork from here…
        </button>
        <button
          type="button"
          className="btn-small"
          data-testid="why-stuck-open"
          aria-expanded={asking}
          title="What the run waits on at the moment shown (collects, waitForEvent, full queues, questions) and what could still end each wait"
          onClick={() => setAsking((a) => !a)}
        >
          Why is it stuck?
        </button>
        <span className="time-travel-run">Run {number}</span>
      </div>
      {asking ? <WhyStuck /> : null}
      {forking && !busy ? <ForkEditor key={`${number}-${forkEvent}`} onClose={() => setForking(false)} /> : null}
      <ReplayVerdictNote />
    </div>
  );
}
