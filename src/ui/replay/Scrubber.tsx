import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { jumpToEnd, jumpToStart, stepBackward, stepForward } from '../../inspect/index.ts';
import { SPEEDS, runStatus, setPlaybackTime, setRecordCursor, setViewPaused, updateSettings } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { clockAt } from './clockAt.ts';
import { EngineControls } from './EngineControls.tsx';
import { Icon } from './icons.tsx';
import { RunFileButtons } from './RunFileButtons.tsx';
import '../inspect/inspect.css';

/**
 * Playback of the run shown: play and pause the view, step one trace record at a time, jump to either
 * end, drag to any moment, choose the speed. It moves the view only: a live run keeps running and
 * recording while the view is paused or somewhere in the past. `actions` (time travel on the run shown)
 * share the row of the engine's own controls.
 */
export function Scrubber({ actions }: { actions?: ReactNode }) {
  const { run, view } = usePlayground();
  const schedule = useStore(view, (s) => s.schedule);
  const cursor = useStore(view, (s) => s.view.cursor);
  const total = useStore(view, (s) => s.view.total);
  const now = useStore(view, (s) => s.view.now);
  const t = useStore(view, (s) => s.view.t);
  const end = useStore(view, (s) => s.view.end);
  const paused = useStore(run, (s) => s.viewPaused);
  const speed = useStore(run, (s) => s.settings.speed);
  const engine = useStore(run, (s) => s.engine);
  const hop = schedule.timing.hop;
  const max = end + hop;
  // The run store's time, not the view's: a frame that changes nothing visible is not republished.
  const runNow = useStore(run, (s) => s.now);
  const atEnd = cursor >= total && runNow >= max && engine !== 'running';
  const empty = total === 0;
  const trace = useStore(run, (s) => s.trace);
  const status = useStore(run, runStatus);
  const moment = useStore(view, (s) => s.view.status);
  const clock = clockAt(trace, schedule.times, cursor, runNow, t);
  // The last record shown is the end of the run as far as the thumb goes (the hop after it is only
  // the last token's flight).
  // No run at all: the thumb rests at the start (the view's time may still be that of a run set aside).
  const thumb = empty ? 0 : cursor >= total && engine !== 'running' ? max : Math.min(now, max);
  const lookingBack = status !== 'running' && cursor < total;

  const seek = (count: number, at: number) => setRecordCursor(run, count, at);
  const play = () => {
    // Play at the end of a finished run starts it over.
    if (atEnd) setPlaybackTime(run, 0);
    setViewPaused(run, false);
  };

  return (
    <div className="scrubber" data-testid="scrubber" data-count={cursor} data-total={total} data-paused={paused} data-now={Math.round(now)}>
      <div className="scrubber-row">
        <div className="scrubber-buttons">
          <button type="button" className="icon-btn" data-testid="replay-start" title="Jump to the start" aria-label="Jump to the start" disabled={empty}
            onClick={() => { const c = jumpToStart(); seek(c.count, c.now); }}><Icon name="start" /></button>
          <button type="button" className="icon-btn" data-testid="replay-back" title="Previous trace record" aria-label="Previous record" disabled={empty || cursor === 0}
            onClick={() => { const c = stepBackward(schedule, { count: cursor, now }); seek(c.count, c.now); }}><Icon name="back" /></button>
          {paused || atEnd ? (
            <button type="button" className="icon-btn play" data-testid="replay-play" title="Play" aria-label="Play" disabled={empty} onClick={play}><Icon name="play" /></button>
          ) : (
            <button type="button" className="icon-btn play" data-testid="replay-pause" title="Pause the view (the run goes on)" aria-label="Pause" disabled={empty}
              onClick={() => setViewPaused(run, true)}><Icon name="pause" /></button>
          )}
          <button type="button" className="icon-btn" data-testid="replay-forward" title="Next trace record" aria-label="Next record" disabled={empty || cursor >= total}
            onClick={() => { const c = stepForward(schedule, { count: cursor, now }); seek(c.count, c.now); }}><Icon name="forward" /></button>
          <button type="button" className="icon-btn" data-testid="replay-end" title="Jump to the end" aria-label="Jump to the end" disabled={empty}
            onClick={() => { const c = jumpToEnd(schedule, hop); seek(c.count, c.now); }}><Icon name="end" /></button>
        </div>
        <input
          type="range"
          className="scrubber-range"
          data-testid="scrubber-range"
          aria-label="Playback position"
          min={0}
          max={Math.max(1, Math.round(max))}
          step={1}
          value={Math.round(thumb)}
          aria-valuetext={empty ? 'No run yet' : `${seconds(clock)} of workflow time, record ${cursor} of ${total}${lookingBack ? `, ${moment} at this moment` : ''}`}
          disabled={empty}
          onChange={(e) => {
            setViewPaused(run, true);
            setPlaybackTime(run, Number(e.target.value));
          }}
          onKeyDown={(e) => {
            // Arrow keys step one trace record (a millisecond of playback would show nothing new).
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            e.preventDefault();
            const move = e.key === 'ArrowRight' ? stepForward : stepBackward;
            const c = move(schedule, { count: cursor, now });
            seek(c.count, c.now);
          }}
        />
        {/* The moment's state goes under the readout, not beside it: beside it, it made the row wrap
            whenever the scrubber left the end of a run, and the graph above jumped. */}
        <span className={`scrubber-where${lookingBack ? ' looking-back' : ''}`}>
          <span className="scrubber-readout" data-testid="scrubber-readout" title="Trace records shown / recorded, and workflow time">
            {cursor}/{total} · {seconds(clock)}
          </span>
          {lookingBack ? (
            <span className={`cursor-moment status-${moment}`} data-testid="cursor-moment" title="The state at the moment shown; the run's own status is in the header">
              at this moment: {moment}
            </span>
          ) : null}
        </span>
        <select className="scrubber-speed" data-testid="scrubber-speed" aria-label="Playback speed" value={speed}
          onChange={(e) => updateSettings(run, { speed: Number(e.target.value) })}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{s}x</option>
          ))}
        </select>
        <RunFileButtons />
      </div>
      <div className="scrubber-foot">
        <EngineControls />
        {actions}
      </div>
    </div>
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)}s`;
}

