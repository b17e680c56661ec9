import { useStore } from 'zustand';
import { useMemo } from 'react';
import { SPEEDS, parseInput, updateSettings } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { InputSource } from './InputSource.tsx';
import { findOwnRunCall } from './ownRunCall.ts';
import { AnotherSeedButton } from '../timetravel/AnotherSeedButton.tsx';
import { takesStartInput } from './moveRunInput.ts';

/** Input fields of the start event (JSON), seed, clock and playback speed. */
export function RunSettings() {
  const { run, workspace } = usePlayground();
  const settings = useStore(run, (s) => s.settings);
  const source = useStore(workspace, (s) => s.source);
  const workflows = useStore(workspace, (s) => s.analysis?.workflows);
  // Code that calls run() itself decides the StartEvent's fields: the box says so instead of sitting there unused.
  const ownCall = useMemo(() => findOwnRunCall(source, (workflows ?? []).map((w) => w.range)), [source, workflows]);
  const unused = ownCall !== null && !takesStartInput(ownCall);
  const runError = useStore(run, (s) => s.inputError);
  const parsed = parseInput(settings.inputText);
  const inputError = parsed.ok ? runError : parsed.message;
  return (
    <div className="run-settings">
      <label className="field field-input">
        <span>Input</span>
        <input
          data-testid="run-input"
          className={inputError ? 'invalid' : unused ? 'unused' : ''}
          value={settings.inputText}
          spellCheck={false}
          aria-invalid={inputError !== null}
          aria-describedby={ownCall ? 'input-source' : 'input-error'}
          onChange={(e) => updateSettings(run, { inputText: e.target.value })}
          title="Fields of the StartEvent, as a JSON object"
        />
      </label>
      {ownCall ? <InputSource call={ownCall} /> : null}
      <label className="field field-seed">
        <span>Seed</span>
        <input
          data-testid="run-seed"
          type="number"
          value={settings.seed}
          onChange={(e) => updateSettings(run, { seed: Number.parseInt(e.target.value, 10) || 0 })}
        />
      </label>
      <AnotherSeedButton />
      <label className="field">
        <span>Clock</span>
        <select
          data-testid="run-clock"
          value={settings.clock}
          onChange={(e) => updateSettings(run, { clock: e.target.value === 'real' ? 'real' : 'virtual' })}
          title="Virtual: sleeps take no real time, the run is replayed at a watchable pace. Real: sleeps take real time."
        >
          <option value="virtual">virtual</option>
          <option value="real">real</option>
        </select>
      </label>
      <label className="field">
        <span>Speed</span>
        <select
          data-testid="run-speed"
          value={settings.speed}
          onChange={(e) => updateSettings(run, { speed: Number(e.target.value) })}
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}x
            </option>
          ))}
        </select>
      </label>
      {inputError ? (
        <p className="input-error" id="input-error" role="alert" data-testid="input-error">
          {inputError}
        </p>
      ) : null}
    </div>
  );
}
