import { useStore } from 'zustand';
import { childRunsOf, closeChildRun, openChildRun, selectItem, shownChild } from '../../state/index.ts';
import type { ChildRun } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/**
 * Above the console, timeline and inspector: the child runs of the run shown (workflows its steps
 * ran), each to open in its place, and, while a child is shown, where it came from and the way back.
 */
export function ChildRunsBar() {
  const { run, ui } = usePlayground();
  useStore(run, (s) => s.childLength);
  const state = useStore(run, (s) => s);
  const shown = shownChild(state);
  const children = childRunsOf(state);
  if (!shown && children.length === 0) return null;
  const live = state.engine === 'running';
  const back = () => {
    const invocation = closeChildRun(run);
    if (invocation !== null) selectItem(ui, { kind: 'invocation', id: invocation }, false);
  };
  return (
    <div className="child-runs" data-testid="child-runs">
      {shown ? (
        <span className="child-runs-from" data-testid="child-run-shown" data-run={shown.runId}>
          Child run <strong>{shown.workflow}</strong> <span className="muted">({shown.runId})</span>, started by{' '}
          {shown.parentStep ?? 'a step'}
          {shown.parentInvocation !== null ? ` #${shown.parentInvocation}` : ''} of {shown.parentRun}
          <button type="button" className="btn-small" data-testid="child-run-back" onClick={back}>
            ← Back to {shown.parentRun}
          </button>
        </span>
      ) : null}
      {children.length > 0 ? (
        <span className="child-runs-list">
          <span className="muted">Child runs:</span>
          {children.map((child) => (
            <OpenChild key={child.runId} child={child} live={live} />
          ))}
        </span>
      ) : null}
    </div>
  );
}

/** A button that opens a child run (once the run has ended: a live run keeps its own view). */
export function OpenChild({ child, live }: { child: ChildRun; live: boolean }) {
  const { run, ui } = usePlayground();
  const end = child.trace.findLast((r) => r.kind === 'run.finished');
  const status = end?.kind === 'run.finished' ? end.status : 'running';
  return (
    <button
      type="button"
      className="btn-small child-run-open"
      data-testid="child-run-open"
      data-run={child.runId}
      disabled={live}
      title={live ? 'Opens when the run has ended' : `Show the run of ${child.workflow} in the graph, timeline and inspector`}
      onClick={() => {
        if (openChildRun(run, child.runId)) selectItem(ui, null, false);
      }}
    >
      {child.workflow} <span className="muted">{child.runId} · {status}</span>
      {child.parentStep ? <span className="muted"> · from {child.parentStep}{child.parentInvocation !== null ? ` #${child.parentInvocation}` : ''}</span> : null}
    </button>
  );
}
