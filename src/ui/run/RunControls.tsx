import { usePlayground } from '../playground.ts';
import { useRunStatus } from './useRunStatus.ts';

const STATUS_TEXT: Record<string, string> = {
  idle: 'Ready',
  running: 'Running',
  stopped: 'Stopped',
  failed: 'Failed',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
};

/** Run / Stop and the run's status. Ctrl/Cmd+Enter runs from anywhere on the page. */
export function RunControls() {
  const { runs, view } = usePlayground();
  const status = useRunStatus();
  const busy = status === 'running';
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <div className="run-controls">
      <button
        type="button"
        className="btn btn-run"
        data-testid="run-button"
        onClick={() => void runs.start()}
        title={`Run the workflow (${mac ? '⌘' : 'Ctrl'}+Enter)`}
      >
        <span aria-hidden="true">▶</span> Run
        <kbd>{mac ? '⌘↵' : 'Ctrl+↵'}</kbd>
      </button>
      <button
        type="button"
        className="btn btn-stop"
        data-testid="stop-button"
        onClick={() => void runs.stop(view.getState().view.cursor)}
        disabled={!busy}
        title="Stop the run (Esc)"
      >
        <span aria-hidden="true">■</span> Stop
      </button>
      <span className={`run-status status-${status}`} data-testid="run-status" data-status={status} aria-live="polite">
        {status}
      </span>
      <span className="sr-only">{STATUS_TEXT[status]}</span>
    </div>
  );
}
