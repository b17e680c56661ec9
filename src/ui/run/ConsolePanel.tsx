import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { selectItem } from '../../state/index.ts';
import { recordBySeq } from '../inspect/useTraceIndex.ts';
import { usePlayground } from '../playground.ts';
import '../safety/safety.css';

/** Most lines kept on screen; older ones scroll away (the trace keeps them all). */
const SHOWN_LINES = 400;

/** What the code logged, in order, marked with the step that logged it. */
export function ConsolePanel() {
  const { view, run, ui } = usePlayground();
  // A line logged by a step opens the invocation that logged it in the inspector.
  const inspect = (seq: number) => {
    const record = recordBySeq(run.getState().trace, seq);
    const invocation = record && 'invocation' in record ? record.invocation : null;
    if (typeof invocation === 'number') selectItem(ui, { kind: 'invocation', id: invocation });
  };
  const lines = useStore(view, (s) => s.view.console.lines);
  const count = useStore(view, (s) => s.view.console.count);
  const finished = useStore(view, (s) => s.view.finished !== null);
  const list = useRef<HTMLOListElement>(null);
  const first = Math.max(0, count - SHOWN_LINES);

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, lines]);

  return (
    <section className="console" data-testid="console" aria-label="Console">
      <header className="panel-title">
        <span>Console</span>
        <span className="badge">{count === 1 ? '1 line' : `${count} lines`}</span>
      </header>
      <ol ref={list} className="console-lines" start={first + 1}>
        {count === 0 ? <li className="console-empty">{finished ? 'This run logged nothing.' : 'Run the workflow to see what it logs.'}</li> : null}
        {lines.slice(first, count).map((line, i) => (
          <li
            key={first + i}
            className={`console-line level-${line.level}${line.step ? ' selectable' : ''}${line.fromPage ? ' page-note' : ''}`}
            data-step={line.step ?? ''}
            data-source={line.fromPage ? 'page' : 'run'}
            onClick={line.step ? () => inspect(line.seq) : undefined}
          >
            <span className="console-time">{(line.t / 1000).toFixed(2)}s</span>
            {line.fromPage ? (
              <span className="console-from-page" title="A note from Flowplay itself, not printed by the code">Flowplay</span>
            ) : line.step ? (
              <span className="console-step">{line.step}</span>
            ) : (
              <span className="console-step none">run</span>
            )}
            <span className="console-text">{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
