import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ErrorInfo } from '../../engine/trace.ts';
import { errorLocation, validationDiagnostic } from '../../inspect/index.ts';
import { formatResult } from '../../state/index.ts';
import { revealLine } from '../inspect/revealLine.ts';
import type { UiStore, WorkspaceStore } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/** The run's outcome: its result when it stopped, or what went wrong and where. */
export function ResultPanel() {
  const { view, workspace, ui } = usePlayground();
  const finished = useStore(view, (s) => s.view.finished);
  const failedStep = useStore(view, (s) => s.view.failedStep);
  // Re-rendered on a new analysis too: the step's line moves as the code is edited.
  useStore(workspace, (s) => s.analysis);
  const t = useStore(view, (s) => s.view.t);
  const events = useStore(view, useShallow((s) => s.view.events));
  const total = Object.values(events).reduce((sum, n) => sum + n, 0);
  return (
    <section className="result" aria-label="Result">
      <header className="panel-title">
        <span>Result</span>
        <span className="badge">{`${total} ${total === 1 ? 'event' : 'events'} · ${(t / 1000).toFixed(2)}s workflow time`}</span>
      </header>
      <div className={`run-result${finished ? ` is-${finished.status}` : ''}`} data-testid="run-result" data-status={finished?.status ?? ''}>
        {!finished ? (
          <p className="muted">The result appears here when the run stops.</p>
        ) : finished.status === 'stopped' ? (
          <pre className="result-value">{formatResult(finished.result)}</pre>
        ) : (
          <ErrorText error={finished.error} step={finished.error?.step ?? failedStep} status={finished.status} workspace={workspace} ui={ui} />
        )}
      </div>
    </section>
  );
}

interface ErrorTextProps {
  error: ErrorInfo | undefined;
  step: string | null;
  status: string;
  workspace: WorkspaceStore;
  ui: UiStore;
}

function ErrorText({ error, step, status, workspace, ui }: ErrorTextProps) {
  // A validation error is about a step or a decorator, where Problems marks it; any other error is
  // at the line that threw when the stack names one in the user's code, else at the step's own line.
  const invalid = validationDiagnostic(workspace.getState().analysis?.diagnostics ?? [], error);
  const line = invalid?.range.line ?? errorLocation(error)?.line ?? (step ? stepLocation(workspace, step) : null);
  const where = [step ? `in step ${step}` : null, line ? `line ${line}` : null].filter(Boolean).join(', ');
  return (
    <div className="result-error">
      <strong>{error ? errorHeadline(error) : `The run ended: ${status}`}</strong>
      {where ? (
        <button
          type="button"
          className="result-where"
          disabled={line === null}
          onClick={() => line !== null && revealLine(workspace, ui, line)}
          title={line === null ? undefined : 'Show this line in the editor'}
        >
          {where}
        </button>
      ) : null}
      {error && isTraceback(error.message) ? <pre className="result-traceback">{error.message}</pre> : null}
    </div>
  );
}

const TRACEBACK = 'Traceback (most recent call last):';

function isTraceback(message: string): boolean {
  return message.startsWith(TRACEBACK);
}

/** A Python error reads as Python prints its last line (`ValueError: boom`); the traceback is below it. */
function errorHeadline(error: ErrorInfo): string {
  if (!isTraceback(error.message)) return `${error.name}: ${error.message}`;
  const lines = error.message.trimEnd().split('\n');
  return lines[lines.length - 1] ?? error.name;
}

function stepLocation(workspace: WorkspaceStore, step: string): number | null {
  for (const workflow of workspace.getState().analysis?.workflows ?? []) {
    const found = workflow.steps.find((s) => s.name === step);
    if (found) return found.nameRange.line;
  }
  return null;
}
