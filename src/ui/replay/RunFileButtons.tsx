import { memo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createRunFile, parseRunFile, runFileName, runFileParts } from '../../inspect/index.ts';
import { parseInput } from '../../state/index.ts';
import { showNotice } from '../../state/noticeStore.ts';
import { useSession } from '../share/session.ts';
import { download, slicedBlob } from '../export/index.ts';
import { usePlayground } from '../playground.ts';
import { RunHistory } from './RunHistory.tsx';

/**
 * Save the recorded run as a file, and load one to replay it. Loading checks the whole file first
 * (parseRunFile): a broken file changes nothing on the page and says what is wrong with it. Memoised:
 * the scrubber around it draws every frame of playback, and React writes a file input's name and type
 * again at each of its renders.
 */
export const RunFileButtons = memo(function RunFileButtons() {
  const { run, workspace, runs } = usePlayground();
  const { drafts, notices } = useSession();
  const total = useStore(run, (s) => s.length);
  const origin = useStore(run, (s) => s.origin);
  const picker = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  /** A file is being written (a big run's takes most of a second, with the page let go meanwhile). */
  const [saving, setSaving] = useState(false);

  const save = async () => {
    // A run that has not ended is saved with its context, so the file can resume it after a reload.
    const taken = await runs.savedContext();
    const state = run.getState();
    // The run's own seed and start input, from its records: the boxes may have changed since it ran.
    const started = state.trace.find((r) => r.kind === 'run.started');
    const start = state.trace.find((r) => r.kind === 'event.emitted' && r.via === 'input' && r.step === null);
    const payload = start?.kind === 'event.emitted' ? start.payload : null;
    const typed = parseInput(state.settings.inputText);
    const input = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : typed.ok ? (typed.value as never) : {};
    const file = createRunFile({
      code: state.code ?? workspace.getState().source,
      input,
      seed: started?.kind === 'run.started' ? started.seed : state.settings.seed,
      graph: state.graph,
      // A loaded run that can be resumed keeps its context when it is saved again.
      context: taken.ok && taken.context ? taken.context : state.origin === 'file' ? (state.resumable?.context ?? null) : null,
      trace: state.trace,
    });
    const first = state.trace[0];
    // Written in slices with the page let go between them: a big run's file is tens of megabytes.
    setSaving(true);
    try {
      const blob = await slicedBlob(runFileParts(file, 500), 'application/json');
      download({ name: runFileName(first?.kind === 'run.started' ? first.workflow : null), blob });
    } finally {
      setSaving(false);
    }
    if (!taken.ok) {
      showNotice(notices, { topic: 'link', tone: 'error', message: `${taken.error}. The run was saved without its context: the file replays it but cannot resume it.` });
    }
  };

  const load = async (file: File) => {
    const read = parseRunFile(await file.text());
    if (!read.ok) {
      setError(`${file.name}: ${read.error}`);
      return;
    }
    setError(null);
    // The file's code replaces the editor's the way a link does: the user's draft is kept and offered back.
    const name = file.name.length > 80 ? `${file.name.slice(0, 77)}...` : file.name;
    const replacing = read.file.code !== workspace.getState().source;
    const { input, seed } = read.file;
    const kept = replacing && drafts.open({ code: read.file.code, origin: 'run', title: `Saved run ${name}`, input, ...(seed !== null ? { seed } : {}) });
    const { context } = read.file;
    await runs.loadRecorded({ code: read.file.code, trace: read.file.trace, graph: read.file.graph ?? null, resumable: context ? { context, input } : null });
    const previous = kept ? drafts.store.getState().history[0] : undefined;
    const resumes = context ? ' It was saved before it ended: Resume goes on from where it was.' : '';
    const damaged = read.contextProblem ? ` ${read.contextProblem} It is shown as recorded.` : '';
    showNotice(notices, {
      topic: 'link',
      tone: read.contextProblem ? 'error' : 'info',
      message: `Replaying the saved run ${JSON.stringify(name)}; its code was not run.${resumes}${damaged}${previous ? ' Your previous draft is under Drafts.' : ''}`,
      ...(previous ? { restoreDraft: previous.id } : {}),
    });
  };

  return (
    <span className="run-file">
      <button
        type="button"
        className="btn-small"
        data-testid="save-run"
        disabled={total === 0 || saving}
        aria-busy={saving}
        onClick={() => void save()}
        title="Save this run as a JSON file to replay later (and, while it waits, to resume it)"
      >
        {saving ? 'Saving…' : 'Save run'}
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
});
