import type { ReactNode } from 'react';
import { formatDuration } from '../../inspect/index.ts';
import type { InvocationDescription } from '../../inspect/index.ts';
import { revealLine } from './revealLine.ts';
import { usePlayground } from '../playground.ts';
import { useStore } from 'zustand';
import { childRunsOf } from '../../state/index.ts';
import { OpenChild } from './ChildRunsBar.tsx';
import { ItemLink } from './ItemLink.tsx';

const ms = formatDuration;

/** One invocation of a step: what it got, what it made, what it logged, how long, where it failed. */
export function InvocationDetails({ invocation: inv, action }: { invocation: InvocationDescription; action?: ReactNode }) {
  const { workspace, ui, run } = usePlayground();
  const error = inv.error;
  useStore(run, (s) => s.childLength);
  const live = useStore(run, (s) => s.engine === 'running');
  const children = childRunsOf(run.getState(), inv.id);
  return (
    <div className="inspector-body" data-kind="invocation" data-invocation={inv.id}>
      <h3 className="inspector-title">
        <span data-testid="inspector-step">{inv.step}</span>
        <span className="muted">#{inv.id}</span>
        <span className={`status-chip status-${inv.status}`} data-testid="inspector-status">
          {inv.status}
        </span>
        <span className="inspector-title-end">{action}</span>
      </h3>
      <dl className="inspector-facts">
        <dt>Input</dt>
        <dd data-testid="inspector-inputs">
          {inv.inputs.map((e) => (
            <ItemLink key={e.event} item={{ kind: 'event', id: e.event }}>
              {e.type} #{e.event}
            </ItemLink>
          ))}
        </dd>
        <dt>Emitted</dt>
        <dd data-testid="inspector-emitted">
          {inv.returned.length + inv.sent.length === 0 ? <span className="muted">nothing</span> : null}
          {inv.returned.map((e) => (
            <ItemLink key={e.event} item={{ kind: 'event', id: e.event }}>
              {e.type} #{e.event} <span className="muted">returned</span>
            </ItemLink>
          ))}
          {inv.sent.map((e) => (
            <ItemLink key={e.event} item={{ kind: 'event', id: e.event }}>
              {e.type} #{e.event} <span className="muted">{e.via === 'stream' ? 'streamed' : e.target ? `sent to ${e.target}` : 'sent'}</span>
            </ItemLink>
          ))}
        </dd>
        {inv.resources.length ? (
          <>
            <dt>Resources</dt>
            <dd data-testid="inspector-resources">
              {inv.resources.map((r) => (
                <span key={r.param} className="resource-use" data-resource={r.resource} data-instance={r.instance}>
                  <code>{r.param}</code> ← {r.resource} #{r.instance}{' '}
                  {r.created ? (
                    <span className="muted">made for this invocation</span>
                  ) : r.madeBy !== null ? (
                    <span className="muted">
                      shared, made for{' '}
                      <ItemLink item={{ kind: 'invocation', id: r.madeBy }}>#{r.madeBy}</ItemLink>
                    </span>
                  ) : (
                    <span className="muted">from the cache</span>
                  )}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt>Duration</dt>
        <dd data-testid="inspector-duration">
          {ms(inv.duration)}
          {inv.queuedFor ? <span className="muted"> (queued {ms(inv.queuedFor)} first)</span> : null}
        </dd>
        <dt>Worker</dt>
        <dd data-testid="inspector-worker">{inv.worker ?? '—'}</dd>
        {inv.rerunOf !== null || inv.rerunBy !== null || inv.status === 'waiting' ? (
          <>
            <dt>waitForEvent</dt>
            <dd data-testid="inspector-rerun">
              {inv.rerunOf !== null ? (
                <>
                  re-run from the top of{' '}
                  <ItemLink item={{ kind: 'invocation', id: inv.rerunOf }}>
                    {inv.step} #{inv.rerunOf}
                  </ItemLink>
                  , which ended waiting
                </>
              ) : inv.rerunBy !== null ? (
                <>
                  ended waiting; the step ran again as{' '}
                  <ItemLink item={{ kind: 'invocation', id: inv.rerunBy }}>
                    {inv.step} #{inv.rerunBy}
                  </ItemLink>
                </>
              ) : (
                <span className="muted">ended waiting; the step runs again when the event arrives</span>
              )}
            </dd>
          </>
        ) : null}
        {children.length > 0 ? (
          <>
            <dt>Child runs</dt>
            <dd data-testid="inspector-child-runs">
              {children.map((child) => (
                <OpenChild key={child.runId} child={child} live={live} />
              ))}
            </dd>
          </>
        ) : null}
        <dt>Attempt</dt>
        <dd data-testid="inspector-attempt">
          {inv.attempt}
          {inv.attempts.length > 1 ? <span className="muted"> of {inv.attempts.map((a) => `${a.attempt}: ${a.outcome}`).join(', ')}</span> : null}
        </dd>
      </dl>
      {error ? (
        <section className="inspector-section inspector-error" data-testid="inspector-error">
          <h4>Error</h4>
          <strong>
            {error.name}: {error.message}
          </strong>
          {error.location ? (
            <button type="button" className="result-where" onClick={() => revealLine(workspace, ui, error.location!.line)} title="Show this line in the editor">
              line {error.location.line}
              {error.location.functionName ? ` in ${error.location.functionName}` : ''}
            </button>
          ) : null}
        </section>
      ) : null}
      <section className="inspector-section">
        <h4>Logs ({inv.logs.length})</h4>
        {inv.logs.length === 0 ? <p className="muted">nothing logged</p> : null}
        <ol className="inspector-logs" data-testid="inspector-logs">
          {inv.logs.map((log) => (
            <li key={log.seq} className={`level-${log.level}`}>
              <span className="console-time">{(log.t / 1000).toFixed(2)}s</span> <span className="console-text">{log.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
