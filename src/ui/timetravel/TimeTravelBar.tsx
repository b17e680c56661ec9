import './timetravel.css';
import { openForkEditor, openWhyStuck } from '../../state/index.ts';
import { CodeForkBanner } from './CodeForkBanner.tsx';
import { useStore } from 'zustand';
import { ForkEditor } from './ForkEditor.tsx';
import { WhyStuck } from './WhyStuck.tsx';
import { usePlayground } from '../playground.ts';
import { ReplayVerdictNote } from './ReplayVerdictNote.tsx';

/**
 * Time travel on a recorded run: run it again exactly (same code, seed, start input and inputs, on
 * the virtual clock), fork it at the moment on screen, or ask why it waits there. The buttons sit in
 * the playback bar, beside the moment they act on, so they take no row of the graph's height.
 */
export function TimeTravelActions() {
  const { run, runs, ui } = usePlayground();
  const total = useStore(run, (s) => s.length);
  const engine = useStore(run, (s) => s.engine);
  const number = useStore(run, (s) => s.runNumber);
  const forking = useStore(ui, (s) => s.fork !== null);
  const asking = useStore(ui, (s) => s.whyStuck);
  const codeFork = useStore(run, (s) => s.codeFork);
  if (codeFork || total === 0) return null;
  const busy = engine === 'running';
  return (
    <div className="time-travel-actions" data-testid="time-travel">
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
        onClick={() => openForkEditor(ui, forking ? null : { event: null })}
      >
        Fork from here…
      </button>
      <button
        type="button"
        className="btn-small"
        data-testid="why-stuck-open"
        aria-expanded={asking}
        title="What the run waits on at the moment shown (collects, waitForEvent, full queues, questions) and what could still end each wait"
        onClick={() => openWhyStuck(ui, !asking)}
      >
        Why is it stuck?
      </button>
      <span className="time-travel-run">Run {number}</span>
    </div>
  );
}

/**
 * What the time-travel buttons open, under the playback bar: the answer to "why is it stuck?", the
 * fork editor, and whether a re-run repeated the run; or, for a run forked with other code, its banner.
 */
export function TimeTravelBar() {
  const { run, ui } = usePlayground();
  const total = useStore(run, (s) => s.length);
  const engine = useStore(run, (s) => s.engine);
  const number = useStore(run, (s) => s.runNumber);
  const forking = useStore(ui, (s) => s.fork !== null);
  const forkEvent = useStore(ui, (s) => s.fork?.event ?? null);
  const asking = useStore(ui, (s) => s.whyStuck);
  const codeFork = useStore(run, (s) => s.codeFork);
  const verdict = useStore(run, (s) => s.verdict !== null);
  if (codeFork) return <CodeForkBanner />;
  const busy = engine === 'running';
  if (total === 0 || (!asking && (!forking || busy) && (!verdict || busy))) return null;
  return (
    <div className="time-travel">
      {asking ? <WhyStuck /> : null}
      {forking && !busy ? <ForkEditor key={`${number}-${forkEvent}`} onClose={() => openForkEditor(ui, null)} /> : null}
      <ReplayVerdictNote />
    </div>
  );
}
