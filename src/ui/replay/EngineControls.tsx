import { memo } from 'react';
import { useStore } from 'zustand';
import { enginePause, updateSettings } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

const WHY = { step: 'step mode', breakpoint: 'breakpoint', user: 'paused' } as const;

/**
 * Step mode and the engine's own pause: unlike the view's pause, these hold the run itself before its
 * next delivery, and let it go on one delivery at a time or until the next breakpoint. Memoised, as
 * the scrubber around it draws every frame of playback.
 */
export const EngineControls = memo(function EngineControls() {
  const { run, runs } = usePlayground();
  const stepMode = useStore(run, (s) => s.settings.stepMode);
  const breakpoints = useStore(run, (s) => s.settings.breakpoints);
  const engine = useStore(run, (s) => s.engine);
  // Re-read on every batch: the pause is the trace's latest word on it.
  useStore(run, (s) => s.length);
  const trace = useStore(run, (s) => s.trace);
  const pause = engine === 'running' ? enginePause(trace) : null;
  const hint = breakpoints.length === 0 ? 'Breakpoints: click the dot on a step' : `breakpoints: ${breakpoints.join(', ')}`;
  return (
    <div className="engine-controls" data-testid="engine-controls" data-engine={pause ? 'paused' : engine}>
      <label className="toggle" title="Pause the run before each delivery and go on one at a time">
        <input type="checkbox" data-testid="step-mode" checked={stepMode} onChange={(e) => updateSettings(run, { stepMode: e.target.checked })} />
        Step mode
      </label>
      {/* Cut with an ellipsis when the foot is narrow (inspect.css): the title keeps it whole. */}
      <span className="muted breakpoint-count" data-testid="breakpoint-count" title={hint}>
        {hint}
      </span>
      {pause ? (
        <span className="engine-paused" data-testid="engine-paused" data-step={pause.step ?? ''}>
          Paused{pause.step ? ` before ${pause.step}${pause.invocation !== null ? ` #${pause.invocation}` : ''}` : ''} ({WHY[pause.reason]})
          <button type="button" className="btn-small" data-testid="engine-step" onClick={() => void runs.step()}>Next delivery</button>
          <button type="button" className="btn-small" data-testid="engine-continue" onClick={() => void runs.resume()}>Continue</button>
        </span>
      ) : engine === 'running' ? (
        <button type="button" className="btn-small" data-testid="engine-pause" onClick={() => void runs.pause()} title="Hold the run itself before its next delivery">
          Pause run
        </button>
      ) : null}
    </div>
  );
});
