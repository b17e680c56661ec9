import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createRunFile, parseRunFile, runFileExport } from '../../inspect/index.ts';
import { parseInput } from '../../state/index.ts';
import { download } from '../export/download.ts';
import { usePlayground } from '../playground.ts';
import { RunHistory } from './RunHistory.tsx';

/**
 * Save the recorded run as a file, and load one to replay it. Loading checks the whole file first
 * (parseRunFile): a broken file changes nothing on the page and says what is wrong with it.
 */
export function RunFileButtons() {
  const { run, workspace, runs } = usePlayground();
  const total = useStore(run, (s) => s.length);
  const origin = useStore(run, (s) => s.origin);
  const picker = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const state = run.getState();
    const input = parseInput(state.settings.inputText);
    const file = createRunFile({
      code: state.code ?? workspace.getState().source,
      input: input.ok ? (input.value as never) : {},
      seed: state.settings.seed,
      graph: state.graph,
      trace: state.trace,
    });
    const first = state.trace[0];
    download(runFileExport(file, first?.kind === 'run.started' ? first.workflow : null));
  };

  const load = async (file: File) => {
    const read = parseRunFile(await file.text());
    if (!read.ok) {
      setError(`${file.name}: ${read.error}`);
      return;
    }
    setError(null);
    await runs.loadRecorded({ code: read.file.code, trace: read.file.trace, graph: read.file.graph ?? null });
  };

  return (
    <span className="run-file">
      <button type="button" className="btn-small" data-testid="save-run" disabled={total === 0} onClick={save} title="Save this run as a JSON file to replay later">
        Save run
      </button>
      <button type="button" className="btn-small" data-testid="load-run" onClick={() => picker.current?.click()} title="Replay a saved run (its code is not run)">
        Load run…
      </button>
      <RunHistory />
      {origin === 'file' ? <span className="badge" data-testid="replaying-file">replaying a saved run</span> : null}
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="load-run-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void load(file);
        }}
      />
      {error ? (
        <span className="run-file-error" role="alert" data-testid="run-file-error">
          {error}
          <button type="button" className="link-button" onClick={() => setError(null)} aria-label="Dismiss">
            ✕
          </button>
        </span>
      ) : null}
    </span>
  );
}
